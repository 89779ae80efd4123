package org.poststelle.imap.session;

import org.poststelle.core.auth.Account;
import org.poststelle.store.UserMailboxes;

/** The RFC 3501 connection states, each carrying what it has. */
public sealed interface ImapState {

    record NotAuthenticated() implements ImapState {
    }

    record Authenticated(Account account, UserMailboxes mailboxes) implements ImapState {
    }

    record Selected(Account account, UserMailboxes mailboxes, SelectedMailbox mailbox) implements ImapState {
    }

    record LoggedOut() implements ImapState {
    }

    /** Which states a command may run in. */
    enum Kind {
        NOT_AUTHENTICATED, AUTHENTICATED, SELECTED, LOGGED_OUT;

        public static Kind of(ImapState s) {
            if (s instanceof NotAuthenticated) {
                return NOT_AUTHENTICATED;
            }
            if (s instanceof Authenticated) {
                return AUTHENTICATED;
            }
            if (s instanceof Selected) {
                return SELECTED;
            }
            return LOGGED_OUT;
        }
    }
}
