package org.poststelle.imap.protocol;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One lexical argument of a command, as the frame decoder sees it. The decoder knows no command syntax:
 * {@code NIL}, numbers, flags and sequence sets are atoms; {@code BODY[HEADER.FIELDS (A B)]} arrives as the
 * atom {@code BODY[HEADER.FIELDS}, a list and the atom {@code ]}. Command parsers give them meaning.
 */
public sealed interface ImapArg {

    /**
     * Client bytes as text: UTF-8, or ISO-8859-1 when they are not valid UTF-8. Some clients truncate characters
     * to bytes (Angus Mail after ENABLE UTF8=ACCEPT sends search strings so, angus-mail issue 104); Latin-1 is
     * what those bytes mean, where UTF-8 decoding would turn them into U+FFFD that matches nothing.
     */
    static String text(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }

    /** An atom; also NIL, numbers, flags ({@code \Seen}), sequence sets and list wildcards. */
    record Atom(String value) implements ImapArg {
        @Override
        public String toString() {
            return value;
        }
    }

    /** A quoted string, unescaped and decoded by {@link ImapArg#text}. */
    record Quoted(String value) implements ImapArg {
        @Override
        public String toString() {
            return '"' + value + '"';
        }
    }

    /** A literal ({@code {n}}, {@code {n+}}) or literal8 ({@code ~{n}}, {@code binary}). */
    record Literal(LiteralData data, boolean binary) implements ImapArg {
        /** The literal as text ({@link ImapArg#text}); only for literals held in memory. */
        public String text() {
            if (data instanceof LiteralData.InMemory m) {
                return ImapArg.text(m.bytes());
            }
            throw new IllegalStateException("spooled literal used as a string");
        }

        @Override
        public String toString() {
            return data.toString();
        }
    }

    /** A parenthesised list. */
    record ArgList(List<ImapArg> items) implements ImapArg {
        public ArgList {
            items = List.copyOf(items);
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder("(");
            for (int i = 0; i < items.size(); i++) {
                sb.append(i == 0 ? "" : " ").append(items.get(i));
            }
            return sb.append(')').toString();
        }
    }
}
