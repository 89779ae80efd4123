package org.poststelle.store.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.poststelle.store.StoreException;

class MailboxNameTest {

    @Test
    void inboxIsCaseInsensitiveAndCanonical() {
        assertThat(MailboxName.of("inbox")).isEqualTo(MailboxName.INBOX);
        assertThat(MailboxName.of("InBoX/Sub").name()).isEqualTo("INBOX/Sub");
        assertThat(MailboxName.of("Sub/inbox").name()).isEqualTo("Sub/inbox");
        assertThat(MailboxName.of("INBOX").isInbox()).isTrue();
    }

    @Test
    void hierarchy() {
        MailboxName n = MailboxName.of("a/b/c");
        assertThat(n.parts()).containsExactly("a", "b", "c");
        assertThat(n.parent()).isEqualTo(MailboxName.of("a/b"));
        assertThat(n.ancestors()).containsExactly(MailboxName.of("a"), MailboxName.of("a/b"));
        assertThat(n.leaf()).isEqualTo("c");
        assertThat(n.isDescendantOf(MailboxName.of("a"))).isTrue();
        assertThat(MailboxName.of("ab").isDescendantOf(MailboxName.of("a"))).isFalse();
        assertThat(MailboxName.of("a").child("x")).isEqualTo(MailboxName.of("a/x"));
        assertThat(MailboxName.of("a").parent()).isNull();
    }

    @Test
    void unsafeNamesAreRefused() {
        for (String bad : List.of("", "/", "/a", "a/", "a//b", ".", "..", "a/../b", ".a", "a/.b", "a..b", "a\u0000b",
                "a\nb", "a\\b", "a\u0085b", "x".repeat(MailboxName.MAX_LENGTH + 1), "y".repeat(201),
                "a/".repeat(40) + "a", "bad\ud800half", "\udc00lone")) {
            assertThatThrownBy(() -> MailboxName.of(bad)).as(bad).isInstanceOfSatisfying(StoreException.class,
                    e -> assertThat(e.reason()).isEqualTo(StoreException.Reason.INVALID_NAME));
        }
    }

    @Test
    void ordinaryNamesPass() {
        for (String ok : List.of("Sent Items", "Archiv.2024", "R&D", "日本語", "emoji \ud83d\udce7", "a/b c/d",
                "Entwürfe")) {
            assertThat(MailboxName.of(ok).name()).isEqualTo(ok);
        }
    }

    @Property
    void ofEitherRefusesWithInvalidNameOrGivesANameThatValidatesAgain(@ForAll String raw) {
        MailboxName n;
        try {
            n = MailboxName.of(raw);
        } catch (StoreException e) {
            assertThat(e.reason()).isEqualTo(StoreException.Reason.INVALID_NAME);
            return;
        }
        assertThat(MailboxName.of(n.name())).isEqualTo(n);
        assertThat(n.name()).doesNotContain("..").doesNotStartWith("/").doesNotEndWith("/");
    }
}
