package org.poststelle.store.mime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.poststelle.store.mime.Messages.crlf;
import static org.poststelle.store.mime.Messages.parse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class PartDecodingTest {
    private static final byte[] MESSAGE = crlf("""
            Content-Type: multipart/mixed; boundary=b

            --b
            Content-Type: text/plain; charset=iso-8859-1
            Content-Transfer-Encoding: quoted-printable

            Gr=FC=DFe, a soft=
             break
            --b
            Content-Type: application/octet-stream
            Content-Transfer-Encoding: Base64

            SGVs bG8h
            --b
            Content-Type: text/plain; charset=x-unknown-9
            Content-Transfer-Encoding: x-uuencode

            raw
            --b--
            """);

    private static byte[] decoded(MimePart p) throws IOException {
        InputStream raw = new ByteArrayInputStream(MESSAGE, (int) p.bodyOffset(), (int) p.bodyLength());
        try (InputStream in = PartDecoding.decode(raw, p)) {
            return in.readAllBytes();
        }
    }

    @Test
    void undoesTransferEncodingsAndFindsCharsets() throws IOException {
        List<MimePart> parts = parse(MESSAGE).root().children();

        assertThat(PartDecoding.encoding(parts.get(0))).isEqualTo(PartDecoding.Encoding.QUOTED_PRINTABLE);
        assertThat(new String(decoded(parts.get(0)), PartDecoding.charset(parts.get(0))))
                .isEqualTo("Grüße, a soft break");
        assertThat(PartDecoding.encoding(parts.get(1))).isEqualTo(PartDecoding.Encoding.BASE64);
        assertThat(new String(decoded(parts.get(1)), StandardCharsets.US_ASCII)).isEqualTo("Hello!");
        assertThat(PartDecoding.charset(parts.get(1))).isNull();
        assertThat(PartDecoding.encoding(parts.get(2))).isEqualTo(PartDecoding.Encoding.UNKNOWN);
        assertThat(new String(decoded(parts.get(2)), StandardCharsets.US_ASCII)).isEqualTo("raw");
        assertThat(PartDecoding.charset(parts.get(2))).isNull();
    }

    @Test
    void textWithoutCharsetIsUsAscii() {
        MimePart p = parse(crlf("Subject: x\n\nbody\n")).root();

        assertThat(PartDecoding.encoding(p)).isEqualTo(PartDecoding.Encoding.IDENTITY);
        assertThat(PartDecoding.charset(p)).isEqualTo(StandardCharsets.US_ASCII);
    }
}
