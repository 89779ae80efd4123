package org.poststelle.imap.fetch.structure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.poststelle.imap.fetch.structure.DovecotFidelityTest.crlf;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.poststelle.store.mime.MessageStructure;

class BodyStructureRendererTest {

    private static MessageStructure parse(String lfMessage) throws IOException {
        return MessageStructure.parse(new ByteArrayInputStream(crlf(lfMessage)));
    }

    private static String bodystructure(String m, boolean rev2) throws IOException {
        return new String(BodyStructureRenderer.bodyStructure(parse(m), rev2), StandardCharsets.UTF_8);
    }

    @Test
    void messageGlobalHasTheMessageFormOnlyInImap4rev2() throws IOException {
        String m = "Content-Type: message/global\n\nSubject: inner\n\nbody\n";

        assertThat(bodystructure(m, false))
                .isEqualTo("(\"message\" \"global\" NIL NIL NIL \"7bit\" 24 NIL NIL NIL NIL)");
        assertThat(bodystructure(m, true)).isEqualTo("(\"message\" \"global\" NIL NIL NIL \"7bit\" 24"
                + " (NIL \"inner\" NIL NIL NIL NIL NIL NIL NIL NIL)"
                + " (\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 6 1 NIL NIL NIL NIL) 3"
                + " NIL NIL NIL NIL)");
    }

    @Test
    void multipartWithoutPartsGetsAnEmptyTextPart() throws IOException {
        String m = "Content-Type: multipart/mixed; boundary=zz\n\nno parts\n";

        assertThat(bodystructure(m, false)).isEqualTo("((\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL"
                + " \"7bit\" 0 0 NIL NIL NIL NIL) \"mixed\" (\"boundary\" \"zz\") NIL NIL NIL)");
        assertThat(new String(BodyStructureRenderer.body(parse(m), false), StandardCharsets.UTF_8))
                .isEqualTo("((\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 0 0) \"mixed\")");
    }

    @Test
    void eightBitValuesGoOutAsLiterals() throws IOException {
        String m = "Content-Type: application/octet-stream; name=\"Gr\u00c3\u00bc\u00c3\u009fe.txt\"\n\nx\n";

        assertThat(bodystructure(m, false)).isEqualTo("(\"application\" \"octet-stream\" (\"name\" {11}\r\n"
                + "Grüße.txt) NIL NIL \"7bit\" 3 NIL NIL NIL NIL)");
    }

    @Test
    void opaquePartsOverTheNestingLimitAreApplicationOctetStream() throws IOException {
        StringBuilder m = new StringBuilder();
        for (int i = 0; i < 120; i++) {
            m.append("Content-Type: message/rfc822\n\n");
        }
        m.append("Subject: deep\n\nx\n");

        String s = bodystructure(m.toString(), false);

        assertThat(s).contains("(\"application\" \"octet-stream\" NIL NIL NIL \"7bit\" ");
        assertThat(s.chars().filter(c -> c == '(').count()).isEqualTo(s.chars().filter(c -> c == ')').count());
    }
}
