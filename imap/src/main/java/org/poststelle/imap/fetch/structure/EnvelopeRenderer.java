package org.poststelle.imap.fetch.structure;

import java.util.List;
import org.poststelle.store.mime.Address;
import org.poststelle.store.mime.Envelope;

/**
 * Writes the ENVELOPE structure of RFC 3501 §7.4.2 / RFC 9051 §7.5.2: date, subject, from, sender, reply-to,
 * to, cc, bcc, in-reply-to, message-id. Sender and Reply-To default to From; an absent field, or an address
 * field without addresses, is NIL. Values go out as found in the header, unfolded; the reference server
 * rewrites subjects and display names "for humans" (whitespace runs collapsed, edges trimmed) and sends them
 * as literals, which RFC 3501 does not ask for.
 */
public final class EnvelopeRenderer {
    private EnvelopeRenderer() {
    }

    /** The parenthesised envelope, ready to follow {@code ENVELOPE }. */
    public static byte[] render(Envelope envelope) {
        ImapOut out = new ImapOut();
        write(out, envelope);
        return out.toByteArray();
    }

    public static void write(ImapOut out, Envelope e) {
        if (e == null) {
            e = Envelope.EMPTY;
        }
        out.open().nstring(e.date()).sp().nstring(e.subject()).sp();
        addresses(out, e.from());
        out.sp();
        addresses(out, e.effectiveSender());
        out.sp();
        addresses(out, e.effectiveReplyTo());
        out.sp();
        addresses(out, e.to());
        out.sp();
        addresses(out, e.cc());
        out.sp();
        addresses(out, e.bcc());
        out.sp().nstring(e.inReplyTo()).sp().nstring(e.messageId()).close();
    }

    private static void addresses(ImapOut out, List<Address> list) {
        if (list == null || list.isEmpty()) {
            out.nil();
            return;
        }
        out.open();
        for (Address a : list) {
            out.open().nstring(a.name()).sp().nstring(a.adl()).sp().nstring(a.mailbox()).sp().nstring(a.host())
                    .close();
        }
        out.close();
    }
}
