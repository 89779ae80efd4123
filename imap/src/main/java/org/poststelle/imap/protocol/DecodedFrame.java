package org.poststelle.imap.protocol;

/**
 * What the frame decoder hands to the session, in the order the client sent it: complete commands, lines of
 * an AUTHENTICATE or IDLE exchange, requests to send a literal continuation, and framing errors. All of
 * them travel through the session's executor so that every answer leaves in order.
 */
public sealed interface DecodedFrame permits ImapRequest, DecodedFrame.ContinuationLine,
        DecodedFrame.LiteralContinuation, DecodedFrame.FrameError {

    /** A raw line sent in answer to a continuation ({@code DONE}, a SASL response); without CRLF. */
    record ContinuationLine(String line) implements DecodedFrame {
        @Override
        public String toString() {
            return "ContinuationLine[" + line.length() + " chars]";
        }
    }

    /** The client announced a synchronizing literal that the decoder accepted: send {@code + ...}. */
    enum LiteralContinuation implements DecodedFrame {
        INSTANCE
    }

    /**
     * A command that could not be framed (too long, bad syntax, literal too big).
     *
     * @param tag the command's tag, or null when none could be read (answered untagged)
     * @param command the command name when known (for the answer's wording and metrics), else null
     * @param no true for NO (a limit the client can respect, e.g. APPENDLIMIT), false for BAD
     * @param code a response code such as TOOBIG, or null
     * @param text the human-readable text
     * @param close true when the connection must close after the answer (framing cannot continue safely)
     */
    record FrameError(String tag, String command, boolean no, String code, String text, boolean close)
            implements DecodedFrame {
    }
}
