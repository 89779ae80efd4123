package org.poststelle.imap.protocol;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One lexical argument of a command, as the frame decoder sees it. The decoder knows no command syntax:
 * {@code NIL}, numbers, flags and sequence sets are atoms; {@code BODY[HEADER.FIELDS (A B)]} arrives as the
 * atom {@code BODY[HEADER.FIELDS}, a list and the atom {@code ]}. Command parsers give them meaning.
 */
public sealed interface ImapArg {

    /** An atom; also NIL, numbers, flags ({@code \Seen}), sequence sets and list wildcards. */
    record Atom(String value) implements ImapArg {
        @Override
        public String toString() {
            return value;
        }
    }

    /** A quoted string, unescaped and decoded as UTF-8. */
    record Quoted(String value) implements ImapArg {
        @Override
        public String toString() {
            return '"' + value + '"';
        }
    }

    /** A literal ({@code {n}}, {@code {n+}}) or literal8 ({@code ~{n}}, {@code binary}). */
    record Literal(LiteralData data, boolean binary) implements ImapArg {
        /** The literal as UTF-8 text; only for literals held in memory. */
        public String text() {
            if (data instanceof LiteralData.InMemory m) {
                return new String(m.bytes(), StandardCharsets.UTF_8);
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
