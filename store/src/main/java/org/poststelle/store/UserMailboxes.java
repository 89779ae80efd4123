package org.poststelle.store;

import java.util.List;
import java.util.Set;
import org.poststelle.store.model.MailboxInfo;
import org.poststelle.store.model.MailboxName;
import org.poststelle.store.model.MailboxStatus;
import org.poststelle.store.model.QuotaUsage;
import org.poststelle.store.model.SpecialUse;

/**
 * One account's mailbox tree. Every method can throw {@link StoreException}. Names use {@code /} as the
 * hierarchy delimiter; INBOX always exists.
 */
public interface UserMailboxes {

    /** Every mailbox of the account, with placeholders for parents that exist only through children. */
    List<MailboxInfo> list();

    /** Subscribed names; may include names that do not exist (LSUB shows them). */
    Set<MailboxName> subscriptions();

    void subscribe(MailboxName name, boolean subscribed);

    /** Counts from the index; no message file is opened. */
    MailboxStatus status(MailboxName name);

    /** Creates a mailbox and any missing parents. */
    void create(MailboxName name, Set<SpecialUse> specialUse);

    /** Deletes a mailbox and its messages; a mailbox with children becomes a \Noselect placeholder (RFC 3501). */
    void delete(MailboxName name);

    /**
     * Renames a mailbox with its children. Renaming INBOX moves its messages to the new mailbox and leaves
     * INBOX empty (RFC 3501 section 6.3.5).
     */
    void rename(MailboxName from, MailboxName to);

    /**
     * Opens a mailbox for a session. The caller closes it when the session deselects or ends.
     *
     * @param readOnly EXAMINE: nothing in this handle changes the mailbox (not even \Seen or \Recent)
     */
    Mailbox open(MailboxName name, boolean readOnly);

    /** Usage and limits of the account's quota. */
    QuotaUsage quota();
}
