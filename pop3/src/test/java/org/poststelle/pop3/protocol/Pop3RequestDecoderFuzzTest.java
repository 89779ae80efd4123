package org.poststelle.pop3.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Random bytes in random chunks: the decoder never throws and answers every line exactly once. */
class Pop3RequestDecoderFuzzTest {

    @Provide
    Arbitrary<byte[]> input() {
        Arbitrary<Byte> bytes = Arbitraries.oneOf(Arbitraries.bytes(),
                Arbitraries.of((byte) '\r', (byte) '\n', (byte) ' ', (byte) 'A', (byte) '.'));
        return bytes.array(byte[].class).ofMaxSize(600);
    }

    @Property(tries = 1000)
    void everyLineFeedEndsExactlyOneRequest(@ForAll("input") byte[] input, @ForAll @IntRange(min = 1, max = 50) int chunk) {
        EmbeddedChannel ch = new EmbeddedChannel(new Pop3RequestDecoder(64, 1_000_000));
        for (int off = 0; off < input.length; off += chunk) {
            ch.writeInbound(Unpooled.wrappedBuffer(input, off, Math.min(chunk, input.length - off)));
        }
        int requests = 0;
        boolean held = false;
        Pop3Request r;
        while ((r = ch.readInbound()) != null) {
            requests++;
            assertThat(r.line()).doesNotContain("\n");
            assertThat(r.line().length()).isLessThanOrEqualTo(64);
            held |= r.heldForTls();
        }
        if (!held) {
            int lineFeeds = 0;
            for (byte b : input) {
                lineFeeds += b == '\n' ? 1 : 0;
            }
            assertThat(requests).isEqualTo(lineFeeds);
        }
        ch.finishAndReleaseAll();
    }

    @Property(tries = 200)
    void stlsHidesEverythingAfterIt(@ForAll("input") byte[] after) {
        EmbeddedChannel ch = new EmbeddedChannel(new Pop3RequestDecoder(64, 1000));
        byte[] head = "stls\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] all = new byte[head.length + after.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(after, 0, all, head.length, after.length);
        ch.writeInbound(Unpooled.wrappedBuffer(all));
        List<Object> out = new java.util.ArrayList<>();
        Object o;
        while ((o = ch.readInbound()) != null) {
            out.add(o);
        }
        assertThat(out).hasSize(1);
        assertThat(((Pop3Request) out.get(0)).heldForTls()).isTrue();
        ch.finishAndReleaseAll();
    }
}
