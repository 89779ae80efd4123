package org.poststelle.imap.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SequenceSetTest {

    @Test
    void rangesWithStar() throws Exception {
        SequenceSet s = SequenceSet.parse("1:*,7,12:9");
        assertThat(s.rangeCount()).isEqualTo(3);
        assertThat(s.low(0, 50)).isEqualTo(1);
        assertThat(s.high(0, 50)).isEqualTo(50);
        assertThat(s.low(2, 50)).isEqualTo(9);
        assertThat(s.high(2, 50)).isEqualTo(12);
        assertThat(s.toString()).isEqualTo("1:*,7,12:9");
    }

    @Test
    void starBelowTheOtherEnd() throws Exception {
        SequenceSet s = SequenceSet.parse("5:*");
        assertThat(s.low(0, 3)).isEqualTo(3);
        assertThat(s.high(0, 3)).isEqualTo(5);
    }

    @Test
    void savedResult() throws Exception {
        assertThat(SequenceSet.parse("$").isSaved()).isTrue();
    }

    @Test
    void exceeds() throws Exception {
        assertThat(SequenceSet.parse("1:*").exceeds(1)).isFalse();
        assertThat(SequenceSet.parse("1:*").exceeds(0)).as("an empty mailbox has no message 1").isTrue();
        assertThat(SequenceSet.parse("1:4").exceeds(3)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0", "1:", ":2", "1,,2", "a", "1:2:3", "4294967296", "01", "*:", "1 2", "-1"})
    void invalid(String s) {
        assertThatThrownBy(() -> SequenceSet.parse(s)).isInstanceOf(BadCommandException.class);
    }
}
