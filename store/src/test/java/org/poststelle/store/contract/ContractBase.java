package org.poststelle.store.contract;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.poststelle.core.auth.Account;
import org.poststelle.core.auth.AccountPolicy;
import org.poststelle.store.MailStore;
import org.poststelle.store.Mailbox;
import org.poststelle.store.UserMailboxes;
import org.poststelle.store.model.Flags;
import org.poststelle.store.model.MailboxName;
import org.poststelle.store.model.NewMessage;

/**
 * What every store contract test needs: a fresh store per test over a real temporary directory, an account,
 * and small helpers. A backend's test extends a contract and says how to open its store.
 */
public abstract class ContractBase {
    @TempDir
    protected Path dataDir;
    protected MailStore store;
    protected UserMailboxes alice;

    /** Opens the backend under test on a data directory. */
    protected abstract MailStore openStore(Path dataDir);

    @BeforeEach
    void openStoreForTest() {
        store = openStore(dataDir);
        alice = store.forAccount(account("alice", AccountPolicy.DEFAULT));
    }

    @AfterEach
    void closeStoreAfterTest() {
        store.close();
    }

    protected static Account account(String local, AccountPolicy policy) {
        return new Account(local + "@example.org", local, "example.org", Optional.empty(), policy);
    }

    protected static MailboxName name(String n) {
        return MailboxName.of(n);
    }

    protected static byte[] message(String subject, String body) {
        return ("From: sender@example.org\r\nTo: alice@example.org\r\nSubject: " + subject + "\r\n\r\n" + body
                + "\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    protected static NewMessage newMessage(String subject) {
        return NewMessage.of(message(subject, "body of " + subject), Flags.NONE, null);
    }

    protected static NewMessage newMessage(byte[] bytes, Flags flags, Instant internalDate) {
        return NewMessage.of(bytes, flags, internalDate);
    }

    /** Appends messages to a mailbox through a short-lived handle; returns their UIDs. */
    protected long[] appendTo(UserMailboxes user, MailboxName mailbox, int count) {
        try (Mailbox m = user.open(mailbox, false)) {
            NewMessage[] msgs = new NewMessage[count];
            for (int i = 0; i < count; i++) {
                msgs[i] = newMessage("message " + i);
            }
            return m.append(List.of(msgs)).uids();
        }
    }

    protected static String read(org.poststelle.store.MessageContent c) throws java.io.IOException {
        try (var in = c.open()) {
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
