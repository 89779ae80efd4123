package org.poststelle.store.mime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random and mutated MIME never makes the parser throw or loop, and every range it reports lies inside the
 * message, nests properly and has the line count of its bytes.
 */
class MimeParserPropertiesTest {

    private static final List<String> FRAGMENTS = List.of(
            "Content-Type: multipart/mixed; boundary=b\r\n",
            "Content-Type: multipart/alternative; boundary=\"b1\"\r\n",
            "Content-Type: multipart/digest; boundary=d\r\n",
            "Content-Type: message/rfc822\r\n",
            "Content-Type: text/plain; charset=utf-8\r\n",
            "Content-Type: text/plain; name*0*=utf-8''%41; name*1=b\r\n",
            "Content-Transfer-Encoding: base64\r\n",
            "Content-Disposition: attachment; filename=\"x\"\r\n",
            "MIME-Version: 1.0\r\n",
            "From: A <a@b>, g: c@d;, (x) <@r:u@h>\r\n",
            "Subject: =?utf-8?q?x?= \t y\r\n",
            " continued\r\n",
            "--b\r\n", "--b--\r\n", "--b1\r\n", "--b1--\r\n", "--d\r\n", "--d--\r\n", "--b", "--",
            "\r\n", "\r\n\r\n", "\n", "\r", "body text\r\n", "x: y", ":", "\u00c3\u00bc\u00ff\u0000",
            "(((((", "\"unterminated", "<<<@@@>>>", ";;;===");

    @Provide
    Arbitrary<byte[]> mimeLike() {
        Arbitrary<byte[]> fragment = Arbitraries.of(FRAGMENTS).map(s -> s.getBytes(StandardCharsets.ISO_8859_1));
        Arbitrary<byte[]> noise = Arbitraries.bytes().array(byte[].class).ofMaxSize(40);
        return Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(8, fragment),
                        net.jqwik.api.Tuple.of(1, noise))
                .list().ofMaxSize(120)
                .map(MimeParserPropertiesTest::concat);
    }

    @Provide
    Arbitrary<byte[]> mutatedCorpus() {
        Arbitrary<byte[]> base = Arbitraries.of(CORPUS).map(Messages::crlf);
        Arbitrary<Integer> cuts = Arbitraries.integers().between(0, 10_000);
        return Combinators.combine(base, cuts.list().ofMinSize(2).ofMaxSize(8), Arbitraries.of(FRAGMENTS))
                .as((m, positions, insert) -> mutate(m, positions, insert.getBytes(StandardCharsets.ISO_8859_1)));
    }

    @Property(tries = 400)
    void randomMimeParsesIntoConsistentRanges(@ForAll("mimeLike") byte[] message) {
        check(message);
    }

    @Property(tries = 300)
    void mutatedMessagesParseIntoConsistentRanges(@ForAll("mutatedCorpus") byte[] message) {
        check(message);
    }

    @Property(tries = 200)
    void arbitraryBytesParse(@ForAll byte[] message) {
        check(message);
    }

    static void check(byte[] message) {
        MessageStructure s = Messages.parse(message);
        assertThat(s.size()).isEqualTo(message.length);
        MimePart root = s.root();
        assertThat(root.headerOffset()).isZero();
        assertThat(root.bodyOffset() + root.bodyLength()).isEqualTo(message.length);
        assertThat(s.envelope()).isNotNull();
        checkPart(message, root, 0, message.length);
    }

    private static void checkPart(byte[] m, MimePart p, long from, long to) {
        assertThat(p.headerOffset()).isBetween(from, to);
        assertThat(p.bodyOffset()).isEqualTo(p.headerOffset() + p.headerLength());
        assertThat(p.bodyLength()).isNotNegative();
        assertThat(p.bodyOffset() + p.bodyLength()).isBetween(p.bodyOffset(), to);
        assertThat(p.bodyLines()).isEqualTo(lfs(m, p.bodyOffset(), p.bodyOffset() + p.bodyLength()));
        assertThat(p.type()).isNotNull();
        assertThat(p.subtype()).isNotNull();
        assertThat(p.params()).isNotNull();
        long bodyEnd = p.bodyOffset() + p.bodyLength();
        if (p.isMessage()) {
            MimePart embedded = p.message();
            assertThat(embedded).isNotNull();
            assertThat(embedded.headerOffset()).isEqualTo(p.bodyOffset());
            assertThat(embedded.bodyOffset() + embedded.bodyLength()).isEqualTo(bodyEnd);
            assertThat(embedded.envelope()).isNotNull();
            checkPart(m, embedded, p.bodyOffset(), bodyEnd);
            return;
        }
        long last = p.bodyOffset();
        for (MimePart c : p.children()) {
            assertThat(c.headerOffset()).isGreaterThanOrEqualTo(last);
            checkPart(m, c, p.bodyOffset(), bodyEnd);
            last = c.bodyOffset() + c.bodyLength();
        }
        if (!p.isMultipart()) {
            assertThat(p.children()).isEmpty();
        }
    }

    private static long lfs(byte[] m, long from, long to) {
        long n = 0;
        for (long i = from; i < to; i++) {
            if (m[(int) i] == '\n') {
                n++;
            }
        }
        return n;
    }

    private static byte[] concat(List<byte[]> parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        parts.forEach(out::writeBytes);
        return out.toByteArray();
    }

    /** Cuts, duplicates and inserts at the given positions. */
    private static byte[] mutate(byte[] m, List<Integer> positions, byte[] insert) {
        byte[] cur = m;
        for (int i = 0; i + 1 < positions.size(); i += 2) {
            int a = positions.get(i) % (cur.length + 1);
            int b = positions.get(i + 1) % (cur.length + 1);
            int lo = Math.min(a, b);
            int hi = Math.max(a, b);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            switch ((a + b) % 3) {
                case 0 -> { // delete
                    out.write(cur, 0, lo);
                    out.write(cur, hi, cur.length - hi);
                }
                case 1 -> { // duplicate
                    out.write(cur, 0, hi);
                    out.write(cur, lo, hi - lo);
                    out.write(cur, hi, cur.length - hi);
                }
                default -> { // insert
                    out.write(cur, 0, lo);
                    out.writeBytes(insert);
                    out.write(cur, lo, cur.length - lo);
                }
            }
            cur = out.toByteArray();
        }
        return cur;
    }

    private static final List<String> CORPUS = List.of("""
            From: Nathaniel Borenstein <nsb@nsb.fv.com>
            To: Ned Freed <ned@innosoft.com>, group: a@b, (c) <@r:d@e>;
            Subject: A multipart example
            MIME-Version: 1.0
            Content-Type: multipart/mixed; boundary="unique-boundary-1"

            preamble
            --unique-boundary-1

              ... Some text appears here ...
            --unique-boundary-1
            Content-type: text/plain; charset=US-ASCII

            This could have been part of the previous part.
            --unique-boundary-1
            Content-Type: multipart/parallel; boundary=unique-boundary-2

            --unique-boundary-2
            Content-Type: audio/basic
            Content-Transfer-Encoding: base64

            QUJD
            --unique-boundary-2--

            --unique-boundary-1
            Content-Type: message/rfc822

            From: (mailbox in US-ASCII)
            Content-Type: multipart/digest; boundary=d

            --d

            Subject: in digest

            x
            --d--
            --unique-boundary-1--
            epilogue
            """, """
            Subject: plain
            Content-Type: text/plain; name*0*=utf-8''a; name*1=b

            hello
            """);
}
