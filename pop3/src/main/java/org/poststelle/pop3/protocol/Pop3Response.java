package org.poststelle.pop3.protocol;

import java.util.List;
import java.util.function.IntFunction;

/** What the server sends back; {@link Pop3ResponseEncoder} turns each kind into bytes. */
public sealed interface Pop3Response {

    /** Multi-line answers with more lines than this stream in chunks instead of being encoded at once. */
    int INLINE_LINES = 256;

    /** Whether writing this answer takes more than one buffer, so the session waits until it is out. */
    default boolean streams() {
        return false;
    }

    /**
     * A one-line answer: {@code +OK text} or {@code -ERR [code] text}.
     *
     * @param code an RFC 2449 response code such as {@code IN-USE} or {@code SYS/TEMP}, or null
     */
    record Status(boolean ok, String code, String text) implements Pop3Response {
        public Status {
            text = Text.safe(text);
        }
    }

    /**
     * A multi-line answer: the {@code +OK text} line, {@code count} lines made on demand by {@code line},
     * and the terminating ".". Lines starting with "." are stuffed by the encoder.
     */
    record Lines(String text, int count, IntFunction<String> line) implements Pop3Response {
        public Lines {
            text = Text.safe(text);
        }

        @Override
        public boolean streams() {
            return count > INLINE_LINES;
        }
    }

    /**
     * A RETR or TOP answer: {@code +OK text}, the message dot-stuffed, and ".".
     *
     * @param bodyLines TOP's line count, or -1 for the whole message
     */
    record Message(String text, MessageSource source, long bodyLines) implements Pop3Response {
        public Message {
            text = Text.safe(text);
        }

        @Override
        public boolean streams() {
            return true;
        }
    }

    /** A SASL challenge (RFC 5034): {@code + base64}; an empty challenge is "+ ". */
    record Challenge(String base64) implements Pop3Response {
    }

    static Status ok(String text) {
        return new Status(true, null, text);
    }

    static Status err(String text) {
        return new Status(false, null, text);
    }

    static Status err(String code, String text) {
        return new Status(false, code, text);
    }

    static Lines lines(String text, List<String> lines) {
        List<String> copy = List.copyOf(lines);
        return new Lines(text, copy.size(), copy::get);
    }

    /** Response text: one line, no control characters, bounded, whatever a client sent to be echoed. */
    final class Text {
        private static final int MAX = 400;

        private Text() {
        }

        static String safe(String s) {
            if (s == null) {
                return "";
            }
            StringBuilder sb = null;
            int n = Math.min(s.length(), MAX);
            for (int i = 0; i < n; i++) {
                char c = s.charAt(i);
                if (c < 0x20 || c == 0x7f) {
                    if (sb == null) {
                        sb = new StringBuilder(s.substring(0, i));
                    }
                    sb.append('?');
                } else if (sb != null) {
                    sb.append(c);
                }
            }
            String out = sb != null ? sb.toString() : n < s.length() ? s.substring(0, n) : s;
            return n < s.length() ? out + "..." : out;
        }
    }
}
