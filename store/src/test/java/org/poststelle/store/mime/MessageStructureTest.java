package org.poststelle.store.mime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.poststelle.store.mime.Messages.body;
import static org.poststelle.store.mime.Messages.crlf;
import static org.poststelle.store.mime.Messages.header;
import static org.poststelle.store.mime.Messages.parse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessageStructureTest {

    @Test
    void singlePartHasHeaderAndBodyRanges() {
        byte[] m = crlf("Subject: hi\nFrom: a@b.test\n\nline one\nline two\n");

        MessageStructure s = parse(m);

        assertThat(s.size()).isEqualTo(m.length);
        assertThat(s.headerLength()).isEqualTo("Subject: hi\r\nFrom: a@b.test\r\n\r\n".length());
        assertThat(s.bodyOffset()).isEqualTo(s.headerLength());
        MimePart root = s.root();
        assertThat(root.kind()).isEqualTo(MimePart.Kind.TEXT);
        assertThat(body(m, root)).isEqualTo("line one\r\nline two\r\n");
        assertThat(root.bodyLines()).isEqualTo(2);
        assertThat(root.type() + "/" + root.subtype()).isEqualTo("text/plain");
        assertThat(root.params()).isEmpty();
    }

    @Test
    void containsNulIsKnownFromTheParse() {
        assertThat(parse(crlf("Subject: hi\n\nno nul here\n")).containsNul()).isFalse();
        assertThat(parse(new byte[0]).containsNul()).isFalse();
        // a NUL far past the first read buffer, in a body the parser skips without looking at lines
        byte[] big = crlf("Subject: big\n\n" + "x".repeat(100_000) + "\0\n");
        assertThat(parse(big).containsNul()).isTrue();
        assertThat(parse(crlf("Subject: a\0b\n\nbody\n")).containsNul()).isTrue();
    }

    @Test
    void emptyMessageHasEmptyRanges() {
        MessageStructure s = parse(new byte[0]);

        assertThat(s.size()).isZero();
        assertThat(s.headerLength()).isZero();
        assertThat(s.root().bodyLength()).isZero();
        assertThat(s.envelope()).isEqualTo(Envelope.EMPTY);
    }

    @Test
    void headerWithoutBlankLineIsTheWholeMessage() {
        byte[] m = crlf("Subject: x\nFrom: a@b");

        MessageStructure s = parse(m);

        assertThat(s.headerLength()).isEqualTo(m.length);
        assertThat(s.root().bodyOffset()).isEqualTo(m.length);
        assertThat(s.root().bodyLength()).isZero();
        assertThat(s.envelope().subject()).isEqualTo("x");
    }

    @Test
    void multipartPartsHaveExactRangesAndTheCrlfBeforeABoundaryIsTheBoundarys() {
        byte[] m = crlf("""
                Content-Type: multipart/mixed; boundary="XX"

                preamble
                --XX
                Content-Type: text/plain; charset=utf-8

                first
                --XX

                second, no header
                --XX--
                epilogue
                """);

        MimePart root = parse(m).root();

        assertThat(root.kind()).isEqualTo(MimePart.Kind.MULTIPART);
        assertThat(root.param("boundary")).isEqualTo("XX");
        List<MimePart> parts = root.children();
        assertThat(parts).hasSize(2);
        assertThat(header(m, parts.get(0))).isEqualTo("Content-Type: text/plain; charset=utf-8\r\n\r\n");
        assertThat(body(m, parts.get(0))).isEqualTo("first");
        assertThat(parts.get(0).bodyLines()).isZero();
        assertThat(parts.get(0).param("CHARSET")).isEqualTo("utf-8");
        assertThat(header(m, parts.get(1))).isEqualTo("\r\n");
        assertThat(body(m, parts.get(1))).isEqualTo("second, no header");
        assertThat(body(m, root)).startsWith("preamble\r\n--XX\r\n").endsWith("--XX--\r\nepilogue\r\n");
    }

    @Test
    void nestedMessageHasItsOwnEnvelopeAndRanges() {
        byte[] m = crlf("""
                Subject: outer
                Content-Type: multipart/mixed; boundary=b

                --b
                Content-Type: message/rfc822
                Content-Disposition: attachment

                Subject: inner
                From: Inner Person <inner@x.test>
                Content-Type: multipart/alternative; boundary=i

                --i
                Content-Type: text/plain

                inner text
                --i--
                --b--
                """);

        MessageStructure s = parse(m);
        MimePart attached = s.root().children().get(0);

        assertThat(attached.kind()).isEqualTo(MimePart.Kind.MESSAGE);
        assertThat(attached.disposition()).isEqualTo("attachment");
        MimePart embedded = attached.message();
        assertThat(embedded.headerOffset()).isEqualTo(attached.bodyOffset());
        assertThat(embedded.envelope().subject()).isEqualTo("inner");
        assertThat(embedded.envelope().from())
                .containsExactly(new Address("Inner Person", null, "inner", "x.test"));
        assertThat(embedded.kind()).isEqualTo(MimePart.Kind.MULTIPART);
        assertThat(body(m, embedded.children().get(0))).isEqualTo("inner text");
        // the CRLF after "--i--" is the outer boundary's (RFC 2046), so the attachment ends with "--i--"
        assertThat(body(m, attached)).endsWith("--i--");
        assertThat(attached.bodyLines()).isEqualTo(body(m, attached).chars().filter(c -> c == '\n').count());
        assertThat(s.envelope().subject()).isEqualTo("outer");
    }

    @Test
    void digestPartsDefaultToMessageRfc822() {
        byte[] m = crlf("""
                Content-Type: multipart/digest; boundary=d

                --d

                Subject: one

                body one
                --d
                Content-Type: text/plain

                not a message
                --d--
                """);

        List<MimePart> parts = parse(m).root().children();

        assertThat(parts.get(0).kind()).isEqualTo(MimePart.Kind.MESSAGE);
        assertThat(parts.get(0).type() + "/" + parts.get(0).subtype()).isEqualTo("message/rfc822");
        assertThat(parts.get(0).message().envelope().subject()).isEqualTo("one");
        assertThat(parts.get(1).kind()).isEqualTo(MimePart.Kind.TEXT);
    }

    @Test
    void contentFieldsCountOnlyInMimeEntities() {
        // RFC 2045 §4: without MIME-Version (or a Content-Type) this is not MIME
        MimePart plain = parse(crlf("Content-Transfer-Encoding: base64\nContent-ID: <x>\n\nabc\n")).root();
        MimePart mime = parse(crlf("MIME-Version: 1.0\nContent-Transfer-Encoding: base64\n\nabc\n")).root();

        assertThat(plain.encoding()).isNull();
        assertThat(plain.contentId()).isNull();
        assertThat(mime.encoding()).isEqualTo("base64");
    }

    @Test
    void invalidContentTypeMeansTextPlain() {
        for (String ct : List.of("garbage", "text", "text/", "/plain", "; charset=utf-8")) {
            MimePart p = parse(crlf("Content-Type: " + ct + "\n\nbody\n")).root();
            assertThat(p.kind()).as(ct).isEqualTo(MimePart.Kind.TEXT);
            assertThat(p.type() + "/" + p.subtype()).as(ct).isEqualTo("text/plain");
        }
    }

    @Test
    void contentFieldsAreParsed() {
        MimePart p = parse(crlf("""
                Content-Type: Application/PDF (the type); name="a \\"b\\".pdf"; x=y
                Content-Transfer-Encoding: BASE64
                Content-ID:  <id@x>
                Content-Description: =?utf-8?q?caf=C3=A9?=
                Content-MD5: Q2hlY2s=
                Content-Disposition: attachment;
                 filename*0*=utf-8''a%20; filename*1=b.pdf
                Content-Language: de-DE (German), en
                Content-Location: http://x.test/a

                QUJD
                """)).root();

        assertThat(p.kind()).isEqualTo(MimePart.Kind.BASIC);
        assertThat(p.type()).isEqualTo("Application");
        assertThat(p.subtype()).isEqualTo("PDF");
        assertThat(p.params()).containsExactly(new MimeParameter("name", "a \"b\".pdf"), new MimeParameter("x", "y"));
        assertThat(p.encoding()).isEqualTo("BASE64");
        assertThat(p.contentId()).isEqualTo("<id@x>");
        assertThat(p.description()).isEqualTo("=?utf-8?q?caf=C3=A9?=");
        assertThat(p.md5()).isEqualTo("Q2hlY2s=");
        assertThat(p.disposition()).isEqualTo("attachment");
        assertThat(p.dispositionParams()).containsExactly(new MimeParameter("filename*", "utf-8''a%20b.pdf"));
        assertThat(p.languages()).containsExactly("de-DE", "en");
        assertThat(p.location()).isEqualTo("http://x.test/a");
    }

    @Test
    void firstContentFieldWinsLastEnvelopeStringWinsAddressFieldsAddUp() {
        MessageStructure s = parse(crlf("""
                Subject: first
                Subject: second
                From: a@b.test
                From: c@d.test
                Content-Type: text/html
                Content-Type: image/gif

                x
                """));

        assertThat(s.envelope().subject()).isEqualTo("second");
        assertThat(s.envelope().from()).extracting(Address::mailbox).containsExactly("a", "c");
        assertThat(s.root().subtype()).isEqualTo("html");
    }

    @Test
    void envelopeValuesAreUnfoldedRawValues() {
        Envelope e = parse(crlf("""
                Date: Thu,
                      13 Feb 1969 23:32 -0330
                Subject: =?iso-8859-1?q?Gr=FC=DFe?= und
                \tmehr
                Message-ID:
                 <x@y>
                In-Reply-To: <a@b>
                Sender:
                Reply-To: (nobody)

                """)).envelope();

        assertThat(e.date()).isEqualTo("Thu,      13 Feb 1969 23:32 -0330");
        assertThat(e.subject()).isEqualTo("=?iso-8859-1?q?Gr=FC=DFe?= und\tmehr");
        assertThat(e.messageId()).isEqualTo("<x@y>");
        assertThat(e.inReplyTo()).isEqualTo("<a@b>");
        assertThat(e.from()).isNull();
        assertThat(e.sender()).isNull();
        assertThat(e.replyTo()).isNull();
    }

    @Test
    void eightBitHeadersBecomeTextAndNulBecomesReplacementChar() {
        byte[] utf8 = crlf("Subject: Gr\u00c3\u00bc\u00c3\u009fe\nX: y\n\n");
        byte[] latin1 = crlf("Subject: Gr\u00fc\u00dfe\n\n");
        byte[] nul = crlf("Subject: a\u0000b\n\n");

        assertThat(parse(utf8).envelope().subject()).isEqualTo("Grüße");
        assertThat(parse(latin1).envelope().subject()).isEqualTo("Grüße");
        assertThat(parse(nul).envelope().subject()).isEqualTo("a\uFFFDb");
    }

    @Test
    void multipartWithoutBoundaryHasNoParts() {
        byte[] m = crlf("Content-Type: multipart/mixed\n\n--x\n\na\n--x--\n");

        MimePart root = parse(m).root();

        assertThat(root.kind()).isEqualTo(MimePart.Kind.MULTIPART);
        assertThat(root.children()).isEmpty();
        assertThat(root.bodyLength()).isEqualTo(m.length - root.bodyOffset());
    }

    @Test
    void boundaryInsideAHeaderEndsThatHeader() {
        byte[] m = crlf("Content-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: text/plain\n--b\n\nok\n--b--\n");

        List<MimePart> parts = parse(m).root().children();

        assertThat(header(m, parts.get(0))).isEqualTo("Content-Type: text/plain");
        assertThat(parts.get(0).bodyLength()).isZero();
        assertThat(body(m, parts.get(1))).isEqualTo("ok");
    }

    @Test
    void outerBoundaryEndsUnterminatedInnerMultipart() {
        byte[] m = crlf("""
                Content-Type: multipart/mixed; boundary=outer

                --outer
                Content-Type: multipart/alternative; boundary=inner

                --inner

                a
                --outer

                b
                --outer--
                """);

        List<MimePart> parts = parse(m).root().children();

        assertThat(parts).hasSize(2);
        assertThat(parts.get(0).children()).hasSize(1);
        assertThat(body(m, parts.get(0).children().get(0))).isEqualTo("a");
        assertThat(body(m, parts.get(1))).isEqualTo("b");
    }

    @Test
    void longestBoundaryPrefixWins() {
        byte[] m = crlf("""
                Content-Type: multipart/mixed; boundary=b

                --b
                Content-Type: multipart/alternative; boundary=b1

                --b1

                inner
                --b1--
                --b

                outer
                --b--
                """);

        MimePart root = parse(m).root();

        assertThat(root.children()).hasSize(2);
        assertThat(body(m, root.children().get(0).children().get(0))).isEqualTo("inner");
        assertThat(body(m, root.children().get(1))).isEqualTo("outer");
    }

    @Test
    void messageRfc822WithEmptyBodyHasEmptyEmbeddedMessage() {
        MimePart root = parse(crlf("Content-Type: message/rfc822\n\n")).root();

        assertThat(root.message()).isNotNull();
        assertThat(root.message().envelope()).isEqualTo(Envelope.EMPTY);
        assertThat(root.message().bodyLength()).isZero();
    }

    @Test
    void nestingDeeperThanTheLimitStaysOpaque() {
        // boundaries "b0x", "b1x", ...: none is a prefix of another
        StringBuilder m = new StringBuilder("Content-Type: multipart/mixed; boundary=b0x\n\n");
        int levels = MimeParser.MAX_DEPTH + 20;
        for (int i = 1; i < levels; i++) {
            m.append("--b").append(i - 1).append("x\nContent-Type: multipart/mixed; boundary=b").append(i)
                    .append("x\n\n");
        }
        m.append("--b").append(levels - 1).append("x\n\nleaf\n");
        for (int i = levels - 1; i >= 0; i--) {
            m.append("--b").append(i).append("x--\n");
        }
        byte[] bytes = crlf(m.toString());

        MimePart p = parse(bytes).root();
        int depth = 0;
        while (p.isMultipart()) {
            p = p.children().get(0);
            depth++;
        }

        assertThat(depth).isEqualTo(MimeParser.MAX_DEPTH);
        assertThat(p.kind()).isEqualTo(MimePart.Kind.BASIC);
        assertThat(p.type() + "/" + p.subtype()).isEqualTo("application/octet-stream");
        assertThat(body(bytes, p)).contains("leaf");
    }

    @Test
    void deepMessageRfc822ChainStopsAtTheLimit() {
        StringBuilder m = new StringBuilder();
        for (int i = 0; i < MimeParser.MAX_DEPTH + 10; i++) {
            m.append("Subject: level").append(i).append("\nContent-Type: message/rfc822\n\n");
        }
        m.append("Subject: last\n\nleaf\n");

        MimePart p = parse(crlf(m.toString())).root();
        int depth = 0;
        while (p.isMessage()) {
            p = p.message();
            depth++;
        }

        assertThat(depth).isEqualTo(MimeParser.MAX_DEPTH);
        assertThat(p.kind()).isEqualTo(MimePart.Kind.BASIC);
    }

    @Test
    void partsBeyondTheLimitStayInTheMultipartBody() {
        StringBuilder m = new StringBuilder("Content-Type: multipart/mixed; boundary=b\n\n");
        for (int i = 0; i < MimeParser.MAX_PARTS + 50; i++) {
            m.append("--b\n\n").append(i).append('\n');
        }
        m.append("--b--\n");
        byte[] bytes = crlf(m.toString());

        MimePart root = parse(bytes).root();

        assertThat(root.children()).hasSize(MimeParser.MAX_PARTS - 1);
        assertThat(body(bytes, root)).endsWith("--b--\r\n");
    }

    @Test
    void hugeHeaderValuesAreCappedAndHugeLinesAreSkipped() {
        String big = "x".repeat(300_000);
        byte[] m = crlf("Subject: " + big + "\nX-Big: " + big + "\nFrom: a@b.test\n\nbody\n");

        MessageStructure s = parse(m);

        assertThat(s.envelope().subject()).hasSizeBetween(PartHeader.MAX_VALUE - 16, PartHeader.MAX_VALUE)
                .matches("x+");
        assertThat(s.envelope().from()).extracting(Address::mailbox).containsExactly("a");
        assertThat(body(m, s.root())).isEqualTo("body\r\n");
    }

    @Test
    void boundaryAtEofWithoutLineBreakStartsNoPart() {
        byte[] m = crlf("Content-Type: multipart/mixed; boundary=b\n\n--b\n\nx\n--b");

        MimePart root = parse(m).root();

        assertThat(root.children()).hasSize(1);
        assertThat(body(m, root.children().get(0))).isEqualTo("x");
        assertThat(root.bodyOffset() + root.bodyLength()).isEqualTo(m.length);
    }

    @Test
    void readsTheStreamInSmallPiecesWithSameResult() throws IOException {
        byte[] m = crlf("Content-Type: multipart/mixed; boundary=b\n\n--b\n\n" + "y".repeat(200_000)
                + "\n--b\r\nContent-Type: text/plain\n\nz\n--b--\n");
        InputStream trickle = new InputStream() {
            int pos;

            @Override
            public int read() {
                return pos < m.length ? m[pos++] & 0xff : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (pos >= m.length) {
                    return -1;
                }
                int n = Math.min(len, 7);
                n = Math.min(n, m.length - pos);
                System.arraycopy(m, pos, b, off, n);
                pos += n;
                return n;
            }
        };

        MessageStructure a = MessageStructure.parse(trickle);
        MessageStructure b = parse(m);

        assertThat(a.root().children()).hasSize(2);
        for (int i = 0; i < 2; i++) {
            assertThat(a.root().children().get(i).toString()).isEqualTo(b.root().children().get(i).toString());
        }
        assertThat(body(m, a.root().children().get(1))).isEqualTo("z");
    }

    @Test
    void bareLfInputIsCountedAsGiven() {
        // the store hands out CRLF; should a bare LF slip through, ranges still cover the exact bytes
        byte[] m = "Subject: x\n\na\nb\n".getBytes(StandardCharsets.US_ASCII);

        MimePart root = parse(m).root();

        assertThat(root.headerLength()).isEqualTo("Subject: x\n\n".length());
        assertThat(root.bodyLength()).isEqualTo(4);
        assertThat(root.bodyLines()).isEqualTo(2);
    }

    @Test
    void doesNotCloseTheStream() throws IOException {
        boolean[] closed = {false};
        InputStream in = new java.io.ByteArrayInputStream(crlf("Subject: x\n\ny\n")) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };

        MessageStructure.parse(in);

        assertThat(closed[0]).isFalse();
    }
}
