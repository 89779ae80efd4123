package org.poststelle.store.search;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;
import org.apache.james.mime4j.dom.address.Address;
import org.apache.james.mime4j.dom.address.AddressList;
import org.apache.james.mime4j.dom.address.Group;
import org.apache.james.mime4j.dom.address.Mailbox;
import org.apache.james.mime4j.field.address.LenientAddressParser;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.util.ByteSequence;

/**
 * Turning header fields into text: raw bytes to a string (UTF-8, or Windows-1252 for bytes that are not UTF-8),
 * unfolding, RFC 2047 encoded words (mime4j's DecoderUtil), addresses (mime4j's lenient parser), message ids and
 * dates. Nothing here throws on bad input: what cannot be read is kept as it is or reported absent.
 */
final class HeaderValues {
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private HeaderValues() {
    }

    /** The field's value as text: decoded bytes, unfolded, leading and trailing white space removed. No RFC 2047. */
    static String rawValue(Field field) {
        ByteSequence raw = field.getRaw();
        if (raw == null) {
            String body = field.getBody();
            return body == null ? "" : unfold(body).strip();
        }
        byte[] bytes = raw.toByteArray();
        int colon = 0;
        while (colon < bytes.length && bytes[colon] != ':') {
            colon++;
        }
        int from = Math.min(colon + 1, bytes.length);
        return unfold(decodeBytes(bytes, from, bytes.length - from)).strip();
    }

