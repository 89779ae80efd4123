package org.poststelle.store.mime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ContentFieldsTest {

    private static MimeParameter p(String name, String value) {
        return new MimeParameter(name, value);
    }

    @Test
    void typeSubtypeAndOrderedParameters() {
        ContentFields.ContentType ct = ContentFields.contentType(" Multipart/Mixed ; BOUNDARY=\"a b\" ; x=1");

        assertThat(ct.type()).isEqualTo("Multipart");
        assertThat(ct.subtype()).isEqualTo("Mixed");
        assertThat(ct.params()).containsExactly(p("BOUNDARY", "a b"), p("x", "1"));
        assertThat(ct.boundary()).isEqualTo("a b");
    }

    @Test
    void rfc2231ContinuationsAreMergedAfterPlainParameters() {
        ContentFields.ContentType ct = ContentFields.contentType("application/x; a*0=\"x\"; a*1=\"y\"; "
                + "b*0*=utf-8'en'%41; b*1=B%; c*1=q; c*2=r; d=1; D=2; e; f=; g=\"q\\\"uote\"; h==?utf-8?b?QQ==?=");

        // the same answer as the reference server, including how it resynchronises after "e"
        assertThat(ct.params()).containsExactly(p("d", "1"), p("D", "2"), p("g", "q\"uote"),
                p("h", "=?utf-8?b?QQ==?="), p("a", "xy"), p("b*", "utf-8'en'%41B%25"), p("c*1", "q"),
                p("c*2", "r"));
    }

    @Test
    void singleExtendedParameterKeepsItsStar() {
        assertThat(ContentFields.contentType("a/b; name*=utf-8''%E2%82%AC.bin").params())
                .containsExactly(p("name*", "utf-8''%E2%82%AC.bin"));
    }

    @Test
    void invalidTypes() {
        for (String v : List.of("", "text", "text/", "/plain", "garbage", "; a=b", "text /(c)")) {
            assertThat(ContentFields.contentType(v)).as(v).isNull();
        }
        assertThat(ContentFields.contentType("image/png;").params()).isEmpty();
    }

    @Test
    void transferEncodingMustBeOneToken() {
        assertThat(ContentFields.transferEncoding(" Quoted-Printable (c)")).isEqualTo("Quoted-Printable");
        assertThat(ContentFields.transferEncoding("base64 junk")).isNull();
        assertThat(ContentFields.transferEncoding("")).isNull();
    }

    @Test
    void dispositionAndLanguages() {
        ContentFields.Disposition d = ContentFields.disposition("INLINE; filename=\"a.txt\"");
        assertThat(d.type()).isEqualTo("INLINE");
        assertThat(d.params()).containsExactly(p("filename", "a.txt"));
        assertThat(ContentFields.disposition("; filename=x")).isNull();
        assertThat(ContentFields.languages("en (english), de-AT,")).containsExactly("en", "de-AT");
        assertThat(ContentFields.languages("(none)")).isNull();
    }
}
