package org.poststelle.imap.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.poststelle.core.config.ConfigSection;
import org.poststelle.imap.ImapConfig;
import org.poststelle.imap.command.Append;
import org.poststelle.imap.command.Fetch;
import org.poststelle.imap.command.ListMailboxes;
import org.poststelle.imap.command.Store;
import org.poststelle.imap.handler.ImapCommands;
import org.poststelle.imap.session.CommandSpec;
import org.poststelle.store.StoreException;

/**
 * Random and mutated input never throws out of the decoder or the command parsers, never hangs, and never
 * holds more than the limits allow.
 */
class DecoderFuzzTest {
    private static final ImapConfig SMALL = ImapConfig.from(ConfigSection.of(Map.of(
            "max_line_length", "1k", "max_literal_size", "2k", "max_command_size", "8k",
            "literal_spool_threshold", "4k", "append_limit", "16k")));

    private static final List<String> SEEDS = List.of(
            "a1 LOGIN alice secret\r\n",
            "a2 SELECT INBOX\r\n",
            "a3 UID FETCH 1:* (UID FLAGS BODY.PEEK[HEADER.FIELDS (SUBJECT FROM)]<0.100>)\r\n",
            "a4 STORE 1,3:5 +FLAGS.SILENT (\\Seen $Label)\r\n",
            "a5 APPEND INBOX (\\Draft) \" 1-Jan-2024 10:00:00 +0000\" {11+}\r\nSubject: x\r\n\r\n",
            "a6 LIST (SUBSCRIBED RECURSIVEMATCH) \"\" (* %) RETURN (CHILDREN STATUS (MESSAGES))\r\n",
            "a7 SEARCH (OR SUBJECT {3}\r\nfoo FROM \"x\\\"y\") UID 1:*\r\n",
            "a8 IDLE\r\nDONE\r\n",
            "a9 AUTHENTICATE PLAIN AGFsaWNlAHNlY3JldA==\r\n",
            "b1 CREATE \"Entw&APw-rfe\" (USE (\\Drafts))\r\n",
            "b2 APPEND x ~{5}\r\nab\0cd\r\n");

    @Provide
    Arbitrary<byte[]> mutated() {
        Arbitrary<String> seed = Arbitraries.of(SEEDS);
        Arbitrary<Integer> position = Arbitraries.integers().between(0, 200);
        Arbitrary<byte[]> noise = Arbitraries.bytes().array(byte[].class).ofMaxSize(20);
        Arbitrary<Integer> op = Arbitraries.integers().between(0, 3);
        return Combinators.combine(seed, position, noise, op).as((s, pos, bytes, o) -> {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            int p = Math.min(pos, b.length);
            byte[] out;
            switch (o) {
                case 0 -> { // insert
                    out = new byte[b.length + bytes.length];
                    System.arraycopy(b, 0, out, 0, p);
                    System.arraycopy(bytes, 0, out, p, bytes.length);
                    System.arraycopy(b, p, out, p + bytes.length, b.length - p);
                }
                case 1 -> { // overwrite
                    out = b.clone();
                    for (int i = 0; i < bytes.length && p + i < out.length; i++) {
                        out[p + i] = bytes[i];
                    }
                }
                case 2 -> { // truncate
                    out = java.util.Arrays.copyOf(b, p);
                }
                default -> { // repeat
                    out = (s + s + s).getBytes(StandardCharsets.UTF_8);
                }
            }
            return out;
        });
    }

    @Property(tries = 1000)
    void mutatedCommandsNeverBreakTheDecoderOrParsers(@ForAll("mutated") byte[] input) {
        run(input, false);
        run(input, true);
    }

    @Property(tries = 500)
    void randomBytesNeverBreakTheDecoder(@ForAll @Size(max = 600) byte[] input) {
        run(input, false);
    }

    @Property(tries = 300)
    void randomPrintableInputNeverBreaksIt(@ForAll("printable") String input) {
        run(input.getBytes(StandardCharsets.UTF_8), true);
    }

    @Provide
    Arbitrary<String> printable() {
        return Arbitraries.strings().withChars("aA1 ()[]{}<>\"\\*%$:,.+~-\r\n\0").ofMaxLength(300);
    }

    private static void run(byte[] input, boolean byteByByte) {
        ImapFrameDecoder d = new ImapFrameDecoder(SMALL, new FlowControl());
        d.loggedIn();
        EmbeddedChannel ch = new EmbeddedChannel(d);
        if (byteByByte) {
            for (byte b : input) {
                ch.writeInbound(Unpooled.wrappedBuffer(new byte[] {b}));
            }
        } else {
            ch.writeInbound(Unpooled.wrappedBuffer(input));
        }
        List<Object> frames = new ArrayList<>();
        Object o;
        while ((o = ch.readInbound()) != null) {
            frames.add(o);
        }
        ch.finishAndReleaseAll();
        for (Object f : frames) {
            assertThat(f).isInstanceOf(DecodedFrame.class);
            if (f instanceof ImapRequest r) {
                parseAll(r);
                r.release();
            }
        }
    }

    /** Every parser accepts or rejects with BadCommandException (or StoreException for mailbox names). */
    private static void parseAll(ImapRequest r) {
        for (CommandSpec<?> spec : ImapCommands.table().all().values()) {
            for (boolean utf8 : new boolean[] {false, true}) {
                try {
                    spec.parser().parse(new Args(r.args(), utf8));
                } catch (BadCommandException | StoreException expected) {
                    // a clear answer for the client
                }
            }
        }
        for (ThrowingParser p : List.<ThrowingParser>of(Fetch::parse, Store::parse, Append::parse,
                ListMailboxes::parseList)) {
            try {
                p.parse(new Args(r.args(), false));
            } catch (BadCommandException | StoreException expected) {
                // a clear answer for the client
            }
        }
    }

    @FunctionalInterface
    interface ThrowingParser {
        Object parse(Args a) throws BadCommandException;
    }
}
