package org.poststelle.pop3.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.poststelle.tls.StartTls;

class Pop3RequestDecoderTest {

    private static List<Pop3Request> feed(EmbeddedChannel ch, byte[] bytes, boolean byteByByte) {
        if (byteByByte) {
            for (byte b : bytes) {
                ch.writeInbound(Unpooled.wrappedBuffer(new byte[] {b}));
            }
        } else {
            ch.writeInbound(Unpooled.wrappedBuffer(bytes));
        }
        List<Pop3Request> out = new ArrayList<>();
        Pop3Request r;
        while ((r = ch.readInbound()) != null) {
            out.add(r);
        }
        return out;
    }

    private static List<Pop3Request> decode(String input, boolean byteByByte) {
        EmbeddedChannel ch = new EmbeddedChannel(new Pop3RequestDecoder(32, 1000));
        List<Pop3Request> out = feed(ch, input.getBytes(StandardCharsets.ISO_8859_1), byteByByte);
        ch.finishAndReleaseAll();
        return out;
    }

    @Test
    void framesCrlfAndBareLfLinesWholeAndByteByByte() {
        for (boolean byteByByte : new boolean[] {false, true}) {
            List<Pop3Request> out = decode("USER alice\r\nPASS a b c\nnoop\r\nRETR", byteByByte);
            assertThat(out).extracting(Pop3Request::line).containsExactly("USER alice", "PASS a b c", "noop");
            assertThat(out.get(1).verb()).isEqualTo("PASS");
            assertThat(out.get(1).args()).isEqualTo("a b c");
            assertThat(out.get(2).verb()).isEqualTo("NOOP");
        }
    }

    @Test
    void tooLongLineIsDiscardedToItsEndAndReportedInOrder() {
        for (boolean byteByByte : new boolean[] {false, true}) {
            String longLine = "X".repeat(100);
            List<Pop3Request> out = decode("NOOP\r\n" + longLine + "\r\nSTAT\r\n", byteByByte);
            assertThat(out).hasSize(3);
            assertThat(out.get(0).line()).isEqualTo("NOOP");
            assertThat(out.get(1).tooLong()).isTrue();
            assertThat(out.get(2).line()).isEqualTo("STAT");
        }
    }

    @Test
    void lineOfExactlyTheLimitIsAccepted() {
        String line = "N".repeat(30); // 30 + CRLF = 32 octets
        assertThat(decode(line + "\r\n", false)).extracting(Pop3Request::line).containsExactly(line);
        assertThat(decode(line + "N\r\n", false).get(0).tooLong()).isTrue();
    }

    @Test
    void utf8AndLatin1AreBothKept() {
        byte[] utf8 = "USER j\u00fcrgen\r\n".getBytes(StandardCharsets.UTF_8);
        byte[] latin1 = "PASS gr\u00fcn\r\n".getBytes(StandardCharsets.ISO_8859_1);
        EmbeddedChannel ch = new EmbeddedChannel(new Pop3RequestDecoder(64, 1000));
        assertThat(feed(ch, utf8, false).get(0).args()).isEqualTo("j\u00fcrgen");
        assertThat(feed(ch, latin1, false).get(0).args()).isEqualTo("gr\u00fcn");
        ch.finishAndReleaseAll();
    }

    @Test
    void stlsDropsWhatWasPipelinedBehindItAndStopsReading() {
        EmbeddedChannel ch = new EmbeddedChannel(new Pop3RequestDecoder(64, 1000));
        List<Pop3Request> out = feed(ch, "CAPA\r\nSTLS\r\nUSER alice\r\nPASS secret\r\n".getBytes(StandardCharsets.US_ASCII), false);
        assertThat(out).extracting(Pop3Request::line).containsExactly("CAPA", "STLS");
        assertThat(out.get(1).heldForTls()).isTrue();
        assertThat(ch.config().isAutoRead()).isFalse();
        // bytes of a read already under way are dropped too
        assertThat(feed(ch, "USER mallory\r\n".getBytes(StandardCharsets.US_ASCII), false)).isEmpty();

        StartTls.refuse(ch); // e.g. TLS not configured: reading resumes in clear
        ch.runPendingTasks();
        assertThat(ch.config().isAutoRead()).isTrue();
        assertThat(feed(ch, "NOOP\r\n".getBytes(StandardCharsets.US_ASCII), false)).extracting(Pop3Request::line)
                .containsExactly("NOOP");
        ch.finishAndReleaseAll();
    }

    @Test
    void stopsReadingWhileTooManyRequestsWaitAndResumesWhenAnswered() {
        Pop3RequestDecoder decoder = new Pop3RequestDecoder(64, 4);
        EmbeddedChannel ch = new EmbeddedChannel(decoder);
        assertThat(feed(ch, "NOOP\r\nNOOP\r\nNOOP\r\n".getBytes(StandardCharsets.US_ASCII), false)).hasSize(3);
        assertThat(ch.config().isAutoRead()).isTrue();
        assertThat(feed(ch, "NOOP\r\n".getBytes(StandardCharsets.US_ASCII), false)).hasSize(1);
        assertThat(ch.config().isAutoRead()).isFalse();
        assertThat(decoder.pending()).isEqualTo(4);

        decoder.requestDone();
        ch.runPendingTasks();
        assertThat(ch.config().isAutoRead()).isFalse(); // 3 still waiting: above half the limit
        decoder.requestDone();
        ch.runPendingTasks();
        assertThat(ch.config().isAutoRead()).isTrue();
        ch.finishAndReleaseAll();
    }
}
