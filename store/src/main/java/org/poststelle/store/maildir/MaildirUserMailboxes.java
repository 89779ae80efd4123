package org.poststelle.store.maildir;

import java.util.List;
import java.util.Set;
import org.poststelle.core.auth.Account;
import org.poststelle.store.Mailbox;
import org.poststelle.store.UserMailboxes;
import org.poststelle.store.model.MailboxInfo;
import org.poststelle.store.model.MailboxName;
import org.poststelle.store.model.MailboxStatus;
import org.poststelle.store.model.QuotaUsage;
import org.poststelle.store.model.SpecialUse;

/** One session's view of an account's Maildir: every name is re-validated before it touches the disk. */
final class MaildirUserMailboxes implements UserMailboxes {
    private final AccountStore account;
    private final Account user;

    MaildirUserMailboxes(AccountStore account, Account user) {
        this.account = account;
        this.user = user;
    }

    @Override
    public List<MailboxInfo> list() {
        return account.list();
    }

    @Override
    public Set<MailboxName> subscriptions() {
        return account.subscriptions();
    }

    @Override
    public void subscribe(MailboxName name, boolean subscribed) {
        account.subscribe(FolderNames.checked(name), subscribed);
    }

    @Override
    public MailboxStatus status(MailboxName name) {
        MailboxState state = account.acquire(FolderNames.checked(name));
        try {
            return state.status();
        } finally {
            account.release(state);
        }
    }

    @Override
    public void create(MailboxName name, Set<SpecialUse> specialUse) {
        account.create(FolderNames.checked(name), specialUse);
    }

    @Override
    public void delete(MailboxName name) {
        account.delete(FolderNames.checked(name));
    }

    @Override
    public void rename(MailboxName from, MailboxName to) {
        account.rename(FolderNames.checked(from), FolderNames.checked(to), user.policy());
    }

    @Override
    public Mailbox open(MailboxName name, boolean readOnly) {
        MailboxState state = account.acquire(FolderNames.checked(name));
        return new MaildirMailbox(account, state, readOnly, user.policy());
    }

    @Override
    public QuotaUsage quota() {
        return account.usage(user.policy());
    }
}
