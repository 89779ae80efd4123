package org.poststelle.store.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.poststelle.store.Mailbox;
import org.poststelle.store.StoreException;
import org.poststelle.store.model.MailboxInfo;
import org.poststelle.store.model.MailboxName;
import org.poststelle.store.model.SpecialUse;

/** The mailbox tree: create, delete, rename, subscriptions, special use. */
public abstract class TreeContract extends ContractBase {

    private Map<String, MailboxInfo> listing() {
        return alice.list().stream().collect(Collectors.toMap(i -> i.name().name(), Function.identity()));
    }

    private static void assertReason(Runnable r, StoreException.Reason reason) {
        assertThatThrownBy(r::run).isInstanceOfSatisfying(StoreException.class,
                e -> assertThat(e.reason()).isEqualTo(reason));
    }

    @Test
    void firstLoginHasInboxAndTheSpecialFolders() {
        Map<String, MailboxInfo> l = listing();
        assertThat(l).containsKeys("INBOX", "Drafts", "Sent", "Trash", "Junk", "Archive");
        assertThat(l.get("Sent").specialUse()).containsExactly(SpecialUse.SENT);
        assertThat(l.get("Trash").specialUse()).containsExactly(SpecialUse.TRASH);
        assertThat(l.get("INBOX").selectable()).isTrue();
        assertThat(alice.list().get(0).name()).isEqualTo(MailboxName.INBOX);
    }

    @Test
    void createMakesParentsAndListShowsChildren() {
        alice.create(name("Projects/2024/Q1"), Set.of());
        Map<String, MailboxInfo> l = listing();
        assertThat(l.get("Projects").selectable()).isTrue();
        assertThat(l.get("Projects").hasChildren()).isTrue();
        assertThat(l.get("Projects/2024/Q1").hasChildren()).isFalse();
        assertReason(() -> alice.create(name("Projects/2024"), Set.of()), StoreException.Reason.ALREADY_EXISTS);
        assertReason(() -> alice.create(name("inbox"), Set.of()), StoreException.Reason.ALREADY_EXISTS);
    }

    @Test
    void namesWithUnicodeDotsAndAmpersandsRoundTrip() {
        for (String n : List.of("Entwürfe alt", "Archiv.2024", "R&D", "日本語/子")) {
            alice.create(name(n), Set.of());
            assertThat(listing()).containsKey(n);
            appendTo(alice, name(n), 1);
            assertThat(alice.status(name(n)).messages()).isEqualTo(1);
        }
    }

    @Test
    void deleteRemovesAMailboxAndItsMessages() {
        alice.create(name("Old"), Set.of());
        appendTo(alice, name("Old"), 2);
        alice.delete(name("Old"));
        assertThat(listing()).doesNotContainKey("Old");
        assertReason(() -> alice.open(name("Old"), false), StoreException.Reason.NOT_FOUND);
        alice.create(name("Old"), Set.of());
        assertThat(alice.status(name("Old")).messages()).isZero();
        assertReason(() -> alice.delete(MailboxName.INBOX), StoreException.Reason.NOT_ALLOWED);
        assertReason(() -> alice.delete(name("Never")), StoreException.Reason.NOT_FOUND);
    }

    @Test
    void recreatedMailboxGetsANewUidValidity() {
        alice.create(name("Again"), Set.of());
        long first = alice.status(name("Again")).uidValidity();
        alice.delete(name("Again"));
        alice.create(name("Again"), Set.of());
        assertThat(alice.status(name("Again")).uidValidity()).isNotEqualTo(first);
    }

    @Test
    void deletingAParentLeavesANoselectPlaceholder() {
        alice.create(name("Parent/Child"), Set.of());
        alice.delete(name("Parent"));
        Map<String, MailboxInfo> l = listing();
        assertThat(l.get("Parent").selectable()).isFalse();
        assertThat(l.get("Parent").hasChildren()).isTrue();
        assertThat(l.get("Parent/Child").selectable()).isTrue();
        assertReason(() -> alice.delete(name("Parent")), StoreException.Reason.NOT_ALLOWED);
        alice.delete(name("Parent/Child"));
        assertThat(listing()).doesNotContainKeys("Parent", "Parent/Child");
    }

    @Test
    void renameCarriesChildrenMessagesAndUidValidity() {
        alice.create(name("A/B"), Set.of());
        appendTo(alice, name("A/B"), 2);
        long validity = alice.status(name("A/B")).uidValidity();
        alice.subscribe(name("A/B"), true);
        alice.rename(name("A"), name("Z/Y"));
        Map<String, MailboxInfo> l = listing();
        assertThat(l).doesNotContainKeys("A", "A/B").containsKeys("Z", "Z/Y", "Z/Y/B");
        assertThat(alice.status(name("Z/Y/B")).messages()).isEqualTo(2);
        assertThat(alice.status(name("Z/Y/B")).uidValidity()).isEqualTo(validity);
        assertThat(alice.subscriptions()).contains(name("Z/Y/B"));
        assertReason(() -> alice.rename(name("Z"), name("Sent")), StoreException.Reason.ALREADY_EXISTS);
        assertReason(() -> alice.rename(name("Z"), name("Z/inner")), StoreException.Reason.NOT_ALLOWED);
        assertReason(() -> alice.rename(name("Nothing"), name("Else")), StoreException.Reason.NOT_FOUND);
    }

    @Test
    void renameWhileOpenKeepsTheHandleWorking() {
        alice.create(name("Moving"), Set.of());
        try (Mailbox m = alice.open(name("Moving"), false)) {
            m.append(List.of(newMessage("before")));
            alice.rename(name("Moving"), name("Moved"));
            m.append(List.of(newMessage("after")));
            assertThat(m.snapshot().size()).isEqualTo(2);
        }
        assertThat(alice.status(name("Moved")).messages()).isEqualTo(2);
    }

    @Test
    void renamingInboxMovesItsMessagesAndLeavesItEmpty() {
        alice.create(name("INBOX/Child"), Set.of());
        appendTo(alice, MailboxName.INBOX, 3);
        alice.rename(MailboxName.INBOX, name("Old Inbox"));
        assertThat(alice.status(MailboxName.INBOX).messages()).isZero();
        assertThat(alice.status(name("Old Inbox")).messages()).isEqualTo(3);
        assertThat(listing()).containsKey("INBOX/Child");
        assertThat(appendTo(alice, MailboxName.INBOX, 1)).containsExactly(4);
    }

    @Test
    void subscriptionsMayNameMissingMailboxes() {
        alice.subscribe(name("Ghost"), true);
        alice.subscribe(name("Sent"), true);
        assertThat(alice.subscriptions()).contains(name("Ghost"), name("Sent"));
        assertThat(listing().get("Sent").subscribed()).isTrue();
        alice.subscribe(name("Ghost"), false);
        assertThat(alice.subscriptions()).doesNotContain(name("Ghost"));
    }

    @Test
    void explicitSpecialUseAndInferenceFromWellKnownNames() {
        alice.delete(name("Sent"));
        alice.create(name("Gesendet"), Set.of());
        assertThat(listing().get("Gesendet").specialUse()).containsExactly(SpecialUse.SENT);
        alice.create(name("Outbox copies"), Set.of(SpecialUse.SENT));
        assertThat(listing().get("Outbox copies").specialUse()).containsExactly(SpecialUse.SENT);
        assertThat(listing().get("Gesendet").specialUse()).isEmpty();
    }
}
