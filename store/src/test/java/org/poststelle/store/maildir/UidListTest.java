package org.poststelle.store.maildir;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UidListTest {
    @TempDir
    Path dir;

    @Test
    void readsVersion3WithExtensions() throws Exception {
        Files.writeString(dir.resolve(UidList.FILE), """
                3 V1275660208 N25022 G3085f01b7f11094c501100008c4a11c1 X9
                1 :1.M1P1.h,S=3,W=4
                7 W40 S38 Gabc P0001 O3 :2.M2P2.h:2,S
                9 broken line
                10 :3.M3.h
                """);
        UidList.Contents c = UidList.read(dir);
        assertThat(c.valid).isTrue();
        assertThat(c.uidValidity).isEqualTo(1275660208L);
        assertThat(c.nextUid).isEqualTo(25022);
        assertThat(c.guid).isEqualTo("3085f01b7f11094c501100008c4a11c1");
        assertThat(c.otherHeader).isEqualTo("X9");
        // Dovecot stops at the first broken line
        assertThat(c.entries).containsExactly(new UidList.Entry(1, "", "1.M1P1.h,S=3,W=4"),
                new UidList.Entry(7, "W40 S38 Gabc P0001 O3", "2.M2P2.h"));
    }

    @Test
    void readsOnlyCompleteLinesAndTheTailFromAnOffset() throws Exception {
        String head = "3 V1 N5 Gx\n1 :a\n";
        Files.writeString(dir.resolve(UidList.FILE), head + "2 :b\n3 :partial");
        UidList.Contents c = UidList.read(dir);
        assertThat(c.entries).hasSize(2);
        assertThat(c.endOffset).isEqualTo(head.length() + 5);
        UidList.Contents tail = UidList.read(dir, head.length());
        assertThat(tail.entries).containsExactly(new UidList.Entry(2, "", "b"));
    }

    @Test
    void brokenHeadersAreInvalid() throws Exception {
        for (String bad : new String[] {"", "x", "3 N5", "3 V0 N1", "2 V1 N1", "3 V1 N-1"}) {
            Files.writeString(dir.resolve(UidList.FILE), bad + "\n1 :a\n");
            assertThat(UidList.read(dir).valid).as(bad).isFalse();
        }
    }

    @Test
    void appendAndRewriteKeepTheFormat() throws Exception {
        Fsync fsync = new Fsync(false);
        UidList.rewrite(dir, UidList.header(5, 1, "g", "") + UidList.line(1, "Gx", "a"), fsync);
        UidList.append(dir, UidList.line(2, "", "b"), fsync);
        assertThat(Files.readString(dir.resolve(UidList.FILE))).isEqualTo("3 V5 N1 Gg\n1 Gx :a\n2 :b\n");
        assertThat(UidList.read(dir).entries).hasSize(2);
    }

    @Property(tries = 300)
    void garbageNeverThrows(@ForAll String content) throws Exception {
        Path d = Files.createTempDirectory("uidlist");
        try {
            Files.write(d.resolve(UidList.FILE), content.getBytes(StandardCharsets.UTF_8));
            UidList.Contents c = UidList.read(d);
            assertThat(c).isNotNull();
        } finally {
            Files.deleteIfExists(d.resolve(UidList.FILE));
            Files.delete(d);
        }
    }
}
