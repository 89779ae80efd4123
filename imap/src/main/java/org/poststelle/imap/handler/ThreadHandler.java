package org.poststelle.imap.handler;

import java.util.List;
import org.poststelle.imap.command.ThreadCommand;
import org.poststelle.imap.response.ThreadResponse;
import org.poststelle.imap.session.CommandHandler;
import org.poststelle.imap.session.ImapSession;
import org.poststelle.imap.session.Result;
import org.poststelle.imap.session.SelectedMailbox;
import org.poststelle.store.model.MailboxSnapshot;
import org.poststelle.store.search.SearchEngine;
import org.poststelle.store.search.ThreadNode;

/** THREAD and UID THREAD (RFC 5256): ORDEREDSUBJECT and REFERENCES. */
final class ThreadHandler implements CommandHandler<ThreadCommand> {
    private final SearchEngine engine;

    ThreadHandler(SearchEngine engine) {
        this.engine = engine;
    }

    @Override
    public Result handle(ThreadCommand cmd, ImapSession s) {
        Result conflict = SearchSupport.conflictingCharset(s, cmd.charset(), true);
        if (conflict != null) {
            return conflict;
        }
        Result refused = SearchSupport.refusedCharset(cmd.charset());
        if (refused != null) {
            return refused;
        }
        SelectedMailbox sel = s.selected();
        SearchSupport.catchUp(s, cmd.uid());
        MailboxSnapshot view = sel.view();
        List<ThreadNode> threads = engine.thread(sel.mailbox(), view, cmd.algorithm(),
                SearchSupport.query(cmd.search(), sel), SearchSupport.context(sel));
        String data = ThreadNode.render(threads, cmd.uid() ? uid -> uid : uid -> view.indexOf(uid) + 1L);
        s.out().write(new ThreadResponse(data));
        return Result.ok(cmd.uid() ? "UID THREAD completed." : "THREAD completed.");
    }
}
