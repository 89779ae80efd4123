package org.poststelle.store.search;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.stream.BodyDescriptor;
import org.apache.james.mime4j.stream.EntityState;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeTokenStream;
import org.apache.james.mime4j.stream.RecursionMode;

/**
 * Reads one message (streaming, never holding it whole) to answer the keys that need its text, the way Dovecot
 * searches without a full-text index:
 * <ul>
 * <li>HEADER keys: the decoded values of the top-level header fields of that name;
 * <li>BODY keys: the decoded bodies of text/* and message/* parts, each in its charset, after
 * Content-Transfer-Encoding; nested message/rfc822 parts are entered; other parts (images, PDFs, multipart
 * preambles) are skipped;
 * <li>TEXT keys: those bodies plus every header line of the message and of its parts, as
 * {@code Name: decoded value}.
 * </ul>
 * One scanner serves one search, one message at a time: {@link #scan} starts over and keeps its buffers.
 */
final class TextScanner {

    /** The keys to answer, fixed for one search. */
    record Spec(List<String> headerNames, List<Needle> headerNeedles, List<Needle> bodyNeedles,
            List<Needle> textNeedles) {

        boolean needsBodies() {
            return !bodyNeedles.isEmpty() || !textNeedles.isEmpty();
        }
    }

    private static final int CHUNK = 8192;

    private final Spec spec;
    private final boolean[] headerFound;
    private final StreamSearch body;
    private final StreamSearch text;
    private final char[] buf = new char[CHUNK];
    private final byte[] raw = new byte[CHUNK];
    /** Decoders reused from message to message (a new InputStreamReader per part costs more than its text). */
    private final Map<Charset, CharsetDecoder> decoders = new HashMap<>();

    TextScanner(Spec spec) {
        this.spec = spec;
        this.headerFound = new boolean[spec.headerNames().size()];
        this.body = new StreamSearch(spec.bodyNeedles().toArray(new Needle[0]));
        this.text = new StreamSearch(spec.textNeedles().toArray(new Needle[0]));
    }

    boolean headerFound(int i) {
        return headerFound[i];
    }

    boolean bodyFound(int i) {
        return body.found(i);
    }

    boolean textFound(int i) {
        return text.found(i);
    }

    /** Reads the message until every key is answered; a malformed message answers what could be read. */
    void scan(InputStream message) throws IOException {
        java.util.Arrays.fill(headerFound, false);
        body.reset();
        text.reset();
        MimeTokenStream stream = new MimeTokenStream(HeaderReader.CONFIG, DecodeMonitor.SILENT, null);
        stream.setRecursionMode(RecursionMode.M_RECURSE);
        stream.parse(message);
        boolean topHeader = true;
        try {
            for (EntityState s = stream.getState(); s != EntityState.T_END_OF_STREAM; s = stream.next()) {
                if (s == EntityState.T_FIELD) {
                    field(stream.getField(), topHeader);
                } else if (s == EntityState.T_END_HEADER && topHeader) {
                    topHeader = false;
                    if (!body.active() && !text.active()) {
                        return;
                    }
                } else if (s == EntityState.T_BODY) {
                    if (isText(stream.getBodyDescriptor())) {
                        body(stream);
                    }
                    if (!body.active() && !text.active()) {
                        return;
                    }
                }
            }
        } catch (MimeException e) {
            // past mime4j's limits: what was read so far is the answer
        }
    }

    private void field(Field f, boolean topHeader) {
        String value = null;
        if (topHeader) {
            for (int i = 0; i < headerFound.length; i++) {
                if (!headerFound[i] && spec.headerNames().get(i).equalsIgnoreCase(f.getName())) {
                    if (value == null) {
                        value = HeaderValues.decodeWords(HeaderValues.rawValue(f));
                    }
                    Needle n = spec.headerNeedles().get(i);
                    headerFound[i] = n.isEmpty() || n.in(Fold.search(value));
                }
            }
        }
        if (text.active()) {
            if (value == null) {
                value = HeaderValues.decodeWords(HeaderValues.rawValue(f));
            }
            text.boundary();
            text.feed(f.getName() + ": " + value + "\r\n");
        }
    }

    private static boolean isText(BodyDescriptor d) {
        String type = d.getMimeType();
        if (type == null) {
            return true;
        }
        String t = type.toLowerCase(Locale.ROOT);
        return t.startsWith("text/") || t.startsWith("message/");
    }

    private void body(MimeTokenStream stream) throws IOException {
        body.boundary();
        text.boundary();
        Charset charset = BodyCharsets.forName(stream.getBodyDescriptor().getCharset());
        CharsetDecoder decoder = decoders.computeIfAbsent(charset, c -> c.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE));
        decoder.reset();
        InputStream in = stream.getDecodedInputStream();
        ByteBuffer bytes = ByteBuffer.wrap(raw);
        CharBuffer chars = CharBuffer.wrap(buf);
        boolean eof = false;
        while ((body.active() || text.active()) && !eof) {
            int n = in.read(raw, bytes.position(), raw.length - bytes.position());
            if (n < 0) {
                eof = true;
            } else {
                bytes.position(bytes.position() + n);
            }
            bytes.flip();
            while (decoder.decode(bytes, chars, eof).isOverflow()) {
                feed(chars);
            }
            if (eof) {
                while (decoder.flush(chars).isOverflow()) {
                    feed(chars);
                }
            }
            bytes.compact();
            feed(chars);
        }
    }

    /** Hands the decoded chars to the searches and empties the buffer. */
    private void feed(CharBuffer chars) {
        int n = chars.position();
        if (n > 0) {
            body.feed(buf, 0, n);
            text.feed(buf, 0, n);
            chars.clear();
        }
    }
}
