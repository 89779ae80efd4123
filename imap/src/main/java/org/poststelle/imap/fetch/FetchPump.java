package org.poststelle.imap.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.IdentityHashMap;
import java.util.Optional;
import org.poststelle.core.auth.Protocol;
import org.poststelle.imap.command.FetchItem;
import org.poststelle.imap.command.FetchItem.BodySection;
import org.poststelle.imap.command.FetchItem.Simple;
import org.poststelle.imap.command.Section;
import org.poststelle.imap.protocol.ImapDateTime;
import org.poststelle.imap.protocol.ImapWriter;
import org.poststelle.imap.protocol.LiteralBody;
import org.poststelle.imap.session.ImapSession;
import org.poststelle.imap.session.MessageSet;
import org.poststelle.imap.session.Responder;
import org.poststelle.imap.session.Result;
import org.poststelle.imap.session.SelectedMailbox;
import org.poststelle.store.MessageContent;
import org.poststelle.store.StoreException;
import org.poststelle.store.model.Flags;
import org.poststelle.store.model.MailboxSnapshot;
import org.poststelle.store.model.MessageMeta;
import org.poststelle.store.model.UidSet;
import org.poststelle.tls.StartTls;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the FETCH responses of one command, message by message, pausing whenever the client has not read
 * what is queued. Index facts are read from the store in batches; a message's bodies are opened before its
 * response line is written, so a message that vanished is left out whole and the command ends with
 * {@code NO [EXPUNGEISSUED]} (FLAGS of such messages still come from the view).
 */
final class FetchPump implements ImapSession.OutputPump {
    private static final Logger LOG = LoggerFactory.getLogger(FetchPump.class);
    private static final int BATCH = 256;
    /** Literals up to this size are read into memory now; larger ones are streamed. */
    /** Bodies (and BINARY parts) up to this many octets are read into memory; larger ones are streamed. */
    static final long READ_NOW = 64 * 1024;

    private final ImapSession s;
    private final SelectedMailbox sel;
    private final MailboxSnapshot view;
    private final MessageSet.Cursor cursor;
    private final FetchPlan plan;
    private final UidSet seenNow;
    private final boolean recentFlags;
    /** Whole messages sent, for poststelle_messages_retrieved (as POP3 counts RETR). */
    private long retrieved;
    private final boolean rev2;
    private final int[] batch = new int[BATCH];
    private final MessageMeta[] metas = new MessageMeta[BATCH];
    private int batchLength;
    private int batchPos;
    private boolean expungeIssued;
    /** The first BINARY refusal (UNKNOWN-CTE, a multipart): the command ends NO with it. */
    private BinaryContent.Refused refused;
    private final IdentityHashMap<Flags, byte[]> flagCache = new IdentityHashMap<>();

    FetchPump(ImapSession s, SelectedMailbox sel, MessageSet chosen, FetchPlan plan, UidSet seenNow) {
        this.s = s;
        this.sel = sel;
        this.view = sel.view();
        this.cursor = chosen.cursor();
        this.plan = plan;
        this.seenNow = seenNow;
        this.rev2 = s.extensions().imap4rev2();
        this.recentFlags = !rev2;
    }

    @Override
    public Result resume() {
        Responder out = s.out();
        while (true) {
            if (batchPos == batchLength) {
                if (!cursor.hasNext()) {
                    break;
                }
                fillBatch();
            }
            if (!out.writable()) {
                return null;
            }
            int k = batchPos++;
            writeMessage(batch[k], metas[k]);
            metas[k] = null;
        }
        if (retrieved > 0) {
            s.services().shared().metrics().messagesRetrieved(Protocol.IMAP.id(), retrieved);
        }
        if (refused != null) {
            return refused.code() == null ? Result.no(refused.text()) : Result.no(refused.code(), refused.text());
        }
        return expungeIssued
                ? Result.no("EXPUNGEISSUED", "Some messages were expunged by another session.")
                : Result.ok("FETCH completed.");
    }

    private void fillBatch() {
        batchLength = 0;
        batchPos = 0;
        while (batchLength < BATCH && cursor.hasNext()) {
            batch[batchLength++] = cursor.next();
        }
        if (!plan.needsMeta) {
            return;
        }
        UidSet.Builder uids = new UidSet.Builder();
        for (int k = 0; k < batchLength; k++) {
            uids.add(view.uid(batch[k]));
        }
        int[] pos = {0};
        sel.mailbox().meta(uids.build(), m -> {
            while (pos[0] < batchLength && view.uid(batch[pos[0]]) < m.uid()) {
                pos[0]++;
            }
            if (pos[0] < batchLength && view.uid(batch[pos[0]]) == m.uid()) {
                metas[pos[0]++] = m;
            }
        });
    }

