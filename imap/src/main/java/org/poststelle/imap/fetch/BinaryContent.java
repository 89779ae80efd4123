package org.poststelle.imap.fetch;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.poststelle.imap.command.Section;
import org.poststelle.imap.fetch.structure.SectionLocator;
import org.poststelle.imap.protocol.LiteralBody;
import org.poststelle.store.MessageContent;
import org.poststelle.store.mime.MimePart;
import org.poststelle.store.mime.PartDecoding;

/**
 * BINARY and BINARY.SIZE (RFC 3516): a part's body with its Content-Transfer-Encoding undone (base64 and
 * quoted-printable with Mime4j's lenient decoders; 7bit, 8bit and binary as they are). Part numbers mean what
 * they mean for BODY[n]; the empty section is the whole message, sent as stored (a message as a whole has no
 * transfer encoding of its own), and a message/rfc822 part is its embedded message. A multipart part has no
 * content of its own to decode and is refused, as is an encoding nobody knows.
 *
 * <p>Bodies up to {@link FetchPump#READ_NOW} raw octets are decoded in memory; larger ones are decoded twice, once to
 * learn the size and whether NUL occurs (both are needed before the literal's header is written), and again
 * while the literal is sent, so nothing a message contains makes the server hold more than that in memory.
 */
final class BinaryContent {
    private BinaryContent() {
    }

    /** What BINARY or BINARY.SIZE found for one message. */
    sealed interface Result {
    }

    /**
     * The decoded octets (or the partial of them) to send.
     *
     * @param body {@code byte[]} or a {@link LiteralBody}
     * @param hasNul NUL occurs in what is sent: a literal8 is needed (RFC 3516 section 4.3)
     * @param size the decoded size of the whole part (BINARY.SIZE)
     */
    record Decoded(Object body, boolean hasNul, long size) implements Result {
    }

    /** The request cannot be served for this message: the FETCH ends {@code NO [code] text}. */
    record Refused(String code, String text) implements Result {
    }

    /**
     * Decodes a part for BINARY; with {@code sizeOnly} (BINARY.SIZE) nothing is kept but the size.
     *
     * @param offset partial origin in decoded octets, or -1 for all
     * @param imap4rev2 part numbers as BODY[n] and BODYSTRUCTURE have them in this session (see SectionData)
     */
    static Result decode(MessageContent content, Section section, long offset, long length, boolean sizeOnly,
            boolean imap4rev2) throws IOException {
        int[] p = SectionData.spec(section).part();
        if (p.length == 0) {
            return window(content, 0, content.size(), null, offset, length, sizeOnly);
        }
        MimePart part = SectionLocator.find(content.structure().root(), p, imap4rev2);
        if (part == null) {
            // a part that does not exist: empty, as BODY[n] answers
            return new Decoded(new byte[0], false, 0);
        }
        if (part.isMultipart()) {
            return new Refused(null, "BINARY needs a single part; " + section.spec() + " is a multipart");
        }
        if (PartDecoding.encoding(part) == PartDecoding.Encoding.UNKNOWN) {
            return new Refused("UNKNOWN-CTE", "Cannot decode Content-Transfer-Encoding " + part.encoding());
        }
        return window(content, part.bodyOffset(), part.bodyLength(), part, offset, length, sizeOnly);
    }

    /** @param part the part whose encoding to undo, or null for octets sent as they are */
    private static Result window(MessageContent content, long rawOffset, long rawLength, MimePart part,
            long offset, long length, boolean sizeOnly) throws IOException {
        boolean identity = part == null || PartDecoding.encoding(part) == PartDecoding.Encoding.IDENTITY;
        if (sizeOnly && identity) {
            return new Decoded(null, false, rawLength);
        }
        if (rawLength <= FetchPump.READ_NOW) {
            byte[] decoded;
            try (InputStream in = decoder(content, rawOffset, rawLength, part)) {
                decoded = in.readAllBytes();
            }
            if (sizeOnly) {
                return new Decoded(null, false, decoded.length);
            }
            int start = offset < 0 ? 0 : (int) Math.min(offset, decoded.length);
            int end = offset < 0 ? decoded.length : (int) Math.min(decoded.length, start + length);
            byte[] sent = start == 0 && end == decoded.length ? decoded : Arrays.copyOfRange(decoded, start, end);
            return new Decoded(sent, NulReplacement.firstNul(sent, 0, sent.length) >= 0, decoded.length);
        }
        // first pass: size, and NUL within the window to send
        long windowStart = offset < 0 ? 0 : offset;
        long windowEnd = offset < 0 ? Long.MAX_VALUE : offset + length;
        long size = 0;
        boolean nul = false;
        try (InputStream in = decoder(content, rawOffset, rawLength, part)) {
            byte[] buf = new byte[16 * 1024];
            int n;
            while ((n = in.read(buf)) > 0) {
                if (!nul && !sizeOnly && size + n > windowStart && size < windowEnd) {
                    int from = (int) Math.max(0, windowStart - size);
                    int to = (int) Math.min(n, windowEnd - size);
                    nul = NulReplacement.firstNul(buf, from, to) >= 0;
                }
                size += n;
            }
        }
        if (sizeOnly) {
            return new Decoded(null, false, size);
        }
        long start = Math.min(windowStart, size);
        long sent = Math.min(size, windowEnd) - start;
        InputStream in = decoder(content, rawOffset, rawLength, part);
        try {
            in.skipNBytes(start);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
        // the second pass gives exactly the octets the first one counted; the literal sends exactly that many
        return new Decoded(new LiteralBody.Stream(in, sent), nul, size);
    }

    private static InputStream decoder(MessageContent content, long rawOffset, long rawLength, MimePart part)
            throws IOException {
        if (part == null) {
            return content.open(rawOffset, rawLength);
        }
        InputStream raw;
        if (rawLength <= FetchPump.READ_NOW) {
            try (InputStream in = content.open(rawOffset, rawLength)) {
                raw = new ByteArrayInputStream(in.readNBytes((int) rawLength));
            }
        } else {
            // the decoders read a few octets at a time
            raw = new BufferedInputStream(content.open(rawOffset, rawLength), 16 * 1024);
        }
        return PartDecoding.decode(raw, part);
    }

}
