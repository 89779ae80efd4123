package org.poststelle.store.maildir;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.poststelle.core.metrics.Metrics;
import org.poststelle.store.Mailbox;
import org.poststelle.store.StoreConfig;
import org.poststelle.store.UserMailboxes;
import org.poststelle.store.model.FlagOp;
import org.poststelle.store.model.Flags;
import org.poststelle.store.model.MailboxName;
import org.poststelle.store.model.NewMessage;
import org.poststelle.store.model.UidSet;

/**
 * The process {@link CrashConsistencyTest} kills: appends from several threads until it dies, printing
 * {@code ACK <uid> <id>} once an append has returned (acknowledged), {@code EXPUNGING <uid>} before it
 * expunges one and {@code GONE <uid>} once the expunge has returned. Message ids continue from the first argument so runs on the same Maildir never repeat one.
 */
public final class CrashChild {
    private CrashChild() {
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]);
        AtomicLong nextId = new AtomicLong(Long.parseLong(args[1]));
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.US_ASCII);
        MaildirMailStore store = MaildirMailStore.open(StoreConfig.defaults(dataDir), Metrics.noop());
        UserMailboxes alice = store.forAccount(MaildirFixture.ALICE);
        Runnable work = () -> {
            try (Mailbox inbox = alice.open(MailboxName.INBOX, false)) {
                while (true) {
                    long id = nextId.getAndIncrement();
                    byte[] msg = ("Subject: crash " + id + "\r\nX-Id: " + id + "\r\n\r\n" + "x".repeat((int) (id % 3000))
                            + "\r\n").getBytes(StandardCharsets.US_ASCII);
                    long uid = inbox.append(List.of(NewMessage.of(msg, Flags.NONE, null))).uids()[0];
                    synchronized (out) {
                        out.println("ACK " + uid + " " + id);
                    }
                    if (id % 7 == 0) {
                        inbox.updateFlags(UidSet.of(uid), FlagOp.ADD, Flags.ofSystem(Flags.SEEN), -1);
                    }
                    if (id % 11 == 0) {
                        synchronized (out) {
                            out.println("EXPUNGING " + uid);
                        }
                        inbox.expunge(UidSet.of(uid));
                        synchronized (out) {
                            out.println("GONE " + uid);
                        }
                    }
                }
            } catch (RuntimeException e) {
                synchronized (out) {
                    out.println("ERROR " + e);
                }
            }
        };
        for (int t = 0; t < 4; t++) {
            new Thread(work, "appender-" + t).start();
        }
        out.println("READY");
    }
}
