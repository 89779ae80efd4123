package org.poststelle.imap.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The text rules of PREVIEW (RFC 8970); which part is chosen is tested through the protocol. */
class PreviewTextTest {

    @Test
    void whiteSpaceAndControlsCollapseAndTheEndsAreTrimmed() {
        assertThat(PreviewText.shorten("  a\r\n\tb \u00a0 c\u0007d  ")).isEqualTo("a b c d");
        assertThat(PreviewText.shorten(" \r\n ")).isEmpty();
    }

    @Test
    void atMost256CharactersNeverEndingInASpaceOrHalfACharacter() {
        assertThat(PreviewText.shorten("x".repeat(300))).hasSize(256);
        assertThat(PreviewText.shorten("x".repeat(255) + " y")).isEqualTo("x".repeat(255));
        String emoji = "\uD83D\uDE00"; // one character, two chars in Java
        String cut = PreviewText.shorten(emoji.repeat(300));
        assertThat(cut.codePointCount(0, cut.length())).isEqualTo(256);
        assertThat(Character.isHighSurrogate(cut.charAt(cut.length() - 1))).isFalse();
    }

    @Test
    void htmlLosesMarkupHeadScriptsStylesAndComments() {
        String html = "<html><head><title>T</title><style>p{}</style></head><body><script>x()</script>"
                + "<!-- no --><p>A&lt;B &amp; C&#x21;&#63;</p><br/>D &unknown; <B>E</B>.<td>F</td><td>G<broken";
        assertThat(PreviewText.shorten(PreviewText.stripHtml(html))).isEqualTo("A<B & C!? D &unknown; E. F G");
    }
}
