package org.poststelle.pop3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class UidlFormatTest {

    @Test
    void defaultIsDovecotsHexUidThenUidValidity() {
        // what Dovecot 2.3 answers for UID 1 in a mailbox with UIDVALIDITY 1795704125 (0x6b08453d)
        assertThat(UidlFormat.defaultFormat().format(1, 1795704125L, null)).isEqualTo("000000016b08453d");
        assertThat(UidlFormat.defaultFormat().format(0xFFFFFFFFL, 0xFFFFFFFFL, null)).isEqualTo("ffffffffffffffff");
    }

    @Test
    void widthsCaseAndLiterals() {
        assertThat(UidlFormat.parse("%08XUu%08XUv").format(10, 1795704125L, null)).isEqualTo("0000000A6B08453D");
        assertThat(UidlFormat.parse("%v.%u").format(42, 1700000000L, null)).isEqualTo("1700000000.42");
        assertThat(UidlFormat.parse("%{uidvalidity}-%{uid}").format(42, 7, null)).isEqualTo("7-42");
        assertThat(UidlFormat.parse("%3v").format(1, 1700000000L, null)).isEqualTo("170");
        assertThat(UidlFormat.parse("100%%-%u").format(5, 1, null)).isEqualTo("100%-5");
    }

    @Test
    void emailIdVariables() {
        UidlFormat g = UidlFormat.parse("%g");
        assertThat(g.usesEmailId()).isTrue();
        assertThat(g.format(1, 2, "a1b2c3")).isEqualTo("a1b2c3");
        assertThat(UidlFormat.parse("%m").format(1, 2, "Mabc")).isEqualTo("Mabc");
        assertThat(UidlFormat.parse("%Lm").format(1, 2, "Mabc")).isEqualTo("mabc");
        // no emailId: the default format keeps the unique-id valid
        assertThat(g.format(1, 1795704125L, null)).isEqualTo("000000016b08453d");
        assertThat(UidlFormat.defaultFormat().usesEmailId()).isFalse();
    }

    @Test
    void invalidResultsFallBackToTheDefault() {
        assertThat(UidlFormat.parse("a b %u").format(1, 1795704125L, null)).isEqualTo("000000016b08453d");
        assertThat(UidlFormat.isValidUniqueId("x".repeat(70))).isTrue();
        assertThat(UidlFormat.isValidUniqueId("x".repeat(71))).isFalse();
        assertThat(UidlFormat.isValidUniqueId("")).isFalse();
    }

    @Test
    void unknownVariablesAreRejected() {
        assertThatThrownBy(() -> UidlFormat.parse("%f")).hasMessageContaining("%f");
        assertThatThrownBy(() -> UidlFormat.parse("%{md5}")).hasMessageContaining("md5");
        assertThatThrownBy(() -> UidlFormat.parse("%08")).hasMessageContaining("ends inside");
        assertThatThrownBy(() -> UidlFormat.parse("")).isInstanceOf(IllegalArgumentException.class);
    }
}
