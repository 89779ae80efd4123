package org.poststelle.imap.protocol;

import java.util.List;

/**
 * One complete command as framed by {@link ImapFrameDecoder}: literals already read, limits enforced.
 *
 * @param tag the tag, exactly as sent
 * @param command the command name upper-cased; UID commands joined ("UID FETCH")
 * @param args the arguments after the command name
 * @param literals every literal of the command, so that spooled ones can be released after it ran
 */
public record ImapRequest(String tag, String command, List<ImapArg> args, List<LiteralData> literals)
        implements DecodedFrame {

    public ImapRequest {
        args = List.copyOf(args);
        literals = List.copyOf(literals);
    }

    public static ImapRequest of(String tag, String command, List<ImapArg> args) {
        return new ImapRequest(tag, command, args, List.of());
    }

    /** Deletes spooled literal files; called once the command has finished (or was never run). */
    public void release() {
        for (LiteralData l : literals) {
            l.release();
        }
    }

    @Override
    public String toString() {
        return tag + " " + command + (args.isEmpty() ? "" : " " + args);
    }
}
