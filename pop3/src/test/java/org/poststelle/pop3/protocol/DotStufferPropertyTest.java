package org.poststelle.pop3.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** The chunked, SWAR-scanning stuffer against a plain line-by-line reference, for any bytes and any chunking. */
class DotStufferPropertyTest {

    /** RFC 1939 by the letter: CRLF lines (bare LF counts as a line end), stuff, end with ".". */
    static String reference(String message, long bodyLines) {
        StringBuilder out = new StringBuilder();
        boolean inBody = false;
        long left = bodyLines < 0 ? Long.MAX_VALUE : bodyLines;
        int pos = 0;
        while (pos < message.length()) {
            if (inBody && left == 0) {
                break;
            }
            int lf = message.indexOf('\n', pos);
            String line = lf < 0 ? message.substring(pos) : message.substring(pos, lf);
            String content = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
            out.append(content.startsWith(".") ? "." : "").append(content).append("\r\n");
            if (!inBody) {
                inBody = content.isEmpty() && lf >= 0;
            } else if (left != Long.MAX_VALUE) {
                left--;
            }
            pos = lf < 0 ? message.length() : lf + 1;
        }
        return out.append(".\r\n").toString();
    }

    @Provide
    Arbitrary<String> messages() {
        return Arbitraries.strings().withChars("\r\n.aZ \t").ofMaxLength(400);
    }

    @Property(tries = 2000)
    void anyChunkingGivesTheReference(@ForAll("messages") String message, @ForAll @IntRange(min = 1, max = 40) int chunk,
            @ForAll @IntRange(min = -1, max = 5) int bodyLines) {
        String expected = reference(message, bodyLines);
        assertThat(DotStufferTest.stuff(message, bodyLines, chunk)).isEqualTo(expected);
        assertThat(DotStufferTest.stuff(message, bodyLines, Integer.MAX_VALUE / 2)).isEqualTo(expected);
    }

    @Property(tries = 200)
    void longRunsWithoutLineEnds(@ForAll @IntRange(min = 0, max = 3000) int length) {
        String message = "x".repeat(length) + "\n." + "y".repeat(length % 17);
        assertThat(DotStufferTest.stuff(message, -1, 64)).isEqualTo(reference(message, -1));
    }
}
