package org.poststelle.imap.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.poststelle.core.config.ConfigSection;
import org.poststelle.imap.ImapConfig;
import org.poststelle.imap.protocol.DecodedFrame.ContinuationLine;
import org.poststelle.imap.protocol.DecodedFrame.FrameError;
import org.poststelle.imap.protocol.DecodedFrame.LiteralContinuation;

/** Every case is fed whole and byte by byte: the results must not differ (Dovecot test-imap-parser style). */
class ImapFrameDecoderTest {
    @TempDir
    Path spool;

    private ImapConfig config(Map<String, Object> values) {
        Map<String, Object> all = new HashMap<>(values);
        all.putIfAbsent("spool_directory", spool.toString());
        return ImapConfig.from(ConfigSection.of(all));
    }

    private List<Object> decode(String input, boolean byteByByte) {
        return decode(config(Map.of()), input, byteByByte, true);
    }

    private List<Object> decode(ImapConfig cfg, String input, boolean byteByByte, boolean loggedIn) {
        ImapFrameDecoder decoder = new ImapFrameDecoder(cfg, new FlowControl());
        if (loggedIn) {
            decoder.loggedIn();
        }
        EmbeddedChannel ch = new EmbeddedChannel(decoder);
        byte[] bytes = input.getBytes(StandardCharsets.UTF_8);
        if (byteByByte) {
            for (byte b : bytes) {
                ch.writeInbound(Unpooled.wrappedBuffer(new byte[] {b}));
            }
        } else {
            ch.writeInbound(Unpooled.wrappedBuffer(bytes));
        }
        List<Object> out = new ArrayList<>();
        Object o;
        while ((o = ch.readInbound()) != null) {
            out.add(o);
        }
        ch.finishAndReleaseAll();
        return out;
    }

    /** Decodes both ways, checks they agree, returns a readable form. */
    private List<String> frames(String input) {
        List<String> whole = render(decode(input, false));
        List<String> bytewise = render(decode(input, true));
        assertThat(bytewise).as("byte-by-byte equals whole").isEqualTo(whole);
        return whole;
    }

    private static List<String> render(List<Object> frames) {
        List<String> out = new ArrayList<>();
        for (Object f : frames) {
            out.add(f.toString());
        }
        return out;
    }

    @Test
    void simpleCommand() {
        assertThat(frames("a1 NOOP\r\n")).containsExactly("a1 NOOP");
    }

    @Test
    void commandNameIsUpperCasedAndUidJoined() {
        List<Object> f = decode("x uid fetch 1:* (FLAGS)\r\n", false);
        ImapRequest r = (ImapRequest) f.get(0);
        assertThat(r.tag()).isEqualTo("x");
        assertThat(r.command()).isEqualTo("UID FETCH");
        assertThat(r.args()).containsExactly(new ImapArg.Atom("1:*"),
                new ImapArg.ArgList(List.of(new ImapArg.Atom("FLAGS"))));
    }

    @Test
    void quotedStringsWithEscapes() {
        ImapRequest r = (ImapRequest) decode("a LOGIN \"us\\\"er\" \"p\\\\w\"\r\n", true).get(0);
        assertThat(r.args()).containsExactly(new ImapArg.Quoted("us\"er"), new ImapArg.Quoted("p\\w"));
    }

    @Test
    void nestedListsAndSectionSplitting() {
        assertThat(frames("a FETCH 1 (FLAGS BODY.PEEK[HEADER.FIELDS (SUBJECT FROM)]<0.100>)\r\n"))
                .containsExactly("a FETCH [1, (FLAGS BODY.PEEK[HEADER.FIELDS (SUBJECT FROM) ]<0.100>)]");
    }

    @Test
    void synchronizingLiteralAsksForContinuation() {
        List<Object> f = decode("a LOGIN {4}\r\nuser pass\r\n", false);
        assertThat(f.get(0)).isEqualTo(LiteralContinuation.INSTANCE);
        assertThat(f.get(1).toString()).isEqualTo("a LOGIN [{4}user, pass]");
        assertThat(frames("a LOGIN {4}\r\nuser pass\r\n")).hasSize(2);
    }

    @Test
    void nonSynchronizingLiteralDoesNot() {
        assertThat(frames("a LOGIN {4+}\r\nuser {4+}\r\npass\r\n")).containsExactly("a LOGIN [{4}user, {4}pass]");
    }

