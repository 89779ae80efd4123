package org.poststelle.imap.fetch.structure;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ImapOutTest {

    private static String out(String s) {
        return new String(new ImapOut().nstring(s).toByteArray(), StandardCharsets.ISO_8859_1);
    }

    @Test
    void quotesWhenItCan() {
        assertThat(out("hello world")).isEqualTo("\"hello world\"");
        assertThat(out("")).isEqualTo("\"\"");
        assertThat(out("tab\there")).isEqualTo("\"tab\there\"");
        assertThat(out("a \"b\" \\c")).isEqualTo("\"a \\\"b\\\" \\\\c\"");
    }

    @Test
    void nilForNull() {
        assertThat(out(null)).isEqualTo("NIL");
        assertThat(out("NIL")).isEqualTo("\"NIL\"");
    }

    @Test
    void literalForLineBreaksEightBitAndLongStrings() {
        assertThat(out("a\r\nb")).isEqualTo("{4}\r\na\r\nb");
        assertThat(out("Grüße")).isEqualTo("{7}\r\nGr\u00c3\u00bc\u00c3\u009fe");
        String longOne = "x".repeat(ImapOut.LONG_STRING + 1);
        assertThat(out(longOne)).isEqualTo("{" + longOne.length() + "}\r\n" + longOne);
        assertThat(out("x".repeat(ImapOut.LONG_STRING))).startsWith("\"x");
    }

    @Test
    void nulIsNeverSent() {
        assertThat(out("a\0b")).isEqualTo("{5}\r\na\u00ef\u00bf\u00bdb");
    }

    @Test
    void atomsNumbersAndLists() {
        ImapOut o = new ImapOut(1).open().atom("X").sp().number(42L).sp().nil().close();
        assertThat(o.toString()).isEqualTo("(X 42 NIL)");
        assertThat(o.length()).isEqualTo(10);
    }
}
