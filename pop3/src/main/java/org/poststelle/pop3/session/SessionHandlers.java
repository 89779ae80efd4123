package org.poststelle.pop3.session;

import java.util.List;
import java.util.Locale;
import org.poststelle.pop3.command.Pop3Command.Lang;
import org.poststelle.pop3.command.Pop3Command.Stls;
import org.poststelle.pop3.command.Pop3Command.Utf8;
import org.poststelle.pop3.protocol.Pop3Response;

/** STLS (RFC 2595), UTF8 and LANG (RFC 6856): commands about the session rather than the mail. */
final class SessionHandlers {
    private static final List<String> LANGUAGES = List.of("en English", "i-default Default language");

    private SessionHandlers() {
    }

    static Reply stls(Stls cmd, Pop3Session s) {
        if (s.secure()) {
            return Reply.err("TLS is already active.");
        }
        if (s.tls() == null) {
            return Reply.err("TLS is not available.");
        }
        return new Reply.Send(Pop3Response.ok("Begin TLS negotiation now."), Reply.After.START_TLS);
    }

    /** UTF-8 user names and passwords are always accepted ("UTF8 USER"); the mode only records the client's wish. */
    static Reply utf8(Utf8 cmd, Pop3Session s) {
        s.utf8(true);
        return Reply.ok("UTF8 enabled.");
    }

    /** Every answer is in English; LANG lists it and accepts it (or "*"). */
    static Reply lang(Lang cmd, Pop3Session s) {
        if (cmd.range().isEmpty()) {
            return Reply.send(Pop3Response.lines("Language listing follows:", LANGUAGES));
        }
        String range = cmd.range().get().toLowerCase(Locale.ROOT);
        if (range.equals("*") || range.equals("en") || range.startsWith("en-")) {
            return Reply.ok("en Language is English.");
        }
        if (range.equals("i-default")) {
            return Reply.ok("i-default Language is the default (English).");
        }
        return Reply.err("Unsupported language " + cmd.range().get() + ".");
    }
}
