package org.poststelle.store;

import org.poststelle.core.auth.Account;

/**
 * The mail store behind both front-ends. One instance per server, so POP3 and IMAP share one change
 * notification path and see the same mailbox at the same moment. Thread-safe.
 */
public interface MailStore extends AutoCloseable {

    /** The mailboxes of one account; cheap, one per authenticated session. Creates the account's storage on first use. */
    UserMailboxes forAccount(Account account);

    /** The largest message {@link Mailbox#append} accepts (IMAP APPENDLIMIT); 0 when there is no limit. */
    default long maxMessageSize() {
        return 0;
    }

    /** The bound in bytes of the server's search header cache ({@code store.search_cache}); 0: no caching. */
    default long searchCacheSize() {
        return org.poststelle.store.search.HeaderCache.DEFAULT_MAX_BYTES;
    }

    @Override
    void close();
}
