package org.poststelle.store.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.poststelle.store.search.SearchQuery.*;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.poststelle.store.model.UidSet;

/** BODY and TEXT: decoded, charset-converted, case-insensitive, through MIME structure. */
class TextKeysTest {
    @TempDir
    Path dir;
    SearchFixture f;

    @BeforeEach
    void open() {
        f = new SearchFixture(dir);
    }

    @AfterEach
    void close() {
        f.close();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static byte[] ascii(String s) {
        return s.replace("\n", "\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void bodyMatchesTheBodyOnlyAndTextBoth() {
        long a = f.append("From: a@x\nSubject: Quarterly report", "The numbers are GOOD.");
        long b = f.append("From: b@x\nSubject: lunch", "see the quarterly report");
        assertThat(f.search(body("quarterly"))).isEqualTo(UidSet.of(b));
        assertThat(f.search(body("numbers are good"))).isEqualTo(UidSet.of(a));
        assertThat(f.search(text("quarterly"))).isEqualTo(UidSet.of(a, b));
        assertThat(f.search(text("subject: lunch"))).isEqualTo(UidSet.of(b));
        assertThat(f.search(text("absent"))).isEmpty();
        assertThat(f.search(body(""))).isEqualTo(UidSet.of(a, b));
    }

    @Test
    void quotedPrintableLatin1Body() {
        long a = f.append("Subject: qp\nMIME-Version: 1.0\nContent-Type: text/plain; charset=ISO-8859-1\n"
                + "Content-Transfer-Encoding: quoted-printable", "Gr=FC=DFe aus K=F6ln, sch=\nne Stadt");
        assertThat(f.search(body("grüße aus köln"))).isEqualTo(UidSet.of(a));
        assertThat(f.search(body("schne stadt"))).isEqualTo(UidSet.of(a)); // soft line break joined
        assertThat(f.search(body("=FC"))).isEmpty();
    }

    @Test
    void base64Utf8Body() {
        String text = "Привет, мир! Ünïcödé text across base64 lines. ".repeat(5);
        String b64 = Base64.getMimeEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
        long a = f.append("Subject: b64\nContent-Type: text/plain; charset=utf-8\n"
                + "Content-Transfer-Encoding: base64", b64);
        assertThat(f.search(body("привет, МИР"))).isEqualTo(UidSet.of(a));
        assertThat(f.search(body("ÜNÏCÖDÉ"))).isEqualTo(UidSet.of(a));
        assertThat(f.search(body(b64.substring(0, 12)))).isEmpty();
    }

    @Test
    void nonUtf8CharsetsAreDecoded() {
        long jp = f.append(concat(ascii("Subject: jp\nContent-Type: text/plain; charset=ISO-2022-JP\n\n"),
                "日本語のテキスト".getBytes(Charset.forName("ISO-2022-JP"))));
        long ru = f.append(concat(ascii("Subject: ru\nContent-Type: text/plain; charset=koi8-r\n"
                + "Content-Transfer-Encoding: 8bit\n\n"), "Съешь же ещё этих булок".getBytes(Charset.forName("KOI8-R"))));
        long win = f.append(concat(ascii("Subject: w\nContent-Type: text/plain; charset=windows-1252\n\n"),
                "price \u20ac 5 \u201cquoted\u201d".getBytes(Charset.forName("windows-1252"))));
        long mislabelled = f.append(concat(ascii("Subject: m\nContent-Type: text/plain; charset=iso-8859-1\n\n"),
                "euro \u20ac sign".getBytes(Charset.forName("windows-1252"))));
        long unknown = f.append(concat(ascii("Subject: u\nContent-Type: text/plain; charset=x-unknown\n\n"),
                "naïve".getBytes(StandardCharsets.UTF_8)));
        assertThat(f.search(body("テキスト"))).isEqualTo(UidSet.of(jp));
        assertThat(f.search(body("ЕЩЁ ЭТИХ"))).isEqualTo(UidSet.of(ru));
        assertThat(f.search(body("\u20ac 5 \u201cquoted"))).isEqualTo(UidSet.of(win));
        assertThat(f.search(body("euro \u20ac"))).isEqualTo(UidSet.of(mislabelled));
        assertThat(f.search(body("NAÏVE"))).isEqualTo(UidSet.of(unknown));
    }

    @Test
    void multipartSearchesTextPartsAndSkipsAttachments() {
        String png = Base64.getMimeEncoder().encodeToString("needle in a binary attachment".getBytes());
        long a = f.append("Subject: mixed\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"XX\"", """
                preamble needle
                --XX
                Content-Type: multipart/alternative; boundary=YY

                --YY
                Content-Type: text/plain; charset=us-ascii

                plain part says hello
                --YY
                Content-Type: text/html; charset=utf-8
                Content-Transfer-Encoding: quoted-printable

                <p>html part says <b>gr=C3=BC=C3=9F</b></p>
                --YY--
                --XX
                Content-Type: image/png
                Content-Transfer-Encoding: base64
                Content-Disposition: attachment; filename="pic.png"

                """ + png + """

                --XX--
                epilogue needle
                """);
        assertThat(f.search(body("plain part says hello"))).isEqualTo(UidSet.of(a));
        assertThat(f.search(body("<b>grüß</b>"))).isEqualTo(UidSet.of(a));
        assertThat(f.search(body("needle"))).isEmpty();
        assertThat(f.search(text("needle"))).isEmpty();
        assertThat(f.search(text("filename=\"pic.png\""))).isEqualTo(UidSet.of(a));
        assertThat(f.search(body("pic.png"))).isEmpty();
    }

    @Test
    void nestedMessageBodiesAreSearchedAndTheirHeadersOnlyByText() {
        long a = f.append("Subject: fwd\nContent-Type: multipart/mixed; boundary=b", """
                --b
                Content-Type: text/plain

                see the attached message
                --b
                Content-Type: message/rfc822

                From: =?UTF-8?Q?Z=C3=BCrich?= <z@example.ch>
                Subject: inner subject
                Content-Type: text/plain; charset=iso-8859-1
                Content-Transfer-Encoding: quoted-printable

                inner body with K=E4se
                --b--
                """);
        assertThat(f.search(body("inner body with käse"))).isEqualTo(UidSet.of(a));
        assertThat(f.search(body("inner subject"))).isEmpty();
        assertThat(f.search(text("inner subject"))).isEqualTo(UidSet.of(a));
        assertThat(f.search(text("from: zürich <z@"))).isEqualTo(UidSet.of(a));
        assertThat(f.search(subject("inner"))).isEmpty();
        assertThat(f.search(from("zürich"))).isEmpty();
    }

    @Test
    void matchesAcrossReadChunksButNotAcrossParts() {
        String filler = "x".repeat(8190);
        long a = f.append("Subject: long", filler + "needle-across-the-chunk-border" + filler);
        long b = f.append("Subject: parts\nContent-Type: multipart/mixed; boundary=b", """
                --b
                Content-Type: text/plain

                half of a nee
                --b
                Content-Type: text/plain

                dle split
                --b--
                """);
        assertThat(f.search(body("needle-across-the-chunk-border"))).isEqualTo(UidSet.of(a));
        assertThat(f.search(body("half of a nee"))).isEqualTo(UidSet.of(b));
        assertThat(f.search(body("needle split"))).isEmpty();
        assertThat(b).isGreaterThan(a);
    }

    @Test
    void unicodeCaseAndAccentFoldingLikeDovecot() {
        long a = f.append("Subject: s", "STRASSE İstanbul ΣΊΣΥΦΟΣ straße caf\u00e9 Ko\u0308ln");
        long b = f.append("Subject: s", "plain cafe in Koln");
        assertThat(f.search(body("strasse"))).isEqualTo(UidSet.of(a));
        assertThat(f.search(body("σίσυφος"))).isEqualTo(UidSet.of(a));
        assertThat(f.search(body("STRAẞE"))).isEqualTo(UidSet.of(a)); // capital sharp s folds to ß
        assertThat(f.search(body("İSTANBUL"))).isEqualTo(UidSet.of(a));
        // composed and decomposed spellings are equal
        assertThat(f.search(body("cafe\u0301"))).isEqualTo(UidSet.of(a));
        assertThat(f.search(body("K\u00d6LN"))).isEqualTo(UidSet.of(a));
        // and a base letter finds its accented forms, as in Dovecot (decomposed i;unicode-casemap)
        assertThat(f.search(body("cafe"))).isEqualTo(UidSet.of(a, b));
        assertThat(f.search(body("café"))).isEqualTo(UidSet.of(a));
    }

    @Test
    void headerKeyOnAnUncachedFieldReadsOnlyTheHeader() {
        long a = f.append("X-Spam-Flag: YES\nSubject: s", "b");
        f.append("X-Spam-Flag: NO\nSubject: s", "b");
        assertThat(f.search(header("x-spam-flag", "yes"))).isEqualTo(UidSet.of(a));
        assertThat(f.search(not(header("x-spam-flag", "yes")))).hasSize(1);
    }

    @Test
    void cheapKeysFirstThenTheTextOnlyOfCandidates() {
        long seen = f.append(SearchFixture.message("Subject: s", "needle"),
                org.poststelle.store.model.Flags.ofSystem(org.poststelle.store.model.Flags.SEEN), null);
        f.append("Subject: s", "needle");
        f.append("Subject: s", "nothing");
        assertThat(f.search(and(body("needle"), seen()))).isEqualTo(UidSet.of(seen));
        assertThat(f.inbox.contentUids).containsExactly(seen);
    }

    @Test
    void malformedMimeDoesNotFailTheSearch() {
        long a = f.append("Subject: bad\nContent-Type: multipart/mixed; boundary=", "--\nno boundary at all needle");
        long b = f.append("Subject: bad2\nContent-Type: text/plain; charset=\"\nContent-Transfer-Encoding: base64",
                "!!!not base64 at all!!!");
        long c = f.append(new byte[] {'S', 'u', 'b', 'j', 'e', 'c', 't', ':', (byte) 0xff, '\r', '\n', '\r', '\n', (byte) 0xfe});
        assertThat(f.search(text("needle"))).doesNotContain(b, c);
        assertThat(f.search(or(body("x"), subject("bad")))).contains(a, b);
    }
}
