package org.poststelle.imap.protocol;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** IMAP date-time ({@code "17-Jul-1996 02:44:25 -0700"}) and date ({@code 1-Feb-1994}) forms. */
public final class ImapDateTime {
    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("d-MMM-yyyy HH:mm:ss Z", Locale.ENGLISH);
    private static final DateTimeFormatter DATE_TIME_OUT =
            DateTimeFormatter.ofPattern("dd-MMM-yyyy HH:mm:ss Z", Locale.ENGLISH);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d-MMM-yyyy", Locale.ENGLISH);

    private ImapDateTime() {
    }

    /** Parses the date-time of APPEND; a leading space (the RFC's " 1-Jan-...") is accepted. */
    public static Instant parseDateTime(String s) throws BadCommandException {
        try {
            return ZonedDateTime.parse(capitalize(s.trim()), DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw new BadCommandException("Invalid date-time: " + s);
        }
    }

    public static LocalDate parseDate(String s) throws BadCommandException {
        try {
            return LocalDate.parse(capitalize(s.trim()), DATE);
        } catch (DateTimeParseException e) {
            throw new BadCommandException("Invalid date: " + s);
        }
    }

    /** INTERNALDATE as Dovecot writes it: the server's offset is not known per message, so UTC (+0000). */
    public static String format(Instant t) {
        return DATE_TIME_OUT.format(t.atOffset(ZoneOffset.UTC));
    }

    /** Month names are case-insensitive in IMAP; the formatter wants "Jan". */
    private static String capitalize(String s) {
        int dash = s.indexOf('-');
        if (dash < 0 || dash + 4 > s.length()) {
            return s;
        }
        String month = s.substring(dash + 1, dash + 4);
        String fixed = month.substring(0, 1).toUpperCase(Locale.ROOT) + month.substring(1).toLowerCase(Locale.ROOT);
        return s.substring(0, dash + 1) + fixed + s.substring(dash + 4);
    }
}
