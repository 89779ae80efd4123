package org.poststelle.imap.fetch.structure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.poststelle.store.mime.MessageStructure;

/**
 * Whatever the message, ENVELOPE, BODY and BODYSTRUCTURE come out as well-formed IMAP: balanced lists of NIL,
 * numbers, quoted strings (only 7-bit, no CR/LF, escapes valid) and literals of the announced length.
 */
class RenderingPropertiesTest {
    private static final List<String> FRAGMENTS = List.of(
            "Content-Type: multipart/mixed; boundary=b\r\n", "Content-Type: message/rfc822\r\n",
            "Content-Type: message/global\r\n", "Content-Type: text/plain; a=\"x\\\"y\"; b*=u''%41\r\n",
            "Content-Disposition: inline; f=\u00c3\u00bc\r\n", "Content-Language: en, de\r\n",
            "Content-Location: \"q\" \\ \r\n", "Content-ID: <\u0000>\r\n",
            "From: \"a\\\"b\" <a@b>, g: ;, <@r:x@y> (c)\r\n", "To: \u00ff\u00fe@\r\n",
            "Subject: x\r\n\ty\r\n", "--b\r\n", "--b--\r\n", "\r\n", "text\r\n", "\"", "\\", "(", ")", "{3}\r\n");

    @Provide
    Arbitrary<byte[]> messages() {
        Arbitrary<byte[]> fragment = Arbitraries.of(FRAGMENTS).map(s -> s.getBytes(StandardCharsets.ISO_8859_1));
        Arbitrary<byte[]> noise = Arbitraries.bytes().array(byte[].class).ofMaxSize(20);
        return Arbitraries.frequencyOf(Tuple.of(9, fragment), Tuple.of(1, noise)).list().ofMaxSize(80)
                .map(parts -> {
                    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
                    parts.forEach(out::writeBytes);
                    return out.toByteArray();
                });
    }

    @Property(tries = 400)
    void renderingsAreWellFormed(@ForAll("messages") byte[] message) throws IOException {
        MessageStructure s = MessageStructure.parse(new ByteArrayInputStream(message));
        for (boolean rev2 : new boolean[] {false, true}) {
            wellFormedList(BodyStructureRenderer.bodyStructure(s, rev2));
            wellFormedList(BodyStructureRenderer.body(s, rev2));
        }
        wellFormedList(EnvelopeRenderer.render(s.envelope()));
    }

    /** Reads one parenthesised list and requires that it spans the whole output. */
    static void wellFormedList(byte[] b) {
        int end = value(b, 0);
        assertThat(b[0]).isEqualTo((byte) '(');
        assertThat(end).as(new String(b, StandardCharsets.ISO_8859_1)).isEqualTo(b.length);
    }

    private static int value(byte[] b, int i) {
        byte c = b[i];
        if (c == '(') {
            i++;
            while (b[i] != ')') {
                i = value(b, i);
                if (b[i] == ' ') {
                    i++;
                }
            }
            return i + 1;
        }
        if (c == '"') {
            i++;
            while (b[i] != '"') {
                assertThat(b[i]).isNotIn((byte) '\r', (byte) '\n', (byte) 0).isPositive();
                if (b[i] == '\\') {
                    i++;
                    assertThat(b[i]).isIn((byte) '"', (byte) '\\');
                }
                i++;
            }
            return i + 1;
        }
        if (c == '{') {
            int close = i;
            while (b[close] != '}') {
                close++;
            }
            int n = Integer.parseInt(new String(b, i + 1, close - i - 1, StandardCharsets.US_ASCII));
            assertThat(b[close + 1]).isEqualTo((byte) '\r');
            assertThat(b[close + 2]).isEqualTo((byte) '\n');
            for (int k = close + 3; k < close + 3 + n; k++) {
                assertThat(b[k]).isNotEqualTo((byte) 0);
            }
            return close + 3 + n;
        }
        int start = i;
        while (i < b.length && b[i] != ' ' && b[i] != ')' && b[i] != '(') {
            i++;
        }
        String atom = new String(b, start, i - start, StandardCharsets.US_ASCII);
        assertThat(atom).matches("NIL|[0-9]+");
        return i;
    }
}
