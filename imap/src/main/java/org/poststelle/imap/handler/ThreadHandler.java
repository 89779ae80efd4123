package org.poststelle.imap.handler;

import org.poststelle.imap.command.ThreadCommand;
import org.poststelle.imap.response.ThreadResponse;
import org.poststelle.imap.session.CommandHandler;
import org.poststelle.imap.session.ImapSession;
import org.poststelle.imap.session.Result;
import org.poststelle.imap.session.SelectedMailbox;
import org.poststelle.store.model.MailboxSnapshot;
import org.poststelle.store.search.SearchContext;
import org.poststelle.store.search.SearchEngine;
import org.poststelle.store.search.SearchQuery;
import org.poststelle.store.search.ThreadNode;

/** THREAD and UID THREAD (RFC 5256): ORDEREDSUBJECT and REFERENCES. */
final class ThreadHandler implements CommandHandler<ThreadCommand> {
    private final SearchEngine engine;
    private final SearchWork work;

    ThreadHandler(SearchEngine engine, SearchWork work) {
        this.engine = engine;
        this.work = work;
    }

    @Override
    public Result handle(ThreadCommand cmd, ImapSession s) {
        Result conflict = SearchSupport.conflictingCharset(s, cmd.charset());
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
        SearchQuery query = SearchSupport.query(cmd.search(), sel);
        SearchContext context = SearchSupport.context(sel);
        // both algorithms read the subjects (and REFERENCES the message ids) from the headers
        return work.run(s, true, () -> engine.thread(sel.mailbox(), view, cmd.algorithm(), query, context),
                threads -> {
                    String data = ThreadNode.render(threads, cmd.uid() ? uid -> uid : uid -> view.indexOf(uid) + 1L);
                    s.out().write(new ThreadResponse(data));
                    return Result.ok(cmd.uid() ? "UID THREAD completed." : "THREAD completed.");
                }, () -> { });
    }
}
