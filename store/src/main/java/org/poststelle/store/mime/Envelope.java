package org.poststelle.store.mime;

import java.util.List;

/**
 * The envelope fields of one message header (the top-level message or an embedded message/rfc822), as RFC 3501
 * §7.4.2 defines them: unfolded raw values, encoded words untouched. A null string means the field is absent;
 * a null address list means the field is absent or holds no address. Sender and Reply-To are kept as found
 * ({@link #effectiveSender()} and {@link #effectiveReplyTo()} apply the RFC's default to From).
 */
public record Envelope(String date, String subject, List<Address> from, List<Address> sender,
        List<Address> replyTo, List<Address> to, List<Address> cc, List<Address> bcc, String inReplyTo,
        String messageId) {

    public static final Envelope EMPTY = new Envelope(null, null, null, null, null, null, null, null, null, null);

    public List<Address> effectiveSender() {
        return sender != null ? sender : from;
    }

    public List<Address> effectiveReplyTo() {
        return replyTo != null ? replyTo : from;
    }
}
