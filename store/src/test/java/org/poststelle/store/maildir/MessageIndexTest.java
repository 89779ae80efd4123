package org.poststelle.store.maildir;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MessageIndexTest {

    private static MessageIndex withMessages(int n) {
        MessageIndex x = new MessageIndex();
        for (int i = 1; i <= n; i++) {
            x.add(i, i % 3, 100 + i, 1_600_000_000L + i, 1_700_000_000L, 0, i, "base" + i + ",S=1:2,", i % 5 == 0 ? "Gg" + i : "");
        }
        return x;
    }

    @Test
    void addLookUpAndRemove() {
        MessageIndex x = withMessages(1000);
        assertThat(x.size()).isEqualTo(1000);
        assertThat(x.indexOf(500)).isEqualTo(499);
        assertThat(x.fileName(499)).isEqualTo("base500,S=1:2,");
        assertThat(x.basename(499)).isEqualTo("base500,S=1");
        assertThat(x.extField(499, 'G')).isEqualTo("g500");
        assertThat(x.ext(498)).isEmpty();
        assertThat(x.findBase("base77,S=1")).isEqualTo(76);
        assertThat(x.findBase("nope")).isEqualTo(-1);
        x.removePositions(new int[] {0, 10, 999}, 3);
        assertThat(x.size()).isEqualTo(997);
        assertThat(x.indexOf(1)).isEqualTo(-1);
        assertThat(x.uid(0)).isEqualTo(2);
        assertThat(x.findBase("base12,S=1")).isEqualTo(x.indexOf(12));
        assertThat(x.totalSize()).isEqualTo(sum(1000) - 101 - 111 - 1100);
    }

    private static long sum(int n) {
        long s = 0;
        for (int i = 1; i <= n; i++) {
            s += 100 + i;
        }
        return s;
    }

    @Test
    void renamesKeepTheBaseAndThePoolIsCompacted() {
        MessageIndex x = withMessages(20_000);
        for (int round = 0; round < 5; round++) {
            for (int i = 0; i < x.size(); i++) {
                x.setFileName(i, "base" + x.uid(i) + ",S=1:2,S" + "x".repeat(round));
            }
        }
        assertThat(x.fileName(123)).isEqualTo("base124,S=1:2,Sxxxx");
        assertThat(x.findBase("base124,S=1")).isEqualTo(123);
        assertThat(x.residentBytes()).isLessThan(20_000L * 150);
    }

    @Test
    void outOfOrderUidsAreInsertedInOrder() {
        MessageIndex x = new MessageIndex();
        x.add(5, 0, 1, 0, 0, 0, 1, "e", "");
        x.add(2, 0, 1, 0, 0, 0, 1, "b", "");
        x.add(9, 0, 1, 0, 0, 0, 1, "i", "");
        assertThat(x.uid(0)).isEqualTo(2);
        assertThat(x.uid(1)).isEqualTo(5);
        assertThat(x.fileName(1)).isEqualTo("e");
        assertThat(x.findBase("b")).isZero();
    }

    @Test
    void survivesTheIndexFileRoundTrip(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        MessageIndex x = withMessages(3000);
        x.removePositions(new int[] {5}, 1);
        IndexFile.Header h = new IndexFile.Header();
        h.uidValidity = 42;
        h.uidNext = 3001;
        h.highestModSeq = 3000;
        h.guid = "abc";
        ExpungeHistory history = new ExpungeHistory(10, 0);
        history.add(3000, 6);
        IndexFile.write(dir, h, x, history, new Fsync(false));
        IndexFile.Loaded l = IndexFile.read(dir);
        assertThat(l).isNotNull();
        assertThat(l.index().size()).isEqualTo(2999);
        assertThat(l.index().fileName(2998)).isEqualTo(x.fileName(2998));
        assertThat(l.index().extField(4, 'G')).isEqualTo("g5");
        assertThat(l.index().totalSize()).isEqualTo(x.totalSize());
        assertThat(l.header().guid).isEqualTo("abc");
        assertThat(l.history().since(2999)).isEqualTo(org.poststelle.store.model.UidSet.of(6));
        assertThat(IndexFile.usage(dir)).containsExactly(2999, x.totalSize(), 0);
    }
}
