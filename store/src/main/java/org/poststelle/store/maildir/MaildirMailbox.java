package org.poststelle.store.maildir;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.poststelle.core.auth.AccountPolicy;
import org.poststelle.store.Mailbox;
import org.poststelle.store.MessageContent;
import org.poststelle.store.StoreException;
import org.poststelle.store.model.AppendResult;
import org.poststelle.store.model.CopyResult;
import org.poststelle.store.model.FlagOp;
import org.poststelle.store.model.FlagUpdate;
import org.poststelle.store.model.Flags;
import org.poststelle.store.model.MailboxName;
import org.poststelle.store.model.MailboxSnapshot;
import org.poststelle.store.model.MessageMeta;
import org.poststelle.store.model.NewMessage;
import org.poststelle.store.model.UidSet;

/** One session's handle on a Maildir folder: a thin view of the shared {@link MailboxState}. */
final class MaildirMailbox implements Mailbox {
    private final AccountStore account;
    private final MailboxState state;
    private final boolean readOnly;
    private final AccountPolicy policy;
    private final List<Runnable> hints = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    MaildirMailbox(AccountStore account, MailboxState state, boolean readOnly, AccountPolicy policy) {
        this.account = account;
        this.state = state;
        this.readOnly = readOnly;
        this.policy = policy;
    }

    @Override
    public MailboxName name() {
        return state.name();
    }

    @Override
    public boolean readOnly() {
        return readOnly;
    }

    @Override
    public MailboxSnapshot snapshot() {
        checkOpen();
        return state.snapshot();
    }

    @Override
    public void onChange(Runnable hint) {
        checkOpen();
        hints.add(hint);
        state.addListener(hint);
    }

    @Override
    public UidSet claimRecent() {
        checkOpen();
        return state.recent(!readOnly);
    }

    @Override
    public void meta(UidSet uids, Consumer<MessageMeta> each) {
        checkOpen();
        state.meta(uids, each);
    }

    @Override
    public MessageContent content(long uid) {
        checkOpen();
        return state.content(uid);
    }

    @Override
    public AppendResult append(List<NewMessage> messages) {
        checkWritable();
        if (messages.isEmpty()) {
            return new AppendResult(state.uidValidity(), new long[0]);
        }
        return state.append(messages, policy);
    }

    @Override
    public FlagUpdate updateFlags(UidSet uids, FlagOp op, Flags flags, long unchangedSince) {
        checkWritable();
        return state.updateFlags(uids, op, flags, unchangedSince);
    }

    @Override
    public UidSet expunge(UidSet uids) {
        checkWritable();
        return state.expunge(uids);
    }

    @Override
    public CopyResult copyTo(UidSet uids, MailboxName target) {
        checkOpen();
        return transfer(uids, target, false);
    }

    @Override
    public CopyResult moveTo(UidSet uids, MailboxName target) {
        checkWritable();
        return transfer(uids, target, true);
    }

    private CopyResult transfer(UidSet uids, MailboxName target, boolean move) {
        MailboxState to = account.acquire(FolderNames.checked(target));
        try {
            return Transfer.copy(state, to, uids, move, policy);
        } finally {
            account.release(to);
        }
    }

    @Override
    public UidSet expungedSince(long modSeq) {
        checkOpen();
        return state.expungedSince(modSeq);
    }

    @Override
    public void markRetrieved(UidSet uids) {
        checkWritable();
        state.markRetrieved(uids);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (Runnable h : hints) {
            state.removeListener(h);
        }
        hints.clear();
        account.release(state);
    }

    private void checkOpen() {
        if (closed) {
            throw new StoreException(StoreException.Reason.NOT_ALLOWED, "mailbox handle is closed");
        }
    }

    private void checkWritable() {
        checkOpen();
        if (readOnly) {
            throw new StoreException(StoreException.Reason.NOT_ALLOWED, "mailbox is open read-only");
        }
    }
}
