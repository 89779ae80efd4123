package org.poststelle.imap.handler;

import org.poststelle.imap.command.NoArgs;
import org.poststelle.imap.session.CommandHandler;
import org.poststelle.imap.session.ImapSession;
import org.poststelle.imap.session.Result;
import org.poststelle.imap.session.SelectedMailbox;

/** NOOP (and CHECK): reads the mailbox even without a change hint, so a client polling this way sees news. */
final class NoopHandler implements CommandHandler<NoArgs> {
    private final String name;

    NoopHandler() {
        this("NOOP");
    }

    NoopHandler(String name) {
        this.name = name;
    }

    @Override
    public Result handle(NoArgs command, ImapSession s) {
        SelectedMailbox sel = s.selected();
        if (sel != null) {
            sel.sync(s.out(), s.extensions(), true, true);
        }
        return Result.ok(name + " completed.");
    }
}
