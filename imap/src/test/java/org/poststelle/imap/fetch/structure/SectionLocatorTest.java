package org.poststelle.imap.fetch.structure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.poststelle.imap.fetch.structure.DovecotFidelityTest.crlf;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.poststelle.store.MessageContent;
import org.poststelle.store.mime.MessageStructure;

class SectionLocatorTest {
    private static final byte[] MESSAGE = crlf("""
            Subject: outer
            Content-Type: multipart/mixed; boundary=b

            --b
            Content-Type: text/plain

            first
            --b
            Content-Type: message/rfc822

            Subject: inner
            From: a@b.test

            inner body
            --b--
            """);

    /** A message held in memory, as a store backend would present it. */
    private record BytesContent(byte[] bytes, MessageStructure structure) implements MessageContent {
        static BytesContent of(byte[] bytes) throws IOException {
            return new BytesContent(bytes, MessageStructure.parse(new ByteArrayInputStream(bytes)));
        }

        static MessageStructure structureOf(byte[] bytes) {
            try {
                return of(bytes).structure();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        @Override
        public long size() {
            return bytes.length;
        }

        @Override
        public InputStream open() {
            return new ByteArrayInputStream(bytes);
        }

        @Override
        public InputStream open(long offset, long length) {
            int from = (int) Math.min(offset, bytes.length);
            return new ByteArrayInputStream(bytes, from, (int) Math.min(length, bytes.length - from));
        }
    }

    private static String text(Section s) {
        if (s instanceof Section.Range r) {
            return new String(MESSAGE, (int) r.offset(), (int) r.length(), StandardCharsets.ISO_8859_1);
        }
        if (s instanceof Section.Bytes b) {
            return new String(b.bytes(), StandardCharsets.ISO_8859_1);
        }
        return s instanceof Section.Missing ? "<missing>" : s.toString();
    }

    private static String resolve(SectionSpec spec) throws IOException {
        return text(SectionLocator.resolve(BytesContent.of(MESSAGE), spec));
    }

    @Test
    void wholeMessageHeaderAndText() throws IOException {
        assertThat(resolve(SectionSpec.whole())).isEqualTo(new String(MESSAGE, StandardCharsets.ISO_8859_1));
        assertThat(resolve(SectionSpec.of(SectionSpec.Kind.HEADER)))
                .isEqualTo("Subject: outer\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n");
        assertThat(resolve(SectionSpec.of(SectionSpec.Kind.TEXT))).startsWith("--b\r\n").endsWith("--b--\r\n");
    }

    @Test
    void partsAndMimeHeaders() throws IOException {
        assertThat(resolve(SectionSpec.of(SectionSpec.Kind.FULL, 1))).isEqualTo("first");
        assertThat(resolve(SectionSpec.of(SectionSpec.Kind.MIME, 1))).isEqualTo("Content-Type: text/plain\r\n\r\n");
        assertThat(resolve(SectionSpec.of(SectionSpec.Kind.FULL, 1, 1))).isEqualTo("first");
        assertThat(resolve(SectionSpec.of(SectionSpec.Kind.MIME, 2)))
                .isEqualTo("Content-Type: message/rfc822\r\n\r\n");
    }

    @Test
    void numbersAfterAMessagePartGoInsideIt() throws IOException {
        assertThat(resolve(SectionSpec.of(SectionSpec.Kind.FULL, 2)))
                .isEqualTo("Subject: inner\r\nFrom: a@b.test\r\n\r\ninner body");
        assertThat(resolve(SectionSpec.of(SectionSpec.Kind.HEADER, 2)))
                .isEqualTo("Subject: inner\r\nFrom: a@b.test\r\n\r\n");
        assertThat(resolve(SectionSpec.of(SectionSpec.Kind.TEXT, 2))).isEqualTo("inner body");
        assertThat(resolve(SectionSpec.of(SectionSpec.Kind.FULL, 2, 1))).isEqualTo("inner body");
        assertThat(resolve(SectionSpec.of(SectionSpec.Kind.MIME, 2, 1)))
                .isEqualTo("Subject: inner\r\nFrom: a@b.test\r\n\r\n");
        assertThat(resolve(SectionSpec.fields(false, List.of("FROM"), 2))).isEqualTo("From: a@b.test\r\n\r\n");
        assertThat(resolve(SectionSpec.fields(true, List.of("from"), 2))).isEqualTo("Subject: inner\r\n\r\n");
    }

    @Test
    void missingParts() throws IOException {
        assertThat(resolve(SectionSpec.of(SectionSpec.Kind.FULL, 3))).isEqualTo("<missing>");
        assertThat(resolve(SectionSpec.of(SectionSpec.Kind.FULL, 1, 2))).isEqualTo("<missing>");
        assertThat(resolve(SectionSpec.of(SectionSpec.Kind.FULL, 1, 1, 1))).isEqualTo("<missing>");
        assertThat(resolve(SectionSpec.of(SectionSpec.Kind.HEADER, 1))).isEqualTo("<missing>");
        assertThat(resolve(SectionSpec.of(SectionSpec.Kind.TEXT, 1))).isEqualTo("<missing>");
        assertThat(resolve(SectionSpec.of(SectionSpec.Kind.FULL, 2, 1, 1))).isEqualTo("<missing>");
        assertThat(SectionLocator.resolve(BytesContent.of(MESSAGE), SectionSpec.of(SectionSpec.Kind.FULL, 9))
                .length()).isZero();
    }

    @Test
    void singlePartMessage() throws IOException {
        byte[] m = crlf("Subject: s\n\nonly body\n");
        BytesContent c = BytesContent.of(m);

        Section one = SectionLocator.resolve(c, SectionSpec.of(SectionSpec.Kind.FULL, 1));
        Section mime = SectionLocator.resolve(c, SectionSpec.of(SectionSpec.Kind.MIME, 1));

        assertThat(one).isEqualTo(new Section.Range(14, 11));
        assertThat(mime).isEqualTo(new Section.Range(0, 14));
    }

    @Test
    void messageGlobalIsAnEmbeddedMessageOnlyInImap4rev2() throws IOException {
        byte[] m = crlf("Content-Type: message/global\n\nSubject: inner\n\nbody\n");
        MessageStructure s = BytesContent.of(m).structure();

        assertThat(SectionLocator.locate(s, SectionSpec.of(SectionSpec.Kind.FULL, 1, 1), true))
                .isEqualTo(new Section.Range(s.root().bodyOffset() + 18, 6));
        assertThat(SectionLocator.locate(s, SectionSpec.of(SectionSpec.Kind.HEADER, 1), true))
                .isEqualTo(new Section.Range(s.root().bodyOffset(), 18));
        // IMAP4rev1 shows message/global as a basic part: nothing below it, no HEADER
        assertThat(SectionLocator.locate(s, SectionSpec.of(SectionSpec.Kind.FULL, 1)))
                .isEqualTo(new Section.Range(s.root().bodyOffset(), 24));
        assertThat(SectionLocator.locate(s, SectionSpec.of(SectionSpec.Kind.FULL, 1, 1)))
                .isInstanceOf(Section.Missing.class);
        assertThat(SectionLocator.locate(s, SectionSpec.of(SectionSpec.Kind.HEADER, 1)))
                .isInstanceOf(Section.Missing.class);
    }

    @Test
    void partialClipsRangesAndBytes() {
        Section.Range r = new Section.Range(100, 10);
        assertThat(r.partial(2, 3)).isEqualTo(new Section.Range(102, 3));
        assertThat(r.partial(8, 100)).isEqualTo(new Section.Range(108, 2));
        assertThat(r.partial(50, 5)).isEqualTo(new Section.Range(110, 0));
        assertThat(r.partial(0, Long.MAX_VALUE)).isEqualTo(r);

        Section.Bytes b = new Section.Bytes("abcdef".getBytes(StandardCharsets.US_ASCII));
        assertThat(new String(b.partial(1, 2).bytes(), StandardCharsets.US_ASCII)).isEqualTo("bc");
        assertThat(b.partial(4, Long.MAX_VALUE).length()).isEqualTo(2);
        assertThat(b.partial(10, 1).length()).isZero();
        assertThat(new Section.Missing().partial(0, 1).length()).isZero();
    }

    @Test
    void fieldsAreLocatedAsAFilterOverTheHeader() {
        Section s = SectionLocator.locate(BytesContent.structureOf(MESSAGE),
                SectionSpec.fields(false, List.of("Subject"), 2));

        assertThat(s).isInstanceOf(Section.Fields.class);
        Section.Fields f = (Section.Fields) s;
        assertThat(text(f.header())).isEqualTo("Subject: inner\r\nFrom: a@b.test\r\n\r\n");
        assertThat(text(f.select(text(f.header()).getBytes(StandardCharsets.ISO_8859_1))))
                .isEqualTo("Subject: inner\r\n\r\n");
    }
}
