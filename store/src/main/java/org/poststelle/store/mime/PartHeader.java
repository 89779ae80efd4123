package org.poststelle.store.mime;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects, line by line, the header fields of one part that the structure needs: the Content-* fields,
 * MIME-Version, and for message roots the envelope fields. Values are unfolded (line breaks removed, the
 * folding whitespace kept) with the blanks after the colon stripped, also when the value starts on a folded
 * line (the reference keeps those), and capped so that a hostile header
 * cannot grow memory. Repeated fields follow the reference server: the first Content-* field counts, the
 * last Date/Subject/In-Reply-To/Message-ID counts, repeated address fields add up.
 */
final class PartHeader {
    static final int MAX_VALUE = 64 * 1024;

    private static final int NONE = -1;
    private static final int CONTENT_TYPE = 0;
    private static final int CONTENT_TRANSFER_ENCODING = 1;
    private static final int CONTENT_ID = 2;
    private static final int CONTENT_DESCRIPTION = 3;
    private static final int CONTENT_MD5 = 4;
    private static final int CONTENT_DISPOSITION = 5;
    private static final int CONTENT_LANGUAGE = 6;
    private static final int CONTENT_LOCATION = 7;
    private static final int MIME_VERSION = 8;
    private static final int DATE = 9;
    private static final int SUBJECT = 10;
    private static final int IN_REPLY_TO = 11;
    private static final int MESSAGE_ID = 12;
    private static final int FROM = 13;
    private static final int SENDER = 14;
    private static final int REPLY_TO = 15;
    private static final int TO = 16;
    private static final int CC = 17;
    private static final int BCC = 18;
    private static final int COUNT = 19;

    private final boolean messageRoot;
    private final String[] values = new String[COUNT];
    @SuppressWarnings("unchecked")
    private final List<String>[] addressValues = new List[COUNT];
    private final int[] addressChars = new int[COUNT];
    boolean mimeVersion;
    boolean sawContentType;
    /** The multipart boundary to use, set by the parser from Content-Type; null when none. */
    byte[] boundary;

    private int field = NONE;
    private byte[] value = new byte[128];
    private int valueLen;

    PartHeader(boolean messageRoot) {
        this.messageRoot = messageRoot;
    }

    /** One physical header line without its line terminator. */
    void line(byte[] b, int len) {
        if (len > 0 && (b[0] == ' ' || b[0] == '\t')) {
            if (field != NONE) {
                append(b, 0, len);
            }
            return;
        }
        finish();
        int colon = -1;
        for (int i = 0; i < len; i++) {
            if (b[i] == ':') {
                colon = i;
                break;
            }
        }
        if (colon < 0) {
            return;
        }
        int nameEnd = colon;
        while (nameEnd > 0 && (b[nameEnd - 1] == ' ' || b[nameEnd - 1] == '\t')) {
            nameEnd--;
        }
        field = lookup(b, nameEnd);
        if (field == MIME_VERSION) {
            mimeVersion = true;
        } else if (field == CONTENT_TYPE) {
            sawContentType = true;
        }
        if (field != NONE) {
            valueLen = 0;
            append(b, colon + 1, len - colon - 1);
        }
    }

    /** Ends the last field; call once after the header. */
    void finish() {
        if (field == NONE) {
            return;
        }
        String v = HeaderText.stripLeading(HeaderText.bytes(value, 0, valueLen));
        if (field >= FROM) {
            if (addressValues[field] == null) {
                addressValues[field] = new ArrayList<>(1);
            }
            if (addressChars[field] + v.length() <= MAX_VALUE) {
                addressValues[field].add(v);
                addressChars[field] += v.length();
            }
        } else if (field >= DATE || values[field] == null) {
            values[field] = v;
        }
        field = NONE;
    }

    private void append(byte[] b, int off, int len) {
        int n = Math.min(len, MAX_VALUE - valueLen);
        if (n <= 0) {
            return;
        }
        if (valueLen + n > value.length) {
            value = java.util.Arrays.copyOf(value, Math.min(MAX_VALUE, Math.max(valueLen + n, value.length * 2)));
        }
        System.arraycopy(b, off, value, valueLen, n);
        valueLen += n;
    }

    private static final String[] NAMES = {
        "content-type", "content-transfer-encoding", "content-id", "content-description", "content-md5",
        "content-disposition", "content-language", "content-location", "mime-version",
        "date", "subject", "in-reply-to", "message-id", "from", "sender", "reply-to", "to", "cc", "bcc"};

    /** The field index of a header name, without allocating: most names (Received, DKIM-...) are skipped fast. */
    private int lookup(byte[] b, int len) {
        if (len < 2 || len > 25) {
            return NONE;
        }
        int last = messageRoot ? COUNT : DATE;
        for (int f = 0; f < last; f++) {
            if (NAMES[f].length() == len && equalsIgnoreCase(b, NAMES[f])) {
                return f;
            }
        }
        return NONE;
    }

    private static boolean equalsIgnoreCase(byte[] b, String lowerName) {
        for (int i = 0; i < lowerName.length(); i++) {
            int c = b[i];
            if (c >= 'A' && c <= 'Z') {
                c += 'a' - 'A';
            }
            if (c != lowerName.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    String contentType() {
        return values[CONTENT_TYPE];
    }

    String transferEncoding() {
        return values[CONTENT_TRANSFER_ENCODING];
    }

    String contentId() {
        return values[CONTENT_ID];
    }

    String description() {
        return values[CONTENT_DESCRIPTION];
    }

    String md5() {
        return values[CONTENT_MD5];
    }

    String disposition() {
        return values[CONTENT_DISPOSITION];
    }

    String language() {
        return values[CONTENT_LANGUAGE];
    }

    String location() {
        return values[CONTENT_LOCATION];
    }

    Envelope envelope() {
        return new Envelope(HeaderText.display(values[DATE]), HeaderText.display(values[SUBJECT]),
                addresses(FROM), addresses(SENDER), addresses(REPLY_TO), addresses(TO), addresses(CC),
                addresses(BCC), HeaderText.display(values[IN_REPLY_TO]), HeaderText.display(values[MESSAGE_ID]));
    }

    private List<Address> addresses(int f) {
        List<String> raw = addressValues[f];
        if (raw == null) {
            return null;
        }
        List<Address> all = new ArrayList<>();
        for (String v : raw) {
            all.addAll(AddressParser.parseBytes(v));
        }
        return all.isEmpty() ? null : List.copyOf(all);
    }
}
