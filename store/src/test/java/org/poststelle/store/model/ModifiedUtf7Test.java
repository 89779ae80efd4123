package org.poststelle.store.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.poststelle.store.StoreException;

/** The one modified UTF-7 codec: the wire form (strict) and the Maildir++ disk form (also encodes '.'). */
class ModifiedUtf7Test {

    @ParameterizedTest
    @CsvSource({"INBOX,INBOX", "Entwürfe,Entw&APw-rfe", "a&b,a&-b", "R&D,R&-D", "日本語,&ZeVnLIqe-",
        "'~peter/mail/台北/日本語','~peter/mail/&U,BTFw-/&ZeVnLIqe-'", "Papierkorb,Papierkorb"})
    void knownEncodings(String plain, String encoded) {
        assertThat(ModifiedUtf7.encode(plain)).isEqualTo(encoded);
        assertThat(ModifiedUtf7.decode(encoded)).isEqualTo(plain);
        assertThat(ModifiedUtf7.decodeStored(encoded)).isEqualTo(plain);
    }

    @Test
    void theDiskFormAlsoEncodesTheMaildirSeparator() {
        assertThat(ModifiedUtf7.encode("Archiv.2024", ".")).isEqualTo("Archiv&AC4-2024");
        assertThat(ModifiedUtf7.decodeStored("Archiv&AC4-2024")).isEqualTo("Archiv.2024");
        // from a client, an encoded printable character is a second spelling of a name: refused
        assertThatThrownBy(() -> ModifiedUtf7.decode("Archiv&AC4-2024")).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"&", "&AAA", "&A-", "&Jjo", "&ZeVnLIqe", "&=-", "&!!-", "a\u00e9", "&2D3-"})
    void brokenInputIsRefusedBothWays(String bad) {
        assertThatThrownBy(() -> ModifiedUtf7.decode(bad)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ModifiedUtf7.decodeStored(bad)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void emojiSurrogates() {
        String s = "Mail 📬";
        assertThat(ModifiedUtf7.decode(ModifiedUtf7.encode(s))).isEqualTo(s);
    }

    @Property
    void wireFormRoundTrips(@ForAll String s) {
        // lone surrogates cannot be UTF-16 encoded faithfully; everything else must round-trip
        if (s.codePoints().anyMatch(c -> c >= 0xD800 && c <= 0xDFFF)) {
            return;
        }
        assertThat(ModifiedUtf7.decode(ModifiedUtf7.encode(s))).isEqualTo(s);
    }

    @Property
    void diskFormRoundTripsEveryValidName(@ForAll String s) {
        String encoded = ModifiedUtf7.encode(s, ".");
        assertThat(encoded.chars().allMatch(c -> c >= 0x20 && c <= 0x7e)).isTrue();
        assertThat(encoded).doesNotContain(".");
        try {
            MailboxName.of(s);
        } catch (StoreException e) {
            return; // not a name a client can store; unpaired surrogates need not round-trip
        }
        assertThat(ModifiedUtf7.decodeStored(encoded)).isEqualTo(s);
    }

    @Property
    void decodingArbitraryInputOnlyEverRefusesCleanly(@ForAll String s) {
        for (boolean stored : new boolean[] {false, true}) {
            try {
                String ignored = stored ? ModifiedUtf7.decodeStored(s) : ModifiedUtf7.decode(s);
            } catch (IllegalArgumentException e) {
                // refused
            }
        }
    }
}
