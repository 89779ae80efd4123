package org.poststelle.store.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MailboxSnapshotTest {
    static MailboxSnapshot snap(long highest, int[] uids, long... modSeqs) {
        Flags[] f = new Flags[uids.length];
        java.util.Arrays.fill(f, Flags.NONE);
        return new MailboxSnapshot("id", 7, uids.length == 0 ? 1 : (uids[uids.length - 1] & 0xFFFF_FFFFL) + 1,
                highest, uids, f, modSeqs.length == 0 ? new long[uids.length] : modSeqs);
    }

    @Test
    void lookups() {
        MailboxSnapshot s = snap(9, new int[] {2, 5, 9, -1});
        assertThat(s.size()).isEqualTo(4);
        assertThat(s.uid(3)).isEqualTo(UidSet.MAX_UID);
        assertThat(s.indexOf(5)).isEqualTo(1);
        assertThat(s.indexOf(6)).isEqualTo(-1);
        assertThat(s.ceilingIndex(6)).isEqualTo(2);
        assertThat(s.ceilingIndex(1)).isZero();
        assertThat(s.ceilingIndex(UidSet.MAX_UID + 1)).isEqualTo(4);
        assertThat(s.maxUid()).isEqualTo(UidSet.MAX_UID);
        assertThat(s.uidSet()).isEqualTo(UidSet.parse("2,5,9,4294967295"));
        assertThat(s.existing(UidSet.parse("1:5,8:100"))).isEqualTo(UidSet.parse("2,5,9"));
        assertThat(MailboxSnapshot.empty("x", 1, 1, 1).maxUid()).isZero();
    }

    @Test
    void ownChangesAreAppliedWithoutTouchingTheOriginal() {
        MailboxSnapshot s = snap(3, new int[] {1, 2, 3}, 1, 2, 3);
        MailboxSnapshot f = s.withFlags(new long[] {2, 99}, new Flags[] {Flags.ofSystem(Flags.SEEN), Flags.NONE},
                new long[] {10, 11}, 10);
        assertThat(f.flags(1).has(Flags.SEEN)).isTrue();
        assertThat(f.modSeq(1)).isEqualTo(10);
        assertThat(f.highestModSeq()).isEqualTo(10);
        assertThat(s.flags(1).has(Flags.SEEN)).isFalse();
        MailboxSnapshot w = s.without(UidSet.parse("1,3"), 12);
        assertThat(w.uidSet()).isEqualTo(UidSet.of(2));
        assertThat(w.highestModSeq()).isEqualTo(12);
        assertThat(s.size()).isEqualTo(3);
    }

    @Test
    void parallelArraysMustMatch() {
        assertThatThrownBy(() -> new MailboxSnapshot("x", 1, 1, 1, new int[2], new Flags[1], new long[2]))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
