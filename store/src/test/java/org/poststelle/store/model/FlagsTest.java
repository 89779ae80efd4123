package org.poststelle.store.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FlagsTest {

    @Test
    void parsesSystemFlagsAndKeywordsAndDropsRecent() {
        Flags f = Flags.parse(List.of("\\SEEN", "\\Recent", "$Label1", "\\flagged", "Junk"));
        assertThat(f.systemBits()).isEqualTo(Flags.SEEN | Flags.FLAGGED);
        assertThat(f.keywords()).containsExactly("$Label1", "Junk");
        assertThat(f.names()).containsExactly("\\Seen", "\\Flagged", "$Label1", "Junk");
        assertThat(f.toString()).isEqualTo("\\Seen \\Flagged $Label1 Junk");
    }

    @Test
    void keywordsAreCaseInsensitiveSetsKeepingTheFirstSpelling() {
        Flags f = Flags.parse(List.of("$Work", "$WORK", "$work"));
        assertThat(f.keywords()).containsExactly("$Work");
        assertThat(f.hasKeyword("$wOrK")).isTrue();
        assertThat(f).isEqualTo(Flags.parse(List.of("$work")));
        assertThat(f.hashCode()).isEqualTo(Flags.parse(List.of("$WORK")).hashCode());
    }

    @Test
    void addRemoveWith() {
        Flags a = Flags.parse(List.of("\\Seen", "$A"));
        Flags b = Flags.parse(List.of("\\Deleted", "$b"));
        Flags both = a.add(b);
        assertThat(both).isEqualTo(Flags.parse(List.of("\\Seen", "\\Deleted", "$A", "$B")));
        assertThat(both.remove(a)).isEqualTo(b);
        assertThat(both.remove(Flags.ofSystem(Flags.ALL_SYSTEM)).keywords()).containsExactly("$A", "$b");
        assertThat(a.add(Flags.NONE)).isSameAs(a);
        assertThat(a.with(Flags.SEEN, false).has(Flags.SEEN)).isFalse();
        assertThat(Flags.NONE.isEmpty()).isTrue();
        assertThat(Flags.ofSystem(0)).isSameAs(Flags.NONE);
        assertThat(Flags.systemBit("\\Draft")).isEqualTo(Flags.DRAFT);
        assertThat(Flags.systemBit("\\Recent")).isZero();
    }

    @Test
    void systemBitsOutsideTheFiveAreIgnored() {
        assertThat(Flags.ofSystem(0xFF).systemBits()).isEqualTo(Flags.ALL_SYSTEM);
    }
}
