package org.poststelle.store.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class UidSetTest {

    @Test
    void parsesAndPrintsTheImapForm() {
        UidSet s = UidSet.parse("7,1:5,9:12,6");
        assertThat(s.toString()).isEqualTo("1:7,9:12");
        assertThat(s.size()).isEqualTo(11);
        assertThat(s.rangeCount()).isEqualTo(2);
        assertThat(UidSet.parse("5:3").toString()).isEqualTo("3:5");
        assertThat(UidSet.parse("4294967295").max()).isEqualTo(UidSet.MAX_UID);
    }

    @Test
    void rejectsBadInput() {
        for (String bad : List.of("", "0", "1:*", "a", "1,,2", "4294967296", "-1", "1:2:3")) {
            assertThatThrownBy(() -> UidSet.parse(bad)).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> UidSet.range(0, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UidSet.empty().min()).isInstanceOf(java.util.NoSuchElementException.class);
    }

    @Test
    void aHugeRangeIsCheap() {
        UidSet all = UidSet.range(1, UidSet.MAX_UID);
        assertThat(all.size()).isEqualTo(UidSet.MAX_UID);
        assertThat(all.contains(123_456_789)).isTrue();
        assertThatThrownBy(all::toArray).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void setOperations() {
        UidSet a = UidSet.parse("1:10,20:30");
        UidSet b = UidSet.parse("5:25,40");
        assertThat(a.union(b)).isEqualTo(UidSet.parse("1:30,40"));
        assertThat(a.intersect(b)).isEqualTo(UidSet.parse("5:10,20:25"));
        assertThat(a.minus(b)).isEqualTo(UidSet.parse("1:4,26:30"));
        assertThat(b.minus(a)).isEqualTo(UidSet.parse("11:19,40"));
        assertThat(a.minus(a)).isEqualTo(UidSet.empty());
        assertThat(UidSet.of(3, 1, 2, 2, 9)).isEqualTo(UidSet.parse("1:3,9"));
        assertThat(UidSet.of(new int[] {-1, 1})).isEqualTo(UidSet.parse("1,4294967295"));
    }

    @Test
    void iterationAndArrays() {
        UidSet s = UidSet.parse("1:3,7");
        List<Long> it = new ArrayList<>();
        s.forEach(it::add);
        assertThat(it).containsExactly(1L, 2L, 3L, 7L);
        assertThat(s.toArray()).containsExactly(1, 2, 3, 7);
        assertThat(UidSet.empty().iterator().hasNext()).isFalse();
    }

    @Test
    void builderMergesOutOfOrderInput() {
        UidSet s = new UidSet.Builder().addRange(10, 12).add(1).addRange(2, 3).add(11).add(13).build();
        assertThat(s).isEqualTo(UidSet.parse("1:3,10:13"));
    }

    private static TreeSet<Long> model(List<Long> uids) {
        return new TreeSet<>(uids);
    }

    private static UidSet set(List<Long> uids) {
        return UidSet.of(uids.stream().mapToLong(Long::longValue).toArray());
    }

    @Property
    void behavesLikeASortedSet(@ForAll @Size(max = 60) List<@LongRange(min = 1, max = 80) Long> x,
            @ForAll @Size(max = 60) List<@LongRange(min = 1, max = 80) Long> y) {
        TreeSet<Long> union = model(x);
        union.addAll(y);
        TreeSet<Long> inter = model(x);
        inter.retainAll(y);
        TreeSet<Long> minus = model(x);
        minus.removeAll(y);
        UidSet a = set(x);
        UidSet b = set(y);
        assertThat(a.union(b).toArray()).containsExactly(union.stream().mapToLong(Long::longValue).toArray());
        assertThat(a.intersect(b).toArray()).containsExactly(inter.stream().mapToLong(Long::longValue).toArray());
        assertThat(a.minus(b).toArray()).containsExactly(minus.stream().mapToLong(Long::longValue).toArray());
        assertThat(UidSet.parse(a.isEmpty() ? "1" : a.toString()).equals(a) || a.isEmpty()).isTrue();
        for (long u = 1; u <= 81; u++) {
            assertThat(a.contains(u)).isEqualTo(model(x).contains(u));
        }
    }

    @Property
    void parseNeverThrowsAnythingButIllegalArgument(@ForAll String s) {
        try {
            UidSet.parse(s);
        } catch (IllegalArgumentException e) {
            // the only way to refuse
        }
    }
}
