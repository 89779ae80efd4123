package org.poststelle.pop3.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class DotStufferTest {
    private static final ByteBufAllocator ALLOC = new UnpooledByteBufAllocator(false);

    /** Runs the message through a stuffer in chunks of {@code chunk} bytes. */
    static String stuff(String message, long bodyLines, int chunk) {
        byte[] in = message.getBytes(StandardCharsets.ISO_8859_1);
        DotStuffer stuffer = new DotStuffer(bodyLines);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int off = 0; off < in.length && !stuffer.complete(); off += chunk) {
            ByteBuf buf = ALLOC.buffer();
            buf.writeBytes(in, off, Math.min(chunk, in.length - off));
            ByteBuf result = stuffer.stuff(buf, ALLOC);
            byte[] bytes = new byte[result.readableBytes()];
            result.readBytes(bytes);
            result.release();
            out.writeBytes(bytes);
        }
        ByteBuf end = ALLOC.buffer();
        stuffer.finish(end);
        byte[] bytes = new byte[end.readableBytes()];
        end.readBytes(bytes);
        end.release();
        out.writeBytes(bytes);
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    /** Every case must give the same bytes whether fed whole, byte by byte, or in odd chunks. */
    static void check(String message, long bodyLines, String expected) {
        for (int chunk : new int[] {Integer.MAX_VALUE / 2, 1, 2, 3, 7}) {
            assertThat(stuff(message, bodyLines, chunk)).as("chunk size %d", chunk).isEqualTo(expected);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "plain CRLF message         | A: b\\r\\n\\r\\nbody\\r\\n          | A: b\\r\\n\\r\\nbody\\r\\n.\\r\\n",
        "line that is just a dot    | A: b\\r\\n\\r\\n.\\r\\nx\\r\\n      | A: b\\r\\n\\r\\n..\\r\\nx\\r\\n.\\r\\n",
        "line starting with two dots| A: b\\r\\n\\r\\n..x\\r\\n           | A: b\\r\\n\\r\\n...x\\r\\n.\\r\\n",
        "dot in the middle untouched| A: b\\r\\n\\r\\nx.y\\r\\n            | A: b\\r\\n\\r\\nx.y\\r\\n.\\r\\n",
        "dot as the very first byte | .x\\r\\n                              | ..x\\r\\n.\\r\\n",
        "no final line ending       | A: b\\r\\n\\r\\nlast                 | A: b\\r\\n\\r\\nlast\\r\\n.\\r\\n",
        "final dot without ending   | A: b\\r\\n\\r\\n.                    | A: b\\r\\n\\r\\n..\\r\\n.\\r\\n",
        "final bare CR completed    | A: b\\r\\n\\r\\nlast\\r               | A: b\\r\\n\\r\\nlast\\r\\n.\\r\\n",
        "bare LF becomes CRLF       | A: b\\n\\nbody\\n.dot\\n             | A: b\\r\\n\\r\\nbody\\r\\n..dot\\r\\n.\\r\\n",
        "bare CR inside a line kept | A: b\\r\\n\\r\\nx\\ry\\r\\n            | A: b\\r\\n\\r\\nx\\ry\\r\\n.\\r\\n",
        "empty message              | ''                                   | .\\r\\n",
    })
    void retrStuffsAndTerminates(String name, String message, String expected) {
        check(unescape(message), -1, unescape(expected));
    }

    @ParameterizedTest(name = "TOP {1}: {0}")
    @CsvSource(delimiter = '|', value = {
        "header and blank line only   | 0 | A: b\\r\\nC: d\\r\\n\\r\\n1\\r\\n2\\r\\n | A: b\\r\\nC: d\\r\\n\\r\\n.\\r\\n",
        "two body lines               | 2 | A: b\\r\\n\\r\\n1\\r\\n.2\\r\\n3\\r\\n    | A: b\\r\\n\\r\\n1\\r\\n..2\\r\\n.\\r\\n",
        "more lines than the body has | 9 | A: b\\r\\n\\r\\n1\\r\\n2                | A: b\\r\\n\\r\\n1\\r\\n2\\r\\n.\\r\\n",
        "no body at all               | 0 | A: b\\r\\nC: d\\r\\n                   | A: b\\r\\nC: d\\r\\n.\\r\\n",
        "bare LF header end           | 1 | A: b\\n\\n1\\n2\\n                      | A: b\\r\\n\\r\\n1\\r\\n.\\r\\n",
        "empty body lines count       | 2 | A: b\\r\\n\\r\\n\\r\\n\\r\\nx\\r\\n      | A: b\\r\\n\\r\\n\\r\\n\\r\\n.\\r\\n",
    })
    void topStopsAfterTheRequestedLines(String name, long lines, String message, String expected) {
        check(unescape(message), lines, unescape(expected));
    }

    @Test
    void chunkNeedingNoChangeIsPassedThroughWithoutCopy() {
        ByteBuf in = ALLOC.buffer().writeBytes("A: b\r\n\r\nbody\r\n".getBytes(StandardCharsets.US_ASCII));
        ByteBuf out = new DotStuffer(-1).stuff(in, ALLOC);
        assertThat(out).isSameAs(in);
        out.release();
    }

    @Test
    void topCompletesSoTheRestNeedNotBeRead() {
        DotStuffer stuffer = new DotStuffer(1);
        ByteBuf out = stuffer.stuff(ALLOC.buffer().writeBytes("A: b\r\n\r\n1\r\n2\r\n".getBytes(StandardCharsets.US_ASCII)), ALLOC);
        assertThat(stuffer.complete()).isTrue();
        assertThat(out.toString(StandardCharsets.US_ASCII)).isEqualTo("A: b\r\n\r\n1\r\n");
        out.release();
    }

    static String unescape(String s) {
        return s.replace("''", "").replace("\\r", "\r").replace("\\n", "\n");
    }
}
