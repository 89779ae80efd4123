package org.poststelle.imap.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ModifiedUtf7Test {

    @ParameterizedTest
    @CsvSource({"INBOX,INBOX", "Entwürfe,Entw&APw-rfe", "a&b,a&-b", "日本語,&ZeVnLIqe-",
        "'~peter/mail/台北/日本語','~peter/mail/&U,BTFw-/&ZeVnLIqe-'", "Papierkorb,Papierkorb"})
    void knownEncodings(String plain, String encoded) {
        assertThat(ModifiedUtf7.encode(plain)).isEqualTo(encoded);
        assertThat(ModifiedUtf7.decode(encoded)).isEqualTo(plain);
    }

    @ParameterizedTest
    @ValueSource(strings = {"&", "&AGE-", "&Jjo", "&ZeVnLIqe", "&=-", "a\u00e9"})
    void invalid(String s) {
        assertThatThrownBy(() -> ModifiedUtf7.decode(s)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void emojiSurrogates() {
        String s = "Mail 📬";
        assertThat(ModifiedUtf7.decode(ModifiedUtf7.encode(s))).isEqualTo(s);
    }

    @Property
    void roundTrip(@ForAll String s) {
        // lone surrogates cannot be UTF-16 encoded faithfully; everything else must round-trip
        if (s.codePoints().anyMatch(c -> c >= 0xD800 && c <= 0xDFFF)) {
            return;
        }
        assertThat(ModifiedUtf7.decode(ModifiedUtf7.encode(s))).isEqualTo(s);
    }
}
