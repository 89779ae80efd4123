package org.poststelle.pop3.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.stream.ChunkedWriteHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class Pop3ResponseEncoderTest {

    private static String encode(Pop3Response response) {
        EmbeddedChannel ch = new EmbeddedChannel(new ChunkedWriteHandler(), Pop3ResponseEncoder.INSTANCE);
        ch.writeAndFlush(response);
        ch.runPendingTasks();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuf b;
        while ((b = ch.readOutbound()) != null) {
            byte[] bytes = new byte[b.readableBytes()];
            b.readBytes(bytes);
            b.release();
            out.writeBytes(bytes);
        }
        ch.finishAndReleaseAll();
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void statusLines() {
        assertThat(encode(Pop3Response.ok(""))).isEqualTo("+OK\r\n");
        assertThat(encode(Pop3Response.ok("2 320"))).isEqualTo("+OK 2 320\r\n");
        assertThat(encode(Pop3Response.err("IN-USE", "Mailbox is locked."))).isEqualTo("-ERR [IN-USE] Mailbox is locked.\r\n");
    }

    @Test
    void echoedClientTextCannotBreakTheLine() {
        assertThat(encode(Pop3Response.err("Unknown command: A\rB\u0000"))).isEqualTo("-ERR Unknown command: A?B?\r\n");
        assertThat(encode(Pop3Response.err("x".repeat(1000)))).hasSizeLessThan(420);
    }

    @Test
    void challenge() {
        assertThat(encode(new Pop3Response.Challenge(""))).isEqualTo("+ \r\n");
        assertThat(encode(new Pop3Response.Challenge("VXNlcm5hbWU6"))).isEqualTo("+ VXNlcm5hbWU6\r\n");
    }

    @Test
    void multiLineAnswersAreDotStuffedAndTerminated() {
        assertThat(encode(Pop3Response.lines("list follows", List.of("1 120", ".hidden", "")))).isEqualTo(
                "+OK list follows\r\n1 120\r\n..hidden\r\n\r\n.\r\n");
        assertThat(encode(Pop3Response.lines("", List.of()))).isEqualTo("+OK\r\n.\r\n");
    }

    @Test
    void longListingsStreamInChunksWithTheSameBytes() {
        int n = Pop3Response.INLINE_LINES * 40;
        Pop3Response.Lines lines = new Pop3Response.Lines(n + " messages:", n, i -> (i + 1) + " " + (1000 + i));
        assertThat(lines.streams()).isTrue();
        StringBuilder expected = new StringBuilder("+OK " + n + " messages:\r\n");
        for (int i = 0; i < n; i++) {
            expected.append(i + 1).append(' ').append(1000 + i).append("\r\n");
        }
        assertThat(encode(lines)).isEqualTo(expected.append(".\r\n").toString());
    }

    @Test
    void messageIsStreamedStuffedAndItsSourceClosed() {
        AtomicBoolean closed = new AtomicBoolean();
        byte[] body = ("Subject: x\r\n\r\n" + ".dot\r\n" + "y".repeat(200_000) + "\nend").getBytes(StandardCharsets.US_ASCII);
        MessageSource source = new MessageSource() {
            private final MessageSource in = MessageSource.of(new ByteArrayInputStream(body));

            @Override
            public int read(ByteBuf dst, int max) throws java.io.IOException {
                return in.read(dst, max);
            }

            @Override
            public void close() {
                closed.set(true);
            }
        };
        String out = encode(new Pop3Response.Message(body.length + " octets", source, -1));
        assertThat(out).isEqualTo("+OK " + body.length + " octets\r\nSubject: x\r\n\r\n..dot\r\n" + "y".repeat(200_000)
                + "\r\nend\r\n.\r\n");
        assertThat(closed).isTrue();
    }
}
