package org.poststelle.store.model;

import java.util.Set;

/**
 * One entry of an account's mailbox tree.
 *
 * @param name the mailbox
 * @param selectable false for a \Noselect placeholder (a parent that exists only because of its children)
 * @param hasChildren whether any mailbox lies below this one
 * @param specialUse special-use attributes (explicit, or inferred from a well-known name when no other
 *        mailbox has that attribute)
 * @param subscribed whether the mailbox is in the subscription list
 */
public record MailboxInfo(MailboxName name, boolean selectable, boolean hasChildren, Set<SpecialUse> specialUse,
        boolean subscribed) {
    public MailboxInfo {
        specialUse = Set.copyOf(specialUse);
    }
}
