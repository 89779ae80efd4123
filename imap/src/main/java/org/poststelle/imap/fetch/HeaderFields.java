package org.poststelle.imap.fetch;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * HEADER.FIELDS and HEADER.FIELDS.NOT: the chosen fields of a header block, folded lines kept, in message
 * order, followed by the blank line (RFC 3501 section 6.4.5).
 */
final class HeaderFields {
    private HeaderFields() {
    }

    /**
     * @param header the header block in CRLF form (the blank line may be included or not)
     * @param not true for HEADER.FIELDS.NOT
     */
    static byte[] select(byte[] header, List<String> names, boolean not) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(header.length, 4096));
        int i = 0;
        boolean keep = false;
        while (i < header.length) {
            int end = lineEnd(header, i);
            int contentEnd = end;
            if (contentEnd > i && header[contentEnd - 1] == '\n') {
                contentEnd--;
            }
            if (contentEnd > i && header[contentEnd - 1] == '\r') {
                contentEnd--;
            }
            if (contentEnd == i) {
                break; // the blank line ending the header
            }
            byte first = header[i];
            if (first != ' ' && first != '\t') {
                keep = not != named(header, i, contentEnd, names);
            }
            if (keep) {
                out.write(header, i, contentEnd - i);
                out.write('\r');
                out.write('\n');
            }
            i = end;
        }
        out.write('\r');
        out.write('\n');
        return out.toByteArray();
    }

    private static int lineEnd(byte[] b, int from) {
        for (int i = from; i < b.length; i++) {
            if (b[i] == '\n') {
                return i + 1;
            }
        }
        return b.length;
    }

    private static boolean named(byte[] line, int from, int to, List<String> names) {
        int colon = -1;
        for (int i = from; i < to; i++) {
            if (line[i] == ':') {
                colon = i;
                break;
            }
        }
        if (colon < 0) {
            return false;
        }
        int nameEnd = colon;
        while (nameEnd > from && (line[nameEnd - 1] == ' ' || line[nameEnd - 1] == '\t')) {
            nameEnd--;
        }
        String name = new String(line, from, nameEnd - from, StandardCharsets.ISO_8859_1);
        for (String n : names) {
            if (n.equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }
}