    private void writeMessage(int index, MessageMeta meta) {
        long uid = view.uid(index);
        if ((plan.needsMeta && meta == null) || (plan.needsContent && sel.isGhost(index))) {
            expungeIssued = true;
            return;
        }
        Object[] bodies = null;
        MessageContent content = null;
        if (plan.needsContent) {
            try {
                content = sel.mailbox().content(uid);
                bodies = prepare(content);
            } catch (StoreException e) {
                if (e.reason() != StoreException.Reason.MESSAGE_GONE) {
                    throw e;
                }
                expungeIssued = true;
                return;
            } catch (IOException e) {
                LOG.warn("session {}: reading message {} failed: {}", s.info().id(), uid, e.toString());
                expungeIssued = true;
                return;
            } catch (Refusal r) {
                // the message is left out, the others are sent (RFC 3516 wants the command to fail, not to
                // withhold what could be decoded); a \Seen it was given is still reported
                if (refused == null) {
                    refused = r.refused;
                }
                if (seenNow.contains(uid)) {
                    ImapWriter w = s.out().writer();
                    w.untagged().number(index + 1).atom("FETCH").open();
                    if (plan.hasUid) {
                        w.atom("UID").number(uid);
                    }
                    writeFlags(w, index);
                    if (s.extensions().condstore()) {
                        writeModSeq(w, index);
                    }
                    w.close().end();
                    s.out().written();
                }
                return;
            }
        }
        ImapWriter w = s.out().writer();
        w.untagged().number(index + 1).atom("FETCH").open();
        for (int i = 0; i < plan.items.size(); i++) {
            writeItem(w, plan.items.get(i), index, meta, content, bodies == null ? null : bodies[i]);
        }
        if (seenNow.contains(uid)) {
            // the implicit \Seen is reported here; under CONDSTORE with UID and MODSEQ (RFC 7162 section 3.1)
            boolean condstore = s.extensions().condstore();
            if (condstore && !plan.hasUid) {
                w.atom("UID").number(uid);
            }
            if (!plan.hasFlags) {
                writeFlags(w, index);
            }
            if (condstore && !plan.hasModSeq) {
                writeModSeq(w, index);
            }
        }
        w.close().end();
        s.out().written();
        if (plan.retrievesMessage) {
            retrieved++;
        }
    }

    /** A BINARY item this message cannot serve. */
    private static final class Refusal extends Exception {
        final BinaryContent.Refused refused;

        Refusal(BinaryContent.Refused refused) {
            super(refused.text(), null, false, false);
            this.refused = refused;
        }
    }

    /** Opens what each item needs from the message; nothing is written yet. */
    private Object[] prepare(MessageContent content) throws IOException, Refusal {
        Object[] bodies = new Object[plan.items.size()];
        try {
            for (int i = 0; i < bodies.length; i++) {
                FetchItem item = plan.items.get(i);
                Section section = null;
                if (item instanceof BodySection b) {
                    var data = SectionData.locate(content, b.section(), rev2);
                    bodies[i] = body(content, b.partial() ? data.partial(b.offset(), b.length()) : data);
                    continue;
                }
                BinaryContent.Result binary = null;
                if (item instanceof FetchItem.Binary b) {
                    binary = BinaryContent.decode(content, b.section(), b.offset(), b.length(), false, rev2);
                } else if (item instanceof FetchItem.BinarySize b) {
                    binary = BinaryContent.decode(content, b.section(), -1, 0, true, rev2);
                }
                if (binary instanceof BinaryContent.Refused r) {
                    throw new Refusal(r);
                }
                if (binary != null) {
                    bodies[i] = binary;
                    continue;
                }
                if (item == Simple.PREVIEW) {
                    bodies[i] = PreviewText.of(content);
                    continue;
                }
                if (item == Simple.RFC822) {
                    section = Section.WHOLE;
                } else if (item == Simple.RFC822_HEADER) {
                    section = Section.HEADER;
                } else if (item == Simple.RFC822_TEXT) {
                    section = Section.TEXT;
                }
                if (section != null) {
                    bodies[i] = body(content, SectionData.locate(content, section, rev2));
                }
            }
        } catch (IOException | RuntimeException | Refusal e) {
            for (Object b : bodies) {
                if (b instanceof LiteralBody lb) {
                    lb.release();
                } else if (b instanceof BinaryContent.Decoded d && d.body() instanceof LiteralBody lb) {
                    lb.release();
                }
            }
            throw e;
        }
        return bodies;
    }