    @Test
    void literal8IsMarkedBinary() {
        ImapRequest r = (ImapRequest) decode("a APPEND INBOX ~{3+}\r\na\0b\r\n", true).get(0);
        ImapArg.Literal lit = (ImapArg.Literal) r.args().get(1);
        assertThat(lit.binary()).isTrue();
        assertThat(lit.data().size()).isEqualTo(3);
    }

    @Test
    void emptyLiteral() {
        assertThat(frames("a LOGIN {0+}\r\n {0+}\r\n\r\n")).containsExactly("a LOGIN [{0}, {0}]");
    }

    @Test
    void literalInsideList() {
        assertThat(frames("a SEARCH (SUBJECT {5+}\r\nhello FROM x)\r\n"))
                .containsExactly("a SEARCH [(SUBJECT {5}hello FROM x)]");
    }

    @Test
    void emptyLinesAreIgnoredAndBareLfAccepted() {
        assertThat(frames("\r\n\na NOOP\nb NOOP\r\n")).containsExactly("a NOOP", "b NOOP");
    }

    @Test
    void invalidTagIsAnsweredUntagged() {
        List<Object> f = decode("* NOOP\r\nb NOOP\r\n", false);
        FrameError e = (FrameError) f.get(0);
        assertThat(e.tag()).isNull();
        assertThat(e.no()).isFalse();
        assertThat(f.get(1).toString()).isEqualTo("b NOOP");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\r\n", "a \r\n", "a (x\r\n", "a NOOP x)\r\n", "a LOGIN \"abc\r\n", "a LOGIN \"a\\b\"\r\n",
        "a LOGIN {5} x\r\n", "a LOGIN a\0b\r\n"})
    void syntaxErrorsGiveBadAndDecodingContinues(String bad) {
        List<Object> f = decode(bad + "z NOOP\r\n", false);
        assertThat(f).hasSize(2);
        assertThat(f.get(0)).isInstanceOf(FrameError.class);
        assertThat(((FrameError) f.get(0)).close()).isFalse();
        assertThat(f.get(1).toString()).isEqualTo("z NOOP");
        assertThat(render(decode(bad + "z NOOP\r\n", true))).isEqualTo(render(f));
    }

    @Test
    void overlongLineIsSkippedWithTaggedBad() {
        ImapConfig cfg = config(Map.of("max_line_length", "1k"));
        String input = "t1 NOOP " + "x".repeat(5000) + "\r\nt2 NOOP\r\n";
        for (boolean bytewise : new boolean[] {false, true}) {
            List<Object> f = decode(cfg, input, bytewise, true);
            assertThat(f).hasSize(2);
            FrameError e = (FrameError) f.get(0);
            assertThat(e.tag()).isEqualTo("t1");
            assertThat(e.text()).contains("too long");
            assertThat(f.get(1).toString()).isEqualTo("t2 NOOP");
        }
    }

    @Test
    void overlongLineEndingInNonSyncLiteralSkipsTheLiteralToo() {
        ImapConfig cfg = config(Map.of("max_line_length", "1k"));
        // the literal's bytes look like a command: they must never run
        String input = "t1 APPEND " + "x".repeat(3000) + " {13+}\r\nt9 DELETE foo\r\nt2 NOOP\r\n";
        for (boolean bytewise : new boolean[] {false, true}) {
            List<Object> f = decode(cfg, input, bytewise, true);
            assertThat(render(f)).hasSize(2);
            assertThat(((FrameError) f.get(0)).tag()).isEqualTo("t1");
            assertThat(f.get(1).toString()).isEqualTo("t2 NOOP");
        }
    }

    @Test
    void tooLargeSyncLiteralIsRefusedBeforeTheContinuation() {
        ImapConfig cfg = config(Map.of("max_literal_size", "1k"));
        List<Object> f = decode(cfg, "a LOGIN {2000}\r\nb NOOP\r\n", false, true);
        FrameError e = (FrameError) f.get(0);
        assertThat(e.tag()).isEqualTo("a");
        assertThat(e.code()).isEqualTo("TOOBIG");
        assertThat(f.get(1).toString()).isEqualTo("b NOOP");
        assertThat(f).noneMatch(o -> o == LiteralContinuation.INSTANCE);
    }

    @Test
    void tooLargeNonSyncLiteralIsSkipped() {
        ImapConfig cfg = config(Map.of("max_literal_size", "1k"));
        String input = "a LOGIN {2000+}\r\n" + "y".repeat(2000) + " {3+}\r\nabc\r\nb NOOP\r\n";
        for (boolean bytewise : new boolean[] {false, true}) {
            List<Object> f = decode(cfg, input, bytewise, true);
            assertThat(f).hasSize(2);
            assertThat(((FrameError) f.get(0)).code()).isEqualTo("TOOBIG");
            assertThat(f.get(1).toString()).isEqualTo("b NOOP");
        }
    }

    @Test
    void appendLiteralOverAppendLimitIsNoTooBig() {
        ImapConfig cfg = config(Map.of("append_limit", "1k"));
        FrameError e = (FrameError) decode(cfg, "a APPEND INBOX {5000}\r\n", false, true).get(0);
        assertThat(e.no()).isTrue();
        assertThat(e.code()).isEqualTo("TOOBIG");
    }

    @Test
    void literalsBeforeLoginAreSmall() {
        ImapConfig cfg = config(Map.of());
        List<Object> f = decode(cfg, "a LOGIN {9000}\r\n", false, false);
        assertThat(((FrameError) f.get(0)).code()).isEqualTo("TOOBIG");
        List<Object> ok = decode(cfg, "a LOGIN {8000}\r\n", false, false);
        assertThat(ok.get(0)).isEqualTo(LiteralContinuation.INSTANCE);
    }

    @Test
    void largeAppendLiteralIsSpooledToDisk() throws Exception {
        ImapConfig cfg = config(Map.of("literal_spool_threshold", "1k"));
        String body = "Subject: x\r\n\r\n" + "z".repeat(10_000) + "\r\n";
        for (boolean bytewise : new boolean[] {false, true}) {
            List<Object> f = decode(cfg, "a APPEND INBOX {" + body.length() + "+}\r\n" + body + "\r\n", bytewise, true);
            ImapRequest r = (ImapRequest) f.get(0);
            ImapArg.Literal lit = (ImapArg.Literal) r.args().get(1);
            assertThat(lit.data()).isInstanceOf(LiteralData.Spooled.class);
            try (InputStream in = lit.data().open()) {
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(body);
            }
            r.release();
        }
        try (var files = Files.list(spool)) {
            assertThat(files).as("spool files deleted after release").isEmpty();
        }
    }

    @Test
    void replaceLiteralsAreSpooledAndLimitedLikeAppend() throws Exception {
        ImapConfig cfg = config(Map.of("literal_spool_threshold", "1k", "append_limit", "8k",
                "max_literal_size", "1k"));
        String body = "Subject: x\r\n\r\n" + "z".repeat(5_000) + "\r\n";
        for (String command : new String[] {"REPLACE 1", "UID REPLACE 7"}) {
            List<Object> f = decode(cfg, "a " + command + " INBOX {" + body.length() + "+}\r\n" + body + "\r\n",
                    false, true);
            ImapRequest r = (ImapRequest) f.get(0);
            ImapArg.Literal lit = (ImapArg.Literal) r.args().get(2);
            assertThat(lit.data()).as(command).isInstanceOf(LiteralData.Spooled.class);
            r.release();
            FrameError e = (FrameError) decode(cfg, "a " + command + " INBOX {9000}\r\n", false, true).get(0);
            assertThat(e.no()).as(command).isTrue();
            assertThat(e.code()).isEqualTo("TOOBIG");
        }
    }

    @Test
    void stringsThatAreNotUtf8AreTakenAsLatin1() {
        // what Angus Mail sends for SUBJECT "grüße" after ENABLE UTF8=ACCEPT: one byte per character
        byte[] latin1 = "t SEARCH SUBJECT \"gr\u00fc\u00dfe\" {4+}\r\nK\u00f6ln\r\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        EmbeddedChannel ch = new EmbeddedChannel(new ImapFrameDecoder(config(Map.of()), new FlowControl()));
        ch.writeInbound(Unpooled.wrappedBuffer(latin1));
        ImapRequest r = ch.readInbound();
        assertThat(r.args().get(1)).isEqualTo(new ImapArg.Quoted("gr\u00fc\u00dfe"));
        assertThat(((ImapArg.Literal) r.args().get(2)).text()).isEqualTo("K\u00f6ln");
        r.release();
        ch.finishAndReleaseAll();
        // valid UTF-8 stays UTF-8
        ImapRequest u = (ImapRequest) decode("t SEARCH SUBJECT \"gr\u00fc\u00dfe\"\r\n", false).get(0);
        assertThat(u.args().get(1)).isEqualTo(new ImapArg.Quoted("gr\u00fc\u00dfe"));
    }

    @Test
    void smallAppendLiteralStaysInMemory() {
        ImapRequest r = (ImapRequest) decode("a APPEND INBOX {5+}\r\nhello\r\n", false).get(0);
        assertThat(((ImapArg.Literal) r.args().get(1)).data()).isInstanceOf(LiteralData.InMemory.class);
    }

    @Test
    void commandSizeIsBounded() {
        ImapConfig cfg = config(Map.of("max_command_size", "8k", "max_literal_size", "4k"));
        StringBuilder in = new StringBuilder("a SEARCH");
        for (int i = 0; i < 5; i++) {
            in.append(" {3000+}\r\n").append("q".repeat(3000));
        }
        in.append("\r\nb NOOP\r\n");
        List<Object> f = decode(cfg, in.toString(), false, true);
        assertThat(f).hasSize(2);
        assertThat(f.get(0)).isInstanceOf(FrameError.class);
        assertThat(f.get(1).toString()).isEqualTo("b NOOP");
    }

    @Test
    void deeplyNestedListsAreRefused() {
        List<Object> f = decode("a X " + "(".repeat(100) + ")".repeat(100) + "\r\nb NOOP\r\n", false);
        assertThat(((FrameError) f.get(0)).text()).contains("nested");
        assertThat(f.get(1).toString()).isEqualTo("b NOOP");
    }

    @Test
    void hugeLiteralSizeClosesTheConnection() {
        List<Object> f = decode("a LOGIN {99999999999999999999+}\r\n", false);
        assertThat(((FrameError) f.get(0)).close()).isTrue();
    }

    @Test
    void idleTakesTheNextLineRaw() {
        assertThat(frames("a IDLE\r\nDONE\r\nb NOOP\r\n"))
                .containsExactly("a IDLE", new ContinuationLine("DONE").toString(), "b NOOP");
        List<Object> f = decode("a IDLE\r\nDONE\r\n", false);
        assertThat(((ContinuationLine) f.get(1)).line()).isEqualTo("DONE");
    }

    @Test
    void rawLineOnRequest() {
        ImapFrameDecoder decoder = new ImapFrameDecoder(config(Map.of()), new FlowControl());
        EmbeddedChannel ch = new EmbeddedChannel(decoder);
        ch.writeInbound(Unpooled.copiedBuffer("a AUTHENTICATE PLAIN\r\n", StandardCharsets.US_ASCII));
        assertThat(ch.readInbound().toString()).isEqualTo("a AUTHENTICATE [PLAIN]");
        decoder.expectRawLine();
        ch.writeInbound(Unpooled.copiedBuffer("AGFsaWNlAHNlY3JldA==\r\nb NOOP\r\n", StandardCharsets.US_ASCII));
        assertThat(((ContinuationLine) ch.readInbound()).line()).isEqualTo("AGFsaWNlAHNlY3JldA==");
        assertThat(ch.readInbound().toString()).isEqualTo("b NOOP");
        ch.finishAndReleaseAll();
    }

    @Test
    void startTlsDropsPipelinedBytesAndStopsReading() {
        ImapFrameDecoder decoder = new ImapFrameDecoder(config(Map.of()), new FlowControl());
        EmbeddedChannel ch = new EmbeddedChannel(decoder);
        ch.writeInbound(Unpooled.copiedBuffer("a STARTTLS\r\nb LOGIN alice secret\r\n", StandardCharsets.US_ASCII));
        assertThat(ch.readInbound().toString()).isEqualTo("a STARTTLS");
        assertThat((Object) ch.readInbound()).as("the pipelined LOGIN never comes out").isNull();
        assertThat(ch.config().isAutoRead()).isFalse();
        ch.writeInbound(Unpooled.copiedBuffer("c LOGIN alice secret\r\n", StandardCharsets.US_ASCII));
        assertThat((Object) ch.readInbound()).isNull();
        ch.finishAndReleaseAll();
    }

    @Test
    void flowControlStopsReadingWhenTheSessionFallsBehind() {
        FlowControl flow = new FlowControl();
        ImapFrameDecoder decoder = new ImapFrameDecoder(config(Map.of()), flow);
        EmbeddedChannel ch = new EmbeddedChannel(decoder);
        ch.writeInbound(Unpooled.copiedBuffer("a NOOP\r\n".repeat(FlowControl.HIGH), StandardCharsets.US_ASCII));
        assertThat(ch.config().isAutoRead()).isFalse();
        for (int i = 0; i < FlowControl.HIGH; i++) {
            flow.done(ch);
        }
        assertThat(ch.config().isAutoRead()).isTrue();
        ch.finishAndReleaseAll();
    }
}
