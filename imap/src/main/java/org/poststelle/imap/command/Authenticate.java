package org.poststelle.imap.command;

import java.util.Locale;
import org.poststelle.imap.protocol.Args;
import org.poststelle.imap.protocol.BadCommandException;

/**
 * AUTHENTICATE mechanism [initial-response] (RFC 3501, SASL-IR RFC 4959).
 *
 * @param initialResponse base64 as sent ("=" for an empty one), or null
 */
public record Authenticate(String mechanism, String initialResponse) implements ImapCommand {
    public static Authenticate parse(Args a) throws BadCommandException {
        String mech = a.atom().toUpperCase(Locale.ROOT);
        String ir = a.hasMore() ? a.atom() : null;
        a.end();
        return new Authenticate(mech, ir);
    }

    @Override
    public String toString() {
        return "Authenticate[" + mechanism + "]";
    }
}