    /**
     * Small data as bytes; large ranges as a stream, or a file region when the connection has no TLS. These
     * go out in plain literals, so NUL is replaced (see {@link NulReplacement}); a file region cannot be
     * filtered, so it is used only for a message its parse found free of NUL (messages with NUL are rare
     * and take the stream path instead).
     */
    private Object body(MessageContent content, org.poststelle.imap.fetch.structure.Section data) throws IOException {
        if (data instanceof org.poststelle.imap.fetch.structure.Section.Bytes c) {
            return NulReplacement.copyIfNeeded(c.bytes());
        }
        if (!(data instanceof org.poststelle.imap.fetch.structure.Section.Range r)) {
            return new byte[0]; // a part that does not exist: an empty string, as the reference server answers
        }
        if (r.length() <= READ_NOW) {
            byte[] bytes;
            try (InputStream in = content.open(r.offset(), r.length())) {
                bytes = in.readNBytes((int) r.length());
            }
            NulReplacement.replaceInPlace(bytes, 0, bytes.length);
            return bytes;
        }
        // only a plaintext connection can send a file region, and only then is the parse's answer needed
        // (clients fetch BODYSTRUCTURE before parts, so it is usually cached); a stream is filtered anyway
        boolean plaintext = !StartTls.isActive(s.channel()) && !s.info().implicitTls();
        if (plaintext && !content.structure().containsNul()) {
            Optional<FileChannel> file = content.openChannel();
            if (file.isPresent()) {
                return new LiteralBody.File(file.get(), r.offset(), r.length());
            }
        }
        return new LiteralBody.Stream(NulReplacement.filter(content.open(r.offset(), r.length())), r.length());
    }

    private void writeItem(ImapWriter w, FetchItem item, int index, MessageMeta meta, MessageContent content,
            Object body) {
        if (item instanceof BodySection b) {
            String name = "BODY[" + b.section().spec() + "]" + (b.partial() ? "<" + b.offset() + ">" : "");
            w.atom(name);
            literal(w, body);
            return;
        }
        if (item instanceof FetchItem.Binary b) {
            BinaryContent.Decoded d = (BinaryContent.Decoded) body;
            w.atom("BINARY[" + b.section().spec() + "]" + (b.partial() ? "<" + b.offset() + ">" : ""));
            // a literal8 only where NUL makes one necessary (RFC 3516 section 4.3: a string otherwise)
            if (d.body() instanceof byte[] bytes) {
                if (d.hasNul()) {
                    w.literal8(bytes);
                } else {
                    w.literal(bytes);
                }
            } else if (d.hasNul()) {
                w.literal8((LiteralBody) d.body());
            } else {
                w.literal((LiteralBody) d.body());
            }
            return;
        }
        if (item instanceof FetchItem.BinarySize b) {
            w.atom("BINARY.SIZE[" + b.section().spec() + "]").number(((BinaryContent.Decoded) body).size());
            return;
        }
        Simple simple = (Simple) item;
        switch (simple) {
            case UID -> w.atom("UID").number(view.uid(index));
            case FLAGS -> writeFlags(w, index);
            case INTERNALDATE -> w.atom("INTERNALDATE").quoted(ImapDateTime.format(meta.internalDate()));
            case RFC822_SIZE -> w.atom("RFC822.SIZE").number(meta.size());
            case RFC822 -> literal(w.atom("RFC822"), body);
            case RFC822_HEADER -> literal(w.atom("RFC822.HEADER"), body);
            case RFC822_TEXT -> literal(w.atom("RFC822.TEXT"), body);
            case ENVELOPE, BODY, BODYSTRUCTURE -> StructureItems.write(w, simple, content, rev2);
            case MODSEQ -> writeModSeq(w, index);
            case SAVEDATE -> {
                // RFC 8514 allows NIL where the store does not know when the message was saved
                w.atom("SAVEDATE");
                if (meta.saveDate() == null) {
                    w.nil();
                } else {
                    w.quoted(ImapDateTime.format(meta.saveDate()));
                }
            }
            // the store's message ids are object ids already (1-255 of A-Z a-z 0-9 _ -); a copy keeps its id
            case EMAILID -> w.atom("EMAILID").open().atom(meta.emailId()).close();
            // the store assigns no thread ids, so NIL (RFC 8474 section 5.2) and SEARCH THREADID matches nothing
            case THREADID -> w.atom("THREADID").nil();
            // quoted when it can be; UTF-8 text in a literal where the session may not have quoted UTF-8
            case PREVIEW -> w.atom("PREVIEW").string((String) body);
            default -> throw new IllegalStateException("unhandled FETCH item " + simple);
        }
    }

    private static void literal(ImapWriter w, Object body) {
        if (body instanceof byte[] bytes) {
            w.literal(bytes);
        } else {
            w.literal((LiteralBody) body);
        }
    }

    private void writeModSeq(ImapWriter w, int index) {
        w.atom("MODSEQ").open().number(view.modSeq(index)).close();
    }

    private void writeFlags(ImapWriter w, int index) {
        Flags f = view.flags(index);
        boolean recent = recentFlags && sel.isRecent(view.uid(index));
        w.atom("FLAGS");
        if (recent) {
            SelectedMailbox.writeFlags(w, f, true);
            return;
        }
        byte[] encoded = flagCache.get(f);
        if (encoded == null) {
            StringBuilder sb = new StringBuilder("(");
            for (String name : f.names()) {
                sb.append(sb.length() > 1 ? " " : "").append(name);
            }
            encoded = sb.append(')').toString().getBytes(StandardCharsets.US_ASCII);
            if (flagCache.size() < 1024) {
                flagCache.put(f, encoded);
            }
        }
        w.atom(encoded);
    }
}
