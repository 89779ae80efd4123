package org.poststelle.imap.fetch.structure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SectionSpecTest {

    @Test
    void buildsAndPrintsLikeTheProtocol() {
        assertThat(SectionSpec.whole().toString()).isEmpty();
        assertThat(SectionSpec.of(SectionSpec.Kind.MIME, 1, 2).toString()).isEqualTo("1.2.MIME");
        assertThat(SectionSpec.fields(true, List.of("From", "To"), 3).toString())
                .isEqualTo("3.HEADER.FIELDS.NOT (From To)");
        assertThat(SectionSpec.of(SectionSpec.Kind.FULL, 4, 1).toString()).isEqualTo("4.1");
    }

    @Test
    void valueSemanticsAndDefensiveCopies() {
        int[] path = {1, 2};
        SectionSpec s = SectionSpec.of(SectionSpec.Kind.TEXT, path);
        path[0] = 9;

        assertThat(s.part()).containsExactly(1, 2);
        assertThat(s).isEqualTo(SectionSpec.of(SectionSpec.Kind.TEXT, 1, 2)).hasSameHashCodeAs(
                SectionSpec.of(SectionSpec.Kind.TEXT, 1, 2));
    }

    @Test
    void rejectsWhatTheGrammarDoesNotAllow() {
        assertThatThrownBy(() -> SectionSpec.of(SectionSpec.Kind.MIME)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SectionSpec.of(SectionSpec.Kind.FULL, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SectionSpec.fields(false, List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SectionSpec(new int[0], SectionSpec.Kind.HEADER, List.of("x")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
