package org.poststelle.store.maildir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.poststelle.store.model.MailboxName;

class ModifiedUtf7Test {

    @Test
    void knownEncodings() {
        assertThat(ModifiedUtf7.encode("Entwürfe", "")).isEqualTo("Entw&APw-rfe");
        assertThat(ModifiedUtf7.encode("R&D", "")).isEqualTo("R&-D");
        assertThat(ModifiedUtf7.encode("~peter/mail/台北/日本語", "")).isEqualTo("~peter/mail/&U,BTFw-/&ZeVnLIqe-");
        assertThat(ModifiedUtf7.encode("Archiv.2024", ".")).isEqualTo("Archiv&AC4-2024");
        assertThat(ModifiedUtf7.decode("Entw&APw-rfe")).isEqualTo("Entwürfe");
        assertThat(ModifiedUtf7.decode("&U,BTFw-")).isEqualTo("台北");
        assertThat(ModifiedUtf7.decode("Archiv&AC4-2024")).isEqualTo("Archiv.2024");
    }

    @Test
    void brokenInputIsRefused() {
        for (String bad : new String[] {"&", "&AAA", "&A-", "&ZeVnLIqe", "&!!-", "bad\u00e9", "&2D3-"}) {
            assertThatThrownBy(() -> ModifiedUtf7.decode(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Property
    void roundTripsEveryValidName(@ForAll String s) {
        String encoded = ModifiedUtf7.encode(s, ".");
        assertThat(encoded.chars().allMatch(c -> c >= 0x20 && c <= 0x7e)).isTrue();
        assertThat(encoded).doesNotContain(".");
        try {
            MailboxName.of(s);
        } catch (org.poststelle.store.StoreException e) {
            return; // not a name a client can store; unpaired surrogates need not round-trip
        }
        assertThat(ModifiedUtf7.decode(encoded)).isEqualTo(s);
    }

    @Property
    void decodingArbitraryInputOnlyEverRefusesCleanly(@ForAll String s) {
        try {
            ModifiedUtf7.decode(s);
        } catch (IllegalArgumentException e) {
            // refused
        }
    }
}
