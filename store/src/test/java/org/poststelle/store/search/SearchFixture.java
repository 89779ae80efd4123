package org.poststelle.store.search;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.poststelle.core.auth.Account;
import org.poststelle.core.auth.AccountPolicy;
import org.poststelle.core.metrics.Metrics;
import org.poststelle.store.MailStore;
import org.poststelle.store.Mailbox;
import org.poststelle.store.MessageContent;
import org.poststelle.store.StoreConfig;
import org.poststelle.store.maildir.MaildirMailStore;
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

/**
 * A real Maildir store in a temporary directory with alice's INBOX open, messages appended through the store
 * API, and the engine under test. The INBOX handle counts how often message content is opened, so tests can
 * show which keys never read a message.
 */
final class SearchFixture implements AutoCloseable {
    final MailStore store;
    final CountingMailbox inbox;
    final HeaderCache cache = new HeaderCache();
    final SearchEngine engine;

    SearchFixture(Path dir) {
        this(dir, FullTextIndex.NONE);
    }

    SearchFixture(Path dir, FullTextIndex index) {
        store = MaildirMailStore.open(StoreConfig.defaults(dir), Metrics.noop());
        Account alice = new Account("alice@example.org", "alice", "example.org", Optional.empty(),
                AccountPolicy.DEFAULT);
        inbox = new CountingMailbox(store.forAccount(alice).open(MailboxName.INBOX, false));
        engine = new SearchEngine(cache, index);
    }

    /** A message from header lines and body lines, joined with CRLF. */
    static byte[] message(String headers, String body) {
        String h = headers.replace("\r\n", "\n").replace("\n", "\r\n");
        String b = body.replace("\r\n", "\n").replace("\n", "\r\n");
        return (h + "\r\n\r\n" + b).getBytes(StandardCharsets.UTF_8);
    }

    long append(byte[] bytes) {
        return append(bytes, Flags.NONE, null);
    }

    long append(String headers, String body) {
        return append(message(headers, body));
    }

    long append(byte[] bytes, Flags flags, Instant internalDate) {
        return inbox.append(List.of(NewMessage.of(bytes, flags, internalDate))).uids()[0];
    }

    UidSet search(SearchQuery q) {
        return search(q, SearchContext.defaults());
    }

    UidSet search(SearchQuery q, SearchContext context) {
        return engine.search(inbox, inbox.snapshot(), q, context).uids();
    }

    long[] sort(SearchQuery q, SortCriterion... criteria) {
        return engine.sort(inbox, inbox.snapshot(), List.of(criteria), q, SearchContext.defaults());
    }

    List<ThreadNode> thread(ThreadAlgorithm algorithm) {
        return engine.thread(inbox, inbox.snapshot(), algorithm, SearchQuery.all(), SearchContext.defaults());
    }

    @Override
    public void close() {
        inbox.close();
        store.close();
    }

    /** The real mailbox, counting content() calls (a decorator, not a stand-in: every call goes to the store). */
    static final class CountingMailbox implements Mailbox {
        private final Mailbox real;
        final AtomicInteger contentOpens = new AtomicInteger();
        final List<Long> contentUids = new ArrayList<>();

        CountingMailbox(Mailbox real) {
            this.real = real;
        }

        @Override
        public MailboxName name() {
            return real.name();
        }

        @Override
        public boolean readOnly() {
            return real.readOnly();
        }

        @Override
        public MailboxSnapshot snapshot() {
            return real.snapshot();
        }

        @Override
        public void onChange(Runnable hint) {
            real.onChange(hint);
        }

        @Override
        public UidSet claimRecent() {
            return real.claimRecent();
        }

        @Override
        public void meta(UidSet uids, Consumer<MessageMeta> each) {
            real.meta(uids, each);
        }

        @Override
        public MessageContent content(long uid) {
            contentOpens.incrementAndGet();
            synchronized (contentUids) {
                contentUids.add(uid);
            }
            return real.content(uid);
        }

        @Override
        public AppendResult append(List<NewMessage> messages) {
            return real.append(messages);
        }

        @Override
        public FlagUpdate updateFlags(UidSet uids, FlagOp op, Flags flags, long unchangedSince) {
            return real.updateFlags(uids, op, flags, unchangedSince);
        }

        @Override
        public UidSet expunge(UidSet uids) {
            return real.expunge(uids);
        }

        @Override
        public CopyResult copyTo(UidSet uids, MailboxName target) {
            return real.copyTo(uids, target);
        }

        @Override
        public CopyResult moveTo(UidSet uids, MailboxName target) {
            return real.moveTo(uids, target);
        }

        @Override
        public UidSet expungedSince(long modSeq) {
            return real.expungedSince(modSeq);
        }

        @Override
        public void markRetrieved(UidSet uids) {
            real.markRetrieved(uids);
        }

        @Override
        public void close() {
            real.close();
        }
    }
}
