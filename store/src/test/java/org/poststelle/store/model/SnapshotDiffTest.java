package org.poststelle.store.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class SnapshotDiffTest {

    private static MailboxSnapshot snap(TreeMap<Long, long[]> msgs) {
        int n = msgs.size();
        int[] uids = new int[n];
        Flags[] flags = new Flags[n];
        long[] mods = new long[n];
        int i = 0;
        long highest = 0;
        for (var e : msgs.entrySet()) {
            uids[i] = (int) (long) e.getKey();
            flags[i] = Flags.ofSystem((int) e.getValue()[0]);
            mods[i] = e.getValue()[1];
            highest = Math.max(highest, mods[i]);
            i++;
        }
        return new MailboxSnapshot("m", 1, n == 0 ? 1 : uids[n - 1] + 1L, highest, uids, flags, mods);
    }

    @Test
    void reportsExpungesAppendsAndChanges() {
        TreeMap<Long, long[]> old = new TreeMap<>();
        for (long u = 1; u <= 5; u++) {
            old.put(u, new long[] {0, u});
        }
        TreeMap<Long, long[]> now = new TreeMap<>(old);
        now.remove(2L);
        now.remove(5L);
        now.put(3L, new long[] {Flags.SEEN, 9});
        now.put(6L, new long[] {0, 10});
        now.put(7L, new long[] {0, 10});
        MailboxSnapshot a = snap(old);
        MailboxSnapshot b = snap(now);
        SnapshotDiff d = a.diff(b);
        assertThat(d.expunged()).isEqualTo(UidSet.parse("2,5"));
        assertThat(d.appendedFrom()).isEqualTo(3);
        assertThat(d.appendedCount()).isEqualTo(2);
        assertThat(d.changed()).containsExactly(1);
        assertThat(d.hasExpunges()).isTrue();
        assertThat(a.diff(a).isEmpty()).isTrue();
    }

    @Test
    void fromEmptyEverythingIsNew() {
        MailboxSnapshot empty = MailboxSnapshot.empty("m", 1, 1, 0);
        TreeMap<Long, long[]> now = new TreeMap<>();
        now.put(4L, new long[] {0, 1});
        SnapshotDiff d = empty.diff(snap(now));
        assertThat(d.appendedFrom()).isZero();
        assertThat(d.appendedCount()).isEqualTo(1);
        assertThat(d.expunged().isEmpty()).isTrue();
    }

    @Property
    void applyingTheDiffToTheOldViewGivesTheNewOne(@ForAll("ops") List<@IntRange(min = 0, max = 40) Integer> ops) {
        TreeMap<Long, long[]> old = new TreeMap<>();
        long next = 1;
        for (int i = 0; i < 20; i++) {
            old.put(next++, new long[] {0, 1});
        }
        TreeMap<Long, long[]> now = new TreeMap<>();
        old.forEach((k, v) -> now.put(k, v.clone()));
        long mod = 2;
        for (int op : ops) {
            long target = (op % 20) + 1;
            if (op < 10) {
                now.remove(target);
            } else if (op < 30) {
                if (now.containsKey(target)) {
                    now.put(target, new long[] {op % 2 == 0 ? Flags.SEEN : Flags.FLAGGED, mod++});
                }
            } else {
                now.put(next++, new long[] {0, mod++});
            }
        }
        MailboxSnapshot a = snap(old);
        MailboxSnapshot b = snap(now);
        SnapshotDiff d = a.diff(b);
        // replay: drop expunged, take changed entries, add appended ones
        List<Long> replayed = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            if (!d.expunged().contains(a.uid(i))) {
                replayed.add(a.uid(i));
            }
        }
        for (int i = d.appendedFrom(); i < b.size(); i++) {
            replayed.add(b.uid(i));
        }
        assertThat(replayed).containsExactlyElementsOf(Arrays.stream(b.uidSet().toArray()).boxed().toList());
        for (int i = 0; i < d.appendedFrom(); i++) {
            int idx = i;
            boolean reported = Arrays.stream(d.changed()).anyMatch(c -> c == idx);
            long uid = b.uid(i);
            boolean differs = a.indexOf(uid) >= 0 && (a.modSeq(a.indexOf(uid)) != b.modSeq(i)
                    || !a.flags(a.indexOf(uid)).equals(b.flags(i)));
            assertThat(reported).isEqualTo(differs);
        }
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<List<Integer>> ops() {
        return net.jqwik.api.Arbitraries.integers().between(0, 40).list().ofMaxSize(30);
    }
}
