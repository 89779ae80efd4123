package org.poststelle.pop3.protocol;

import java.util.Locale;

/**
 * One framed client line, without its line ending: a command, or a SASL response while an AUTH exchange
 * runs (only the session knows which).
 *
 * @param line the text (UTF-8, or ISO-8859-1 where the bytes are not UTF-8)
 * @param tooLong the line exceeded the length limit and was discarded; {@code line} is empty
 * @param heldForTls the decoder took this line for STLS and stopped reading: the session must either
 *        upgrade or release the hold ({@link org.poststelle.tls.StartTls#refuse})
 */
public record Pop3Request(String line, boolean tooLong, boolean heldForTls) {
    private static final Pop3Request TOO_LONG = new Pop3Request("", true, false);

    public static Pop3Request of(String line) {
        return new Pop3Request(line, false, false);
    }

    public static Pop3Request overlong() {
        return TOO_LONG;
    }

    /** The command keyword, upper case (RFC 1939 keywords are case-insensitive). */
    public String verb() {
        int sp = line.indexOf(' ');
        return (sp < 0 ? line : line.substring(0, sp)).toUpperCase(Locale.ROOT);
    }

    /** Everything after the first space, as sent; empty when there is none. */
    public String args() {
        int sp = line.indexOf(' ');
        return sp < 0 ? "" : line.substring(sp + 1);
    }

    /** Whether the line is the STLS command (the decoder must stop reading right after it). */
    public static boolean isStls(String line) {
        return line.strip().equalsIgnoreCase("STLS");
    }

    @Override
    public String toString() {
        // lines may carry passwords (PASS, AUTH responses): never print them
        return tooLong ? "Pop3Request[too long]" : "Pop3Request[" + verb() + (heldForTls ? ", held]" : "]");
    }
}
