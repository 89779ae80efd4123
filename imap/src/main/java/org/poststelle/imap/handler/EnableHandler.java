package org.poststelle.imap.handler;

import java.util.ArrayList;
import java.util.List;
import org.poststelle.imap.command.Enable;
import org.poststelle.imap.response.Enabled;
import org.poststelle.imap.session.CommandHandler;
import org.poststelle.imap.session.ImapSession;
import org.poststelle.imap.session.Result;

/** ENABLE (RFC 5161): switches on what the server can switch on and lists it; unknown names are ignored. */
final class EnableHandler implements CommandHandler<Enable> {
    @Override
    public Result handle(Enable cmd, ImapSession s) {
        List<String> enabled = new ArrayList<>();
        for (String cap : cmd.capabilities()) {
            String name = s.enable(cap);
            if (name != null && !enabled.contains(name)) {
                enabled.add(name);
            }
        }
        s.out().write(new Enabled(enabled));
        return Result.ok("ENABLE completed.");
    }
}
