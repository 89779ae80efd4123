package org.poststelle.store.mime;

import java.util.List;

/**
 * One entity of the MIME tree with its byte ranges in the CRLF message. Every part has a header range
 * ({@code BODY[n.MIME]}; for a message root, its message header) and a body range ({@code BODY[n]}); the CRLF
 * before a boundary line belongs to the boundary (RFC 2046 §5.1.1), so it is in neither. Field values are
 * kept as found (case, encoded words); defaults are applied by the parser where RFC 2045 defines them
 * (text/plain without Content-Type, message/rfc822 inside multipart/digest) and by the IMAP renderer where
 * RFC 3501 defines them (charset=us-ascii, 7bit).
 *
 * <p>Instances are immutable once {@link MessageStructure#parse} returns.
 */
public final class MimePart {

    /** How the body is structured. */
    public enum Kind {
        /** text/*: a leaf whose line count is reported. */
        TEXT,
        /** Any other leaf, including parts whose nesting exceeded the parser's limits. */
        BASIC,
        /** multipart/*: {@link #children()} are the body parts. */
        MULTIPART,
        /** message/rfc822 or message/global: {@link #message()} is the embedded message. */
        MESSAGE
    }

    Kind kind = Kind.TEXT;
    String type = "text";
    String subtype = "plain";
    List<MimeParameter> params = List.of();
    String id;
    String description;
    String encoding;
    String md5;
    String disposition;
    List<MimeParameter> dispositionParams = List.of();
    List<String> languages;
    String location;
    long headerOffset;
    long headerLength;
    long bodyOffset;
    long bodyLength;
    long bodyLines;
    List<MimePart> children = List.of();
    Envelope envelope;

    MimePart() {
    }

    public Kind kind() {
        return kind;
    }

    /** Media type as written (e.g. "TEXT"), or the default ("text", or "message" inside multipart/digest). */
    public String type() {
        return type;
    }

    public String subtype() {
        return subtype;
    }

    /** Content-Type parameters in header order (continuations merged); empty when none. */
    public List<MimeParameter> params() {
        return params;
    }

    /** The value of the first parameter with this name (case-insensitive), or null. */
    public String param(String name) {
        for (MimeParameter p : params) {
            if (p.name().equalsIgnoreCase(name)) {
                return p.value();
            }
        }
        return null;
    }

    public String contentId() {
        return id;
    }

    public String description() {
        return description;
    }

    /** Content-Transfer-Encoding as written, or null when absent (meaning 7bit). */
    public String encoding() {
        return encoding;
    }

    public String md5() {
        return md5;
    }

    /** Content-Disposition type as written (e.g. "attachment"), or null. */
    public String disposition() {
        return disposition;
    }

    public List<MimeParameter> dispositionParams() {
        return dispositionParams;
    }

    /** Content-Language tags, or null when absent. */
    public List<String> languages() {
        return languages;
    }

    public String location() {
        return location;
    }

    /** Offset of the part's header in the message ({@code BODY[n.MIME]}, or the message header for a root). */
    public long headerOffset() {
        return headerOffset;
    }

    /** Header length, including the blank line that ends it when there is one. */
    public long headerLength() {
        return headerLength;
    }

    public long bodyOffset() {
        return bodyOffset;
    }

    /** Body size in octets (the BODYSTRUCTURE size). */
    public long bodyLength() {
        return bodyLength;
    }

    /** Number of lines (LFs) in the body, as BODYSTRUCTURE reports for text/* and message/rfc822. */
    public long bodyLines() {
        return bodyLines;
    }

    /** Body parts of a multipart (empty when it had none, e.g. no boundary); the embedded message root of a MESSAGE. */
    public List<MimePart> children() {
        return children;
    }

    /** For {@link Kind#MESSAGE}: the embedded message's root part (its header is the embedded header). */
    public MimePart message() {
        return kind == Kind.MESSAGE && !children.isEmpty() ? children.get(0) : null;
    }

    /** The envelope when this part is a message root (the top-level part, or {@link #message()} of a MESSAGE). */
    public Envelope envelope() {
        return envelope;
    }

    public boolean isMultipart() {
        return kind == Kind.MULTIPART;
    }

    public boolean isMessage() {
        return kind == Kind.MESSAGE;
    }

    @Override
    public String toString() {
        return type + "/" + subtype + "[hdr " + headerOffset + "+" + headerLength + ", body " + bodyOffset + "+"
                + bodyLength + ", " + children.size() + " children]";
    }
}