    /** Header bytes as text: plain ASCII directly, UTF-8 when valid (RFC 6532), else Windows-1252. */
    static String decodeBytes(byte[] b, int off, int len) {
        boolean ascii = true;
        for (int i = off; i < off + len; i++) {
            if (b[i] < 0) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            return new String(b, off, len, StandardCharsets.ISO_8859_1);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b, off, len)).toString();
        } catch (CharacterCodingException e) {
            return new String(b, off, len, WINDOWS_1252);
        }
    }

    /** Removes the line breaks of folding (the white space after them stays, as RFC 5322 unfolding says). */
    static String unfold(String s) {
        if (s.indexOf('\r') < 0 && s.indexOf('\n') < 0) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\r' && c != '\n') {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Decodes RFC 2047 encoded words; an undecodable word stays as it is. */
    static String decodeWords(String s) {
        if (!s.contains("=?")) {
            return s;
        }
        try {
            return DecoderUtil.decodeEncodedWords(s, DecodeMonitor.SILENT);
        } catch (RuntimeException e) {
            return s;
        }
    }

    /** Runs of white space (and control characters) become one space; leading and trailing ones go. */
    static String compressWhitespace(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= ' ' || c == 0x7f) {
                space = sb.length() > 0;
            } else {
                if (space) {
                    sb.append(' ');
                    space = false;
                }
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** An address header's mailboxes (groups flattened), parsed leniently; empty when nothing can be read. */
    static List<Mailbox> mailboxes(String rawValue) {
        AddressList list = parseAddresses(rawValue);
        return list == null ? List.of() : list.flatten();
    }

    /**
     * An address header written out the way it is searched: {@code Name <local@domain>, group: a@b;}, names
     * decoded. When the parser finds nothing, the decoded value itself.
     */
    static String addressText(String rawValue) {
        AddressList list = parseAddresses(rawValue);
        if (list == null || list.isEmpty()) {
            return compressWhitespace(decodeWords(rawValue));
        }
        StringBuilder sb = new StringBuilder(rawValue.length());
        for (Address a : list) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            if (a instanceof Group g) {
                sb.append(g.getName()).append(": ");
                boolean first = true;
                for (Mailbox m : g.getMailboxes()) {
                    if (!first) {
                        sb.append(", ");
                    }
                    first = false;
                    appendMailbox(sb, m);
                }
                sb.append(';');
            } else if (a instanceof Mailbox m) {
                appendMailbox(sb, m);
            }
        }
        return compressWhitespace(sb.toString());
    }

    /** {@code Name <addr>}, the name quoted when it holds specials, as Dovecot writes addresses to search them. */
    private static void appendMailbox(StringBuilder sb, Mailbox m) {
        String name = m.getName();
        if (name != null && !name.isBlank()) {
            if (needsQuotes(name)) {
                sb.append('"');
                for (int i = 0; i < name.length(); i++) {
                    char c = name.charAt(i);
                    if (c == '"' || c == '\\') {
                        sb.append('\\');
                    }
                    sb.append(c);
                }
                sb.append('"');
            } else {
                sb.append(name);
            }
            sb.append(" <").append(m.getAddress()).append('>');
        } else {
            sb.append(m.getAddress());
        }
    }

    private static boolean needsQuotes(String name) {
        for (int i = 0; i < name.length(); i++) {
            if ("()<>[]:;@\\,.\"".indexOf(name.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static AddressList parseAddresses(String rawValue) {
        if (rawValue.isBlank()) {
            return null;
        }
        try {
            return LenientAddressParser.DEFAULT.parseAddressList(rawValue);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The display name of a mailbox (decoded) when it has one, else its addr-spec (RFC 5957). */
    static String displayName(Mailbox m) {
        String name = m.getName();
        return name != null && !name.isBlank() ? compressWhitespace(name) : m.getAddress();
    }

    /** The message ids in a Message-ID, In-Reply-To or References value, without the angle brackets. */
    static List<String> messageIds(String rawValue) {
        List<String> ids = new ArrayList<>(2);
        int i = 0;
        while (true) {
            int open = rawValue.indexOf('<', i);
            if (open < 0) {
                break;
            }
            int close = rawValue.indexOf('>', open + 1);
            if (close < 0) {
                break;
            }
            String id = stripSpaces(rawValue.substring(open + 1, close));
            if (!id.isEmpty()) {
                ids.add(id);
            }
            i = close + 1;
        }
        if (ids.isEmpty()) {
            // some mailers leave out the brackets: take a lone token that looks like an id
            String bare = rawValue.strip();
            if (!bare.isEmpty() && bare.indexOf('@') > 0 && bare.chars().noneMatch(c -> c <= ' ' || c == '<')) {
                ids.add(bare);
            }
        }
        return ids;
    }

    private static String stripSpaces(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c > ' ') {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /**
     * A Date header read leniently (obsolete zones, two-digit years, comments, no weekday).
     *
     * @param instant the moment, for SORT and THREAD
     * @param day the day as written, in the header's own offset, for SENTBEFORE/SENTON/SENTSINCE
     */
    record SentDate(long epochMillis, LocalDate day) {
    }

    private static final String[] MONTHS = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
        "nov", "dec"};

    /**
     * The date of a Date header value, or null when it cannot be read. Reads RFC 5322 dates and their obsolete
     * forms the way Dovecot's message_date_parse does: optional weekday, day, month name, two-, three- or
     * four-digit year, hh:mm[:ss], numeric or named zone (a missing or military zone counts as +0000), comments
     * ignored. (Hand-written: mime4j's generated parser costs more per call than reading the whole header.)
     */
    static SentDate parseDate(String value) {
        if (value.length() > 200) {
            return null;
        }
        List<String> t = dateTokens(value);
        int i = 0;
        if (i < t.size() && Character.isLetter(t.get(i).charAt(0))) {
            i++; // weekday
        }
        if (t.size() - i < 4) {
            return null;
        }
        int day = number(t.get(i++), 1, 2);
        int month = month(t.get(i++));
        String y = t.get(i++);
        int year = number(y, 2, 4);
        if (day < 0 || month < 0 || year < 0) {
            return null;
        }
        if (y.length() == 2) {
            year += year < 50 ? 2000 : 1900;
        } else if (y.length() == 3) {
            year += 1900;
        }
        String[] hms = t.get(i++).split(":", -1);
        if (hms.length < 2 || hms.length > 3) {
            return null;
        }
        int hour = number(hms[0], 1, 2);
        int minute = number(hms[1], 1, 2);
        int second = hms.length == 3 ? number(hms[2], 1, 2) : 0;
        if (hour < 0 || minute < 0 || second < 0) {
            return null;
        }
        int offsetMinutes = i < t.size() ? zone(t.get(i)) : 0;
        try {
            LocalDateTime local = LocalDateTime.of(year, month, day, hour, minute, Math.min(second, 59));
            ZoneOffset offset = ZoneOffset.ofTotalSeconds(offsetMinutes * 60);
            return new SentDate(local.toInstant(offset).toEpochMilli(), local.toLocalDate());
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** Words of a date, comments dropped, split at white space and commas. */
    private static List<String> dateTokens(String v) {
        List<String> out = new ArrayList<>(8);
        StringBuilder sb = new StringBuilder();
        int depth = 0;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && depth > 0) {
                depth--;
            } else if (depth == 0) {
                if (c <= ' ' || c == ',') {
                    if (sb.length() > 0) {
                        out.add(sb.toString());
                        sb.setLength(0);
                    }
                } else {
                    sb.append(c);
                }
            }
        }
        if (sb.length() > 0) {
            out.add(sb.toString());
        }
        return out;
    }

    /** A number of minDigits..maxDigits ASCII digits, else -1. */
    private static int number(String s, int minDigits, int maxDigits) {
        if (s.length() < minDigits || s.length() > maxDigits) {
            return -1;
        }
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + c - '0';
        }
        return n;
    }

    private static int month(String s) {
        if (s.length() < 3) {
            return -1;
        }
        for (int m = 0; m < 12; m++) {
            if (s.regionMatches(true, 0, MONTHS[m], 0, 3)) {
                return m + 1;
            }
        }
        return -1;
    }

    /** The zone's offset in minutes: +hhmm/-hhmm, UT/GMT and the US names; anything else counts as +0000. */
    private static int zone(String z) {
        if (z.length() == 5 && (z.charAt(0) == '+' || z.charAt(0) == '-')) {
            int hhmm = number(z.substring(1), 4, 4);
            if (hhmm >= 0 && hhmm % 100 < 60 && hhmm / 100 < 18) {
                int minutes = hhmm / 100 * 60 + hhmm % 100;
                return z.charAt(0) == '-' ? -minutes : minutes;
            }
            return 0;
        }
        return switch (z.toUpperCase(java.util.Locale.ROOT)) {
            case "EDT" -> -4 * 60;
            case "EST", "CDT" -> -5 * 60;
            case "CST", "MDT" -> -6 * 60;
            case "MST", "PDT" -> -7 * 60;
            case "PST" -> -8 * 60;
            default -> 0;
        };
    }
}
