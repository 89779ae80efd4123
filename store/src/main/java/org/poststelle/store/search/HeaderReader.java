package org.poststelle.store.search;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.dom.address.Mailbox;
import org.apache.james.mime4j.stream.EntityState;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeConfig;
import org.apache.james.mime4j.stream.MimeTokenStream;

/** Reads a message's top-level header (only the header: the body is never read) into {@link CachedHeaders}. */
final class HeaderReader {
    /** Lenient, with bounds so that a message that is all header cannot make us buffer without limit. */
    static final MimeConfig CONFIG = MimeConfig.custom()
            .setStrictParsing(false)
            .setMaxLineLen(-1)
            .setMaxHeaderLen(1024 * 1024)
            .setMaxHeaderCount(10_000)
            .setMaxContentLen(-1)
            .build();

    private HeaderReader() {
    }

    /** Values of the fields the cache keeps, in header order. */
    private static final class Collected {
        final List<String> from = new ArrayList<>(1);
        final List<String> to = new ArrayList<>(1);
        final List<String> cc = new ArrayList<>(1);
        final List<String> bcc = new ArrayList<>(1);
        final List<String> subject = new ArrayList<>(1);
        String date;
        String messageId;
        String inReplyTo;
        final List<String> references = new ArrayList<>(1);

        void add(String lowerName, String value) {
            switch (lowerName) {
                case "from" -> from.add(value);
                case "to" -> to.add(value);
                case "cc" -> cc.add(value);
                case "bcc" -> bcc.add(value);
                case "subject" -> subject.add(value);
                case "date" -> date = date == null ? value : date;
                case "message-id" -> messageId = messageId == null ? value : messageId;
                case "in-reply-to" -> inReplyTo = inReplyTo == null ? value : inReplyTo;
                case "references" -> references.add(value);
                default -> {
                }
            }
        }
    }

    /** The entry of a message without any of the fields (used when a header cannot be parsed at all). */
    static CachedHeaders empty() {
        return build(new Collected());
    }

    static CachedHeaders read(InputStream message) throws IOException {
        Collected c = new Collected();
        MimeTokenStream stream = new MimeTokenStream(CONFIG, DecodeMonitor.SILENT, null);
        stream.parse(message);
        try {
            for (EntityState s = stream.getState(); s != EntityState.T_END_OF_STREAM
                    && s != EntityState.T_END_HEADER; s = stream.next()) {
                if (s == EntityState.T_FIELD) {
                    Field f = stream.getField();
                    c.add(f.getName().toLowerCase(Locale.ROOT), HeaderValues.rawValue(f));
                }
            }
        } catch (MimeException e) {
            // a header past the limits: keep what was read before it
        }
        return build(c);
    }

    private static CachedHeaders build(Collected c) {
        String[] f = new String[CachedHeaders.FIELD_COUNT];
        int bits = 0;
        f[CachedHeaders.FROM] = addressSearchText(c.from);
        f[CachedHeaders.TO] = addressSearchText(c.to);
        f[CachedHeaders.CC] = addressSearchText(c.cc);
        f[CachedHeaders.BCC] = addressSearchText(c.bcc);
        bits |= c.from.isEmpty() ? 0 : CachedHeaders.HAS_FROM;
        bits |= c.to.isEmpty() ? 0 : CachedHeaders.HAS_TO;
        bits |= c.cc.isEmpty() ? 0 : CachedHeaders.HAS_CC;
        bits |= c.bcc.isEmpty() ? 0 : CachedHeaders.HAS_BCC;

        StringBuilder subject = new StringBuilder();
        for (String s : c.subject) {
            if (subject.length() > 0) {
                subject.append(' ');
            }
            subject.append(HeaderValues.compressWhitespace(HeaderValues.decodeWords(s)));
        }
        f[CachedHeaders.SUBJECT] = Fold.search(subject.toString());
        if (!c.subject.isEmpty()) {
            bits |= CachedHeaders.HAS_SUBJECT;
            BaseSubject base = BaseSubject.of(c.subject.get(0));
            f[CachedHeaders.SORT_SUBJECT] = Fold.sort(base.text());
            bits |= base.replyOrForward() ? CachedHeaders.REPLY_OR_FORWARD : 0;
        }

        Mailbox from = firstMailbox(c.from);
        Mailbox to = firstMailbox(c.to);
        Mailbox cc = firstMailbox(c.cc);
        f[CachedHeaders.SORT_FROM] = from == null ? "" : Fold.sort(from.getLocalPart());
        f[CachedHeaders.SORT_TO] = to == null ? "" : Fold.sort(to.getLocalPart());
        f[CachedHeaders.SORT_CC] = cc == null ? "" : Fold.sort(cc.getLocalPart());
        f[CachedHeaders.SORT_DISPLAYFROM] = from == null ? "" : Fold.sort(HeaderValues.displayName(from));
        f[CachedHeaders.SORT_DISPLAYTO] = to == null ? "" : Fold.sort(HeaderValues.displayName(to));

        f[CachedHeaders.MESSAGE_ID] = firstId(c.messageId);
        if (c.messageId != null) {
            bits |= CachedHeaders.HAS_MESSAGE_ID;
            f[CachedHeaders.MESSAGE_ID_VALUE] = Fold.search(HeaderValues.decodeWords(c.messageId));
        }
        f[CachedHeaders.IN_REPLY_TO] = firstId(c.inReplyTo);
        List<String> refs = new ArrayList<>();
        for (String r : c.references) {
            refs.addAll(HeaderValues.messageIds(r));
        }
        f[CachedHeaders.REFERENCES] = String.join(" ", refs);

        HeaderValues.SentDate sent = c.date == null ? null : HeaderValues.parseDate(c.date);
        if (sent != null) {
            bits |= CachedHeaders.HAS_DATE;
        }
        return CachedHeaders.of(f, sent == null ? 0 : sent.epochMillis(), sent == null ? null : sent.day(), bits);
    }

    private static String addressSearchText(List<String> values) {
        if (values.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (String v : values) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(HeaderValues.addressText(v));
        }
        return Fold.search(sb.toString());
    }

    private static Mailbox firstMailbox(List<String> values) {
        for (String v : values) {
            List<Mailbox> list = HeaderValues.mailboxes(v);
            if (!list.isEmpty()) {
                return list.get(0);
            }
        }
        return null;
    }

    private static String firstId(String value) {
        if (value == null) {
            return "";
        }
        List<String> ids = HeaderValues.messageIds(value);
        return ids.isEmpty() ? "" : ids.get(0);
    }
}
