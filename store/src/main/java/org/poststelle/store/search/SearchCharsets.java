package org.poststelle.store.search;

import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The CHARSET argument of SEARCH, SORT and THREAD. Search strings are matched as Unicode text, so the only
 * question is how to decode the client's bytes: US-ASCII and UTF-8 (which IMAP4rev1 and IMAP4rev2 require) are
 * both decoded as UTF-8; any other charset is refused with {@link BadCharsetException}.
 */
public final class SearchCharsets {
    /** The charsets accepted, in the order BADCHARSET lists them. */
    public static final List<String> SUPPORTED = List.of("UTF-8", "US-ASCII");

    private SearchCharsets() {
    }

    /**
     * Checks a CHARSET argument; {@code null} (no CHARSET given) is accepted.
     *
     * @throws BadCharsetException for anything but UTF-8 and US-ASCII (case-insensitive)
     */
    public static void check(String charset) {
        if (charset != null && !charset.equalsIgnoreCase("UTF-8") && !charset.equalsIgnoreCase("US-ASCII")) {
            throw new BadCharsetException(charset);
        }
    }

    /**
     * Decodes a search string sent with {@code charset}; malformed bytes become U+FFFD, which then match only
     * themselves.
     *
     * @throws BadCharsetException for an unsupported charset
     */
    public static String decode(String charset, byte[] bytes) {
        check(charset);
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IllegalStateException("a replacing decoder cannot fail", e);
        }
    }
}
