package org.poststelle.imap.command;

import org.poststelle.imap.protocol.Args;
import org.poststelle.imap.protocol.BadCommandException;

/** LOGIN user password. */
public record Login(String user, String password) implements ImapCommand {
    public static Login parse(Args a) throws BadCommandException {
        Login login = new Login(a.astring(), a.astring());
        a.end();
        return login;
    }

    @Override
    public String toString() {
        return "Login[" + user + "]";
    }
}
