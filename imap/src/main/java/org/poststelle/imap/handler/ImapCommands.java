package org.poststelle.imap.handler;

import static org.poststelle.imap.session.CommandTable.ANY;
import static org.poststelle.imap.session.CommandTable.AUTH;
import static org.poststelle.imap.session.CommandTable.NOT_AUTH;
import static org.poststelle.imap.session.CommandTable.SELECTED;

import org.poststelle.imap.command.Append;
import org.poststelle.imap.command.Authenticate;
import org.poststelle.imap.command.Copy;
import org.poststelle.imap.command.Create;
import org.poststelle.imap.command.Delete;
import org.poststelle.imap.command.Enable;
import org.poststelle.imap.command.Expunge;
import org.poststelle.imap.command.Fetch;
import org.poststelle.imap.command.Id;
import org.poststelle.imap.command.ListMailboxes;
import org.poststelle.imap.command.Login;
import org.poststelle.imap.command.NoArgs;
import org.poststelle.imap.command.Rename;
import org.poststelle.imap.command.Search;
import org.poststelle.imap.command.Select;
import org.poststelle.imap.command.Sort;
import org.poststelle.imap.command.Status;
import org.poststelle.imap.command.Store;
import org.poststelle.imap.command.Subscribe;
import org.poststelle.imap.command.ThreadCommand;
import org.poststelle.imap.fetch.FetchHandler;
import org.poststelle.imap.session.CommandTable;
import org.poststelle.store.search.HeaderCache;
import org.poststelle.store.search.SearchEngine;

/**
 * The command table: every command the server knows, the states it is valid in, whether it works on
 * sequence numbers (then no EXPUNGE may be sent during or right after it), its parser and its handler.
 * SEARCH, SORT, THREAD, GETQUOTA and friends of the second IMAP part are added here.
 */
public final class ImapCommands {
    private ImapCommands() {
    }

    public static CommandTable table() {
        return table(HeaderCache.DEFAULT_MAX_BYTES);
    }

    /** @param searchCacheBytes the bound of the search header cache ({@code store.search_cache}); 0 disables it */
    public static CommandTable table(long searchCacheBytes) {
        return ExtensionCommands.addTo(base(searchCacheBytes));
    }

    private static CommandTable base(long searchCacheBytes) {
        FetchHandler fetch = new FetchHandler();
        StoreHandler store = new StoreHandler();
        CopyHandler copy = new CopyHandler();
        SelectHandler select = new SelectHandler();
        ListHandler list = new ListHandler();
        SubscribeHandler subscribe = new SubscribeHandler();
        ExpungeHandler expunge = new ExpungeHandler();
        // one engine per server: its header cache is shared by all sessions (store/search, docs/search.md)
        SearchEngine searchEngine = new SearchEngine(new HeaderCache(searchCacheBytes));
        SearchWork searchWork = SearchWork.forThisMachine();
        SearchHandler search = new SearchHandler(searchEngine, searchWork);
        SortHandler sort = new SortHandler(searchEngine, searchWork);
        ThreadHandler thread = new ThreadHandler(searchEngine, searchWork);
        return new CommandTable()
                // any state
                .add("CAPABILITY", ANY, false, NoArgs::parse, new CapabilityHandler())
                .add("NOOP", ANY, false, NoArgs::parse, new NoopHandler())
                .add("LOGOUT", ANY, false, NoArgs::parse, new LogoutHandler())
                .add("ID", ANY, false, Id::parse, new IdHandler())
                // not authenticated
                .add("STARTTLS", NOT_AUTH, false, NoArgs::parse, new StartTlsHandler())
                .add("LOGIN", NOT_AUTH, false, Login::parse, new LoginHandler())
                .add("AUTHENTICATE", NOT_AUTH, false, Authenticate::parse, new AuthenticateHandler())
                // authenticated
                .add("ENABLE", AUTH, false, Enable::parse, new EnableHandler())
                .add("SELECT", AUTH, false, Select::parseSelect, select)
                .add("EXAMINE", AUTH, false, Select::parseExamine, select)
                .add("CREATE", AUTH, false, Create::parse, new CreateHandler())
                .add("DELETE", AUTH, false, Delete::parse, new DeleteHandler())
                .add("RENAME", AUTH, false, Rename::parse, new RenameHandler())
                .add("SUBSCRIBE", AUTH, false, Subscribe::parseSubscribe, subscribe)
                .add("UNSUBSCRIBE", AUTH, false, Subscribe::parseUnsubscribe, subscribe)
                .add("LIST", AUTH, false, ListMailboxes::parseList, list)
                .add("LSUB", AUTH, false, ListMailboxes::parseLsub, list)
                .add("NAMESPACE", AUTH, false, NoArgs::parse, new NamespaceHandler())
                .add("STATUS", AUTH, false, Status::parse, new StatusHandler())
                .add("APPEND", AUTH, false, Append::parse, new AppendHandler())
                .add("IDLE", AUTH, false, NoArgs::parse, new IdleHandler())
                // selected
                .add("CHECK", SELECTED, false, NoArgs::parse, new NoopHandler("CHECK"))
                .add("CLOSE", SELECTED, false, NoArgs::parse, new CloseHandler(true))
                .add("UNSELECT", SELECTED, false, NoArgs::parse, new CloseHandler(false))
                .add("EXPUNGE", SELECTED, false, Expunge::parse, expunge)
                .add("UID EXPUNGE", SELECTED, false, Expunge::parseUid, expunge)
                .add("FETCH", SELECTED, true, Fetch::parse, fetch)
                .add("UID FETCH", SELECTED, false, Fetch::parseUid, fetch)
                .add("STORE", SELECTED, true, Store::parse, store)
                .add("UID STORE", SELECTED, false, Store::parseUid, store)
                .add("COPY", SELECTED, true, Copy::parseCopy, copy)
                .add("UID COPY", SELECTED, false, Copy::parseUidCopy, copy)
                .add("MOVE", SELECTED, true, Copy::parseMove, copy)
                .add("UID MOVE", SELECTED, false, Copy::parseUidMove, copy)
                .add("SEARCH", SELECTED, true, Search::parse, search)
                .add("UID SEARCH", SELECTED, false, Search::parseUid, search)
                .add("SORT", SELECTED, true, Sort::parse, sort)
                .add("UID SORT", SELECTED, false, Sort::parseUid, sort)
                .add("THREAD", SELECTED, true, ThreadCommand::parse, thread)
                .add("UID THREAD", SELECTED, false, ThreadCommand::parseUid, thread);
    }
}
