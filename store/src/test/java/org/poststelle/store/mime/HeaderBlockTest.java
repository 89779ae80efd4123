package org.poststelle.store.mime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class HeaderBlockTest {
    private static final byte[] BLOCK = ("Subject : spaced name\r\nno colon line\r\nX-Folded: a\r\n b\r\n\tc\r\n"
            + "FROM: a@b\r\nsubject: =?utf-8?q?Gr=C3=BC=C3=9Fe?=\r\n\r\n").getBytes(StandardCharsets.US_ASCII);

    private static String s(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    @Test
    void fieldsKeepOrderNamesAndContinuations() {
        List<HeaderBlock.Field> fields = HeaderBlock.fields(BLOCK);

        assertThat(fields).extracting(HeaderBlock.Field::name)
                .containsExactly("Subject", "no colon line", "X-Folded", "FROM", "subject");
        assertThat(s(java.util.Arrays.copyOfRange(BLOCK, fields.get(2).offset(),
                fields.get(2).offset() + fields.get(2).length()))).isEqualTo("X-Folded: a\r\n b\r\n\tc\r\n");
        assertThat(HeaderBlock.value(BLOCK, fields.get(2))).isEqualTo("a b\tc");
        assertThat(HeaderBlock.decodedValue(BLOCK, fields.get(4))).isEqualTo("Grüße");
    }

    @Test
    void selectKeepsOriginalLinesAndTheBlankLine() {
        assertThat(s(HeaderBlock.select(BLOCK, List.of("subject", "from"), false)))
                .isEqualTo("Subject : spaced name\r\nFROM: a@b\r\nsubject: =?utf-8?q?Gr=C3=BC=C3=9Fe?=\r\n\r\n");
        assertThat(s(HeaderBlock.select(BLOCK, List.of("SUBJECT"), true)))
                .isEqualTo("no colon line\r\nX-Folded: a\r\n b\r\n\tc\r\nFROM: a@b\r\n\r\n");
        assertThat(s(HeaderBlock.select(BLOCK, List.of("x-none"), false))).isEqualTo("\r\n");
    }

    @Test
    void noBlankLineWhenTheMessageHasNone() {
        byte[] block = "Subject: no sep\r\nFrom: a@b".getBytes(StandardCharsets.US_ASCII);

        assertThat(HeaderBlock.hasBlankLine(block)).isFalse();
        assertThat(s(HeaderBlock.select(block, List.of("from"), false))).isEqualTo("From: a@b");
        assertThat(HeaderBlock.select(block, List.of("x-none"), false)).isEmpty();
    }

    @Test
    void blankLineDetection() {
        assertThat(HeaderBlock.hasBlankLine("\r\n".getBytes(StandardCharsets.US_ASCII))).isTrue();
        assertThat(HeaderBlock.hasBlankLine("a: b\n\n".getBytes(StandardCharsets.US_ASCII))).isTrue();
        assertThat(HeaderBlock.hasBlankLine("a: b\r\n".getBytes(StandardCharsets.US_ASCII))).isFalse();
        assertThat(HeaderBlock.hasBlankLine(new byte[0])).isFalse();
    }

    @Test
    void strayContinuationAtTopIsANamelessField() {
        byte[] block = " stray\r\nA: b\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

        assertThat(HeaderBlock.fields(block)).extracting(HeaderBlock.Field::name).containsExactly("", "A");
        assertThat(s(HeaderBlock.select(block, List.of("a"), true))).isEqualTo(" stray\r\n\r\n");
    }
}
