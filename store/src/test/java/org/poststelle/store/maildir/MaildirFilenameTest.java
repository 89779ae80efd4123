package org.poststelle.store.maildir;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.poststelle.store.model.Flags;

class MaildirFilenameTest {
    private static final int A = 1 << MaildirFilename.KEYWORD_SHIFT;
    private static final int C = 1 << (MaildirFilename.KEYWORD_SHIFT + 2);

    @Test
    void flagsFromNames() {
        assertThat(MaildirFilename.flagBits("1.M1P1.h,S=3:2,DFRST")).isEqualTo(Flags.ALL_SYSTEM);
        assertThat(MaildirFilename.flagBits("1.M1P1.h:2,Sac")).isEqualTo(Flags.SEEN | A | C);
        assertThat(MaildirFilename.flagBits("1.M1P1.h")).isZero();
        assertThat(MaildirFilename.flagBits("1.M1P1.h:1,S")).isZero();
        assertThat(MaildirFilename.basename("1.M1P1.h,S=3,W=4:2,S")).isEqualTo("1.M1P1.h,S=3,W=4");
    }

    @Test
    void namesFromFlagsAreSortedAndKeepUnknownLetters() {
        assertThat(MaildirFilename.curName("b", Flags.SEEN | Flags.DRAFT | C | A)).isEqualTo("b:2,DSac");
        assertThat(MaildirFilename.withFlags("b:2,PS", Flags.FLAGGED)).isEqualTo("b:2,FP");
        assertThat(MaildirFilename.withFlags("b", Flags.SEEN)).isEqualTo("b:2,S");
        assertThat(MaildirFilename.withFlags("b:2,S", 0)).isEqualTo("b:2,");
    }

    @Test
    void sizeFields() {
        assertThat(MaildirFilename.sizeField("1.M1P1.h,S=3734,W=3800", 'S')).isEqualTo(3734);
        assertThat(MaildirFilename.sizeField("1.M1P1.h,S=3734,W=3800", 'W')).isEqualTo(3800);
        assertThat(MaildirFilename.sizeField("1.M1P1.h,S=37x", 'S')).isEqualTo(-1);
        assertThat(MaildirFilename.sizeField("1.M1P1.host", 'S')).isEqualTo(-1);
    }

    @Test
    void newNamesAreUniqueAndCarryTheSizes() {
        String a = MaildirFilename.newBase(10, 12);
        String b = MaildirFilename.newBase(10, 12);
        assertThat(a).isNotEqualTo(b).endsWith(",S=10,W=12").doesNotContain(":").doesNotContain("/");
        assertThat(MaildirFilename.isMessageName(a)).isTrue();
        assertThat(MaildirFilename.isMessageName(".hidden")).isFalse();
        assertThat(MaildirFilename.isMessageName("a\nb")).isFalse();
    }

    @Test
    void naturalOrderFollowsDelivery() {
        java.util.List<String> names = new java.util.ArrayList<>(java.util.List.of("17.M10P1.h", "17.M9P1.h",
                "18.M1P1.h", "17.M009P2.h", "17.M9P1.g"));
        names.sort(MaildirFilename::compareNatural);
        assertThat(names).containsExactly("17.M9P1.g", "17.M9P1.h", "17.M009P2.h", "17.M10P1.h", "18.M1P1.h");
    }
}
