package org.poststelle.imap.fetch.structure;

import java.util.List;
import org.poststelle.store.mime.MessageStructure;
import org.poststelle.store.mime.MimeParameter;
import org.poststelle.store.mime.MimePart;

/**
 * Writes BODY (non-extensible) and BODYSTRUCTURE (with extension data) as RFC 3501 §7.4.2 and RFC 9051
 * §7.5.2 define them, in the same form as the reference server: type and subtype as written in the message
 * (the grammar's upper-case literals are case-insensitive; "message" "rfc822" is always written so),
 * {@code ("charset" "us-ascii")} added to text parts that name no charset, "7bit" when there is no
 * Content-Transfer-Encoding, line counts for text and message parts, and all four extension fields (MD5 or
 * multipart parameters, disposition, language, location) in BODYSTRUCTURE.
 */
public final class BodyStructureRenderer {
    private static final String DEFAULT_CHARSET = "us-ascii";

    private BodyStructureRenderer() {
    }

    /** {@code BODYSTRUCTURE} of a message, ready to follow {@code BODYSTRUCTURE }. */
    public static byte[] bodyStructure(MessageStructure message, boolean imap4rev2) {
        ImapOut out = new ImapOut(512);
        writeMessage(out, message.root(), true, imap4rev2);
        return out.toByteArray();
    }

    /** {@code BODY} (no extension data) of a message. */
    public static byte[] body(MessageStructure message, boolean imap4rev2) {
        ImapOut out = new ImapOut(256);
        writeMessage(out, message.root(), false, imap4rev2);
        return out.toByteArray();
    }

    /** Writes the body of a top-level message (see {@link #write} for parts). */
    public static void writeMessage(ImapOut out, MimePart root, boolean extended, boolean imap4rev2) {
        if (isPlain7bit(root)) {
            // The reference answers the most common message of all, plain us-ascii text, in its default
            // (lower-case) spelling whatever the header's case; the strings compare case-insensitively, so
            // doing the same is free and keeps answers byte-identical.
            out.atom("(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" ").number(root.bodyLength())
                    .sp().number(root.bodyLines()).atom(extended ? " NIL NIL NIL NIL)" : ")");
            return;
        }
        write(out, root, extended, imap4rev2);
    }

    private static boolean isPlain7bit(MimePart p) {
        if (p.kind() != MimePart.Kind.TEXT || !p.subtype().equalsIgnoreCase("plain")) {
            return false;
        }
        List<MimeParameter> params = p.params();
        if (!params.isEmpty() && (params.size() != 1 || !params.get(0).name().equalsIgnoreCase("charset")
                || !params.get(0).value().equalsIgnoreCase(DEFAULT_CHARSET))) {
            return false;
        }
        return p.contentId() == null && p.description() == null
                && (p.encoding() == null || p.encoding().equalsIgnoreCase("7bit")) && p.md5() == null
                && p.disposition() == null && p.languages() == null && p.location() == null;
    }

    /**
     * Writes one parenthesised body. {@code imap4rev2} decides whether message/global parts are written with
     * envelope, body and lines (RFC 9051 media-message) or as basic parts (RFC 3501, where only
     * MESSAGE/RFC822 has that form).
     */
    public static void write(ImapOut out, MimePart part, boolean extended, boolean imap4rev2) {
        out.open();
        if (part.kind() == MimePart.Kind.MULTIPART) {
            multipart(out, part, extended, imap4rev2);
        } else {
            single(out, part, extended, imap4rev2);
        }
        out.close();
    }

    private static void multipart(ImapOut out, MimePart part, boolean extended, boolean imap4rev2) {
        if (part.children().isEmpty()) {
            // a multipart without body parts is not allowed; the reference writes an empty text part
            emptyText(out, extended);
        } else {
            for (MimePart child : part.children()) {
                write(out, child, extended, imap4rev2);
            }
        }
        out.sp().string(part.subtype());
        if (!extended) {
            return;
        }
        out.sp();
        params(out, part.params(), false);
        dispositionLanguageLocation(out, part);
    }

    private static void single(ImapOut out, MimePart part, boolean extended, boolean imap4rev2) {
        boolean message = SectionLocator.isMessage(part, imap4rev2);
        boolean text = part.kind() == MimePart.Kind.TEXT;
        if (message) {
            out.string("message").sp().string(part.subtype().equalsIgnoreCase("rfc822") ? "rfc822" : "global");
        } else {
            out.string(part.type()).sp().string(part.subtype());
        }
        out.sp();
        params(out, part.params(), text);
        out.sp().nstring(part.contentId()).sp().nstring(part.description()).sp()
                .string(part.encoding() != null ? part.encoding() : "7bit")
                .sp().number(part.bodyLength());
        if (text) {
            out.sp().number(part.bodyLines());
        } else if (message) {
            MimePart embedded = part.message();
            out.sp();
            EnvelopeRenderer.write(out, embedded.envelope());
            out.sp();
            write(out, embedded, extended, imap4rev2);
            out.sp().number(part.bodyLines());
        }
        if (!extended) {
            return;
        }
        out.sp().nstring(part.md5());
        dispositionLanguageLocation(out, part);
    }

    private static void emptyText(ImapOut out, boolean extended) {
        out.atom(extended
                ? "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 0 0 NIL NIL NIL NIL)"
                : "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 0 0)");
    }

    private static void params(ImapOut out, List<MimeParameter> params, boolean defaultCharset) {
        boolean addCharset = defaultCharset;
        if (addCharset) {
            for (MimeParameter p : params) {
                if (p.name().equalsIgnoreCase("charset")) {
                    addCharset = false;
                    break;
                }
            }
        }
        if (params.isEmpty() && !addCharset) {
            out.nil();
            return;
        }
        out.open();
        boolean first = true;
        for (MimeParameter p : params) {
            if (!first) {
                out.sp();
            }
            first = false;
            out.string(p.name()).sp().string(p.value());
        }
        if (addCharset) {
            if (!first) {
                out.sp();
            }
            out.string("charset").sp().string(DEFAULT_CHARSET);
        }
        out.close();
    }

    private static void dispositionLanguageLocation(ImapOut out, MimePart part) {
        out.sp();
        if (part.disposition() == null) {
            out.nil();
        } else {
            out.open().string(part.disposition()).sp();
            params(out, part.dispositionParams(), false);
            out.close();
        }
        out.sp();
        List<String> languages = part.languages();
        if (languages == null) {
            out.nil();
        } else {
            out.open();
            for (int i = 0; i < languages.size(); i++) {
                if (i > 0) {
                    out.sp();
                }
                out.string(languages.get(i));
            }
            out.close();
        }
        out.sp().nstring(part.location());
    }
}
