package org.poststelle.store.mime;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;

/**
 * Reads header fields out of a raw header block (the bytes of {@link MimePart#headerOffset()} ..
 * {@code + headerLength()}), for {@code BODY[HEADER.FIELDS (...)]}, {@code HEADER.FIELDS.NOT} and header
 * SEARCH. Works on the block as stored, so nothing per field has to be cached.
 */
public final class HeaderBlock {
    private HeaderBlock() {
    }

    /**
     * One field: its name (as written, without trailing blanks before the colon; the whole line when there is
     * no colon; empty for a stray continuation line at the top) and its raw bytes in the block, continuation
     * lines and line breaks included.
     */
    public record Field(String name, int offset, int length) {
        public boolean hasName(String other) {
            return name.equalsIgnoreCase(other);
        }
    }

    /** The fields of a header block in order; a final blank line is not a field. */
    public static List<Field> fields(byte[] block) {
        return fields(block, 0, block.length);
    }

    public static List<Field> fields(byte[] block, int from, int to) {
        List<Field> out = new ArrayList<>();
        int start = -1;
        String name = null;
        int pos = from;
        while (pos < to) {
            int lineEnd = lineEnd(block, pos, to);
            boolean blank = block[pos] == '\n' || (block[pos] == '\r' && pos + 1 < to && block[pos + 1] == '\n');
            if (blank && lineEnd == to) {
                break;
            }
            boolean continuation = block[pos] == ' ' || block[pos] == '\t';
            if (!continuation || start < 0) {
                if (start >= 0) {
                    out.add(new Field(name, start - from, pos - start));
                }
                start = pos;
                name = continuation ? "" : nameOf(block, pos, lineEnd);
            }
            pos = lineEnd;
        }
        if (start >= 0) {
            out.add(new Field(name, start - from, pos - start));
        }
        return out;
    }

    /** Whether the block ends with the blank line that separates header and body. */
    public static boolean hasBlankLine(byte[] block) {
        int n = block.length;
        if (n == 0 || block[n - 1] != '\n') {
            return false;
        }
        int lastLine = n - 1;
        while (lastLine > 0 && block[lastLine - 1] != '\n') {
            lastLine--;
        }
        int len = n - lastLine;
        return len == 1 || (len == 2 && block[lastLine] == '\r');
    }

    /**
     * The subset of the block for HEADER.FIELDS ({@code exclude} false) or HEADER.FIELDS.NOT: matching fields
     * in their original order and form, then the blank line when the block has one (RFC 3501 §6.4.5: it is
     * part of every header fetch except for a message with neither body nor blank line; the reference server
     * adds CRLF and a blank line there anyway).
     */
    public static byte[] select(byte[] block, Collection<String> names, boolean exclude) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(block.length, 1024));
        for (Field f : fields(block)) {
            boolean listed = false;
            for (String n : names) {
                if (f.hasName(n)) {
                    listed = true;
                    break;
                }
            }
            if (listed != exclude) {
                out.write(block, f.offset(), f.length());
            }
        }
        if (hasBlankLine(block)) {
            out.write('\r');
            out.write('\n');
        }
        return out.toByteArray();
    }

    /** The field's value: after the colon, line breaks of folding removed, leading blanks stripped. */
    public static String value(byte[] block, Field f) {
        int end = f.offset() + f.length();
        int p = f.offset();
        while (p < end && block[p] != ':') {
            p++;
        }
        if (p == end) {
            return "";
        }
        ByteArrayOutputStream v = new ByteArrayOutputStream(end - p);
        for (int i = p + 1; i < end; i++) {
            byte b = block[i];
            if (b == '\n' || (b == '\r' && i + 1 < end && block[i + 1] == '\n')) {
                continue;
            }
            v.write(b);
        }
        byte[] bytes = v.toByteArray();
        return HeaderText.display(HeaderText.stripLeading(HeaderText.bytes(bytes, 0, bytes.length)));
    }

    /** The value with RFC 2047 encoded words decoded (for SEARCH matching and display). */
    public static String decodedValue(byte[] block, Field f) {
        return decodeWords(value(block, f));
    }

    /** Decodes RFC 2047 encoded words in an unfolded header value. */
    public static String decodeWords(String value) {
        return DecoderUtil.decodeEncodedWords(value, DecodeMonitor.SILENT);
    }

    private static int lineEnd(byte[] b, int pos, int to) {
        for (int i = pos; i < to; i++) {
            if (b[i] == '\n') {
                return i + 1;
            }
        }
        return to;
    }

    private static String nameOf(byte[] b, int pos, int lineEnd) {
        int end = lineEnd;
        while (end > pos && (b[end - 1] == '\n' || b[end - 1] == '\r')) {
            end--;
        }
        int colon = pos;
        while (colon < end && b[colon] != ':') {
            colon++;
        }
        int nameEnd = colon;
        while (nameEnd > pos && (b[nameEnd - 1] == ' ' || b[nameEnd - 1] == '\t')) {
            nameEnd--;
        }
        return HeaderText.display(HeaderText.bytes(b, pos, nameEnd - pos));
    }
}
