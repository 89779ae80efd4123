package org.poststelle.store.mime;

import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.Locale;
import org.apache.james.mime4j.codec.Base64InputStream;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.QuotedPrintableInputStream;
import org.apache.james.mime4j.util.CharsetUtil;

/**
 * Decoding a part's body for BINARY (RFC 3516) and for body SEARCH: the Content-Transfer-Encoding is undone
 * with Mime4j's lenient decoders (bad base64 characters are skipped, broken quoted-printable passes through),
 * and the charset of a text part is looked up by its MIME or Java name.
 */
public final class PartDecoding {
    private PartDecoding() {
    }

    /** A part's transfer encoding, as far as decoding is concerned. */
    public enum Encoding {
        /** 7bit, 8bit, binary or none: the bytes are the content. */
        IDENTITY,
        BASE64,
        QUOTED_PRINTABLE,
        /** Anything else (x-uuencode, typos): BINARY must answer NO [UNKNOWN-CTE] (RFC 3516 §4.3). */
        UNKNOWN
    }

    public static Encoding encoding(MimePart part) {
        String e = part.encoding();
        if (e == null) {
            return Encoding.IDENTITY;
        }
        switch (e.toLowerCase(Locale.ROOT)) {
            case "7bit":
            case "8bit":
            case "binary":
                return Encoding.IDENTITY;
            case "base64":
                return Encoding.BASE64;
            case "quoted-printable":
                return Encoding.QUOTED_PRINTABLE;
            default:
                return Encoding.UNKNOWN;
        }
    }

    /**
     * Wraps the raw body bytes (the part's body range) in a decoder for its transfer encoding. For
     * {@link Encoding#UNKNOWN} the raw stream is returned unchanged; check {@link #encoding} first where that
     * matters. Closing the result closes {@code rawBody}.
     */
    public static InputStream decode(InputStream rawBody, MimePart part) {
        switch (encoding(part)) {
            case BASE64:
                return new Base64InputStream(rawBody, DecodeMonitor.SILENT);
            case QUOTED_PRINTABLE:
                return new QuotedPrintableInputStream(rawBody, DecodeMonitor.SILENT);
            default:
                return rawBody;
        }
    }

    /**
     * The charset of a text part: its charset parameter when Java knows it, US-ASCII when there is none (RFC
     * 2045 §5.2), null when it names an unknown charset. Null for non-text parts without a charset.
     */
    public static Charset charset(MimePart part) {
        String name = part.param("charset");
        if (name == null || name.isBlank()) {
            return part.kind() == MimePart.Kind.TEXT ? java.nio.charset.StandardCharsets.US_ASCII : null;
        }
        return CharsetUtil.lookup(name.trim());
    }
}
