package org.poststelle.store.mime;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One streaming pass over a CRLF message that builds the {@link MimePart} tree with exact byte offsets.
 *
 * <p>Why not Mime4j's token stream: it hides byte positions, transport padding and the line terminator that
 * belongs to each boundary, so offsets rebuilt from its tokens are lossy. This scanner owns only the
 * line/boundary structure; field values go through the small RFC 5322/2045 lexers next to it.
 *
 * <p>Boundary rules (RFC 2046 §5.1.1, and what the reference server does with broken input): a line
 * starting with "--" + boundary of any open multipart (longest match wins, trailing garbage allowed) ends the
 * current part; the CRLF before it belongs to the boundary; an outer boundary also ends all inner multiparts;
 * a boundary is also recognised inside a part's header, which then ends there. Nesting deeper than
 * {@link #MAX_DEPTH} or more than {@link #MAX_PARTS} parts are not expanded: the rest stays opaque body.
 */
final class MimeParser {
    static final int MAX_DEPTH = 100;
    static final int MAX_PARTS = 10_000;
    static final int MAX_BOUNDARY = 80;
    /** Enough of a body line to recognise any boundary and its closing "--". */
    private static final int BODY_KEEP = 2 + MAX_BOUNDARY + 2 + 8;
    private static final int HEADER_KEEP = PartHeader.MAX_VALUE;
    /** How much of an over-long line is compared with the boundaries. */
    private static final int BOUNDARY_FIND_MAX = MAX_BOUNDARY + 4;

    private final LineReader r;
    private final List<byte[]> boundaries = new ArrayList<>();
    private int parts;

    /** Set by every scan: where the region just scanned ends, and the LF count there. */
    private long endOffset;
    private long endLf;
    /** The boundary whose line ended the last scan (it is the reader's current line), or null at EOF. */
    private byte[] pending;
    private boolean pendingClose;
    /** Whether that boundary line was the first line of the scanned region. */
    private boolean pendingFirst;

    private MimeParser(InputStream in) {
        r = new LineReader(in);
    }

    /** @param sizeOut receives the message size and, as 1 or 0, whether it contains NUL */
    static MimePart parse(InputStream in, long[] sizeOut) throws IOException {
        MimeParser p = new MimeParser(in);
        MimePart root = new MimePart();
        p.parts = 1;
        p.part(root, 0, false, false, true);
        p.r.skipToEof();
        sizeOut[0] = p.r.offset();
        if (sizeOut.length > 1) {
            sizeOut[1] = p.r.sawNul() ? 1 : 0;
        }
        return root;
    }

    private void part(MimePart part, int depth, boolean digestChild, boolean multipartChild, boolean messageRoot)
            throws IOException {
        long headerStart = r.offset();
        part.headerOffset = headerStart;
        PartHeader h = new PartHeader(messageRoot);
        int blankLine = readHeader(part, h);
        boolean bodyFollows = blankLine > 0;
        h.finish();
        describe(part, h, depth, digestChild, multipartChild);
        if (messageRoot) {
            part.envelope = h.envelope();
        }
        part.bodyOffset = headerStart + part.headerLength;
        if (!bodyFollows) {
            // EOF or a boundary right after the header: empty body
            part.bodyLength = 0;
            part.bodyLines = 0;
            if (part.kind == MimePart.Kind.MESSAGE) {
                part.children = List.of(emptyMessage(part.bodyOffset));
            }
            return;
        }
        long bodyStart = part.bodyOffset;
        long lfAtStart = r.lfAfter();
        if (part.kind == MimePart.Kind.MULTIPART && h.boundary != null) {
            multipartBody(part, h.boundary, depth);
        } else if (part.kind == MimePart.Kind.MESSAGE) {
            MimePart child = new MimePart();
            parts++;
            part(child, depth + 1, false, false, true);
            part.children = List.of(child);
        } else {
            skipBody(bodyStart);
        }
        if (pending != null && pendingFirst && endOffset == bodyStart) {
            // an enclosing boundary right after the blank line: that line break is the boundary's
            // (RFC 2046 §5.1.1), so this part is a header without blank line and without body
            part.headerLength -= blankLine;
            part.bodyOffset -= blankLine;
            endOffset = part.bodyOffset;
            endLf--;
            part.bodyLength = 0;
            part.bodyLines = 0;
            if (part.kind == MimePart.Kind.MESSAGE) {
                part.children = List.of(emptyMessage(part.bodyOffset));
            }
            return;
        }
        part.bodyLength = endOffset - part.bodyOffset;
        part.bodyLines = endLf - lfAtStart;
    }

    /**
     * Reads header lines into {@code h} and sets the header length. Returns the length of the blank line that
     * ended the header, or 0 when EOF or a boundary line ended it (then the scan state says where).
     */
    private int readHeader(MimePart part, PartHeader h) throws IOException {
        long headerStart = part.headerOffset;
        while (true) {
            if (!r.next(HEADER_KEEP)) {
                part.headerLength = r.offset() - headerStart;
                endOffset = r.offset();
                endLf = r.lfCount();
                pending = null;
                return 0;
            }
            if (!boundaries.isEmpty() && matchBoundary()) {
                // the header ends here; the CRLF before the boundary line is the boundary's
                boolean first = r.start == headerStart;
                endOffset = r.start - (first ? 0 : r.prevTerm);
                endLf = r.lfBefore - (first ? 0 : 1);
                pendingFirst = first;
                part.headerLength = endOffset - headerStart;
                return 0;
            }
            if (r.term > 0 && r.length == r.term) {
                part.headerLength = r.end() - headerStart;
                return r.term;
            }
            h.line(r.head, (int) Math.min(r.headLen, r.length - r.term));
        }
    }

    private void multipartBody(MimePart part, byte[] boundary, int depth) throws IOException {
        int ownIndex = boundaries.size();
        boundaries.add(boundary);
        boolean digest = part.subtype.equalsIgnoreCase("digest");
        List<MimePart> children = new ArrayList<>();
        skipBody(part.bodyOffset); // the preamble
        while (pending == boundary) {
            if (r.term == 0) {
                // a boundary line at EOF without line break: no part follows it
                endOffset = r.end();
                endLf = r.lfAfter();
                pending = null;
                break;
            }
            if (pendingClose || parts >= MAX_PARTS) {
                // the epilogue (or, past the part limit, everything else) stays in this multipart's body;
                // starting the region at the close line lets the next outer boundary take its CRLF, as
                // RFC 2046 says (the reference server leaves that CRLF in the inner multipart)
                truncate(ownIndex);
                skipBody(r.start);
                break;
            }
            MimePart child = new MimePart();
            parts++;
            part(child, depth + 1, digest, true, false);
            children.add(child);
        }
        truncate(ownIndex);
        part.children = List.copyOf(children);
    }

    private void truncate(int size) {
        while (boundaries.size() > size) {
            boundaries.remove(boundaries.size() - 1);
        }
    }

    /** Scans body lines until a boundary of an open multipart or EOF; the region starts at regionStart. */
    private void skipBody(long regionStart) throws IOException {
        if (boundaries.isEmpty()) {
            r.skipToEof();
            endOffset = r.offset();
            endLf = r.lfCount();
            pending = null;
            return;
        }
        while (r.next(BODY_KEEP)) {
            if (matchBoundary()) {
                boolean first = r.start == regionStart;
                endOffset = r.start - (first ? 0 : r.prevTerm);
                endLf = r.lfBefore - (first ? 0 : 1);
                pendingFirst = first;
                return;
            }
        }
        endOffset = r.offset();
        endLf = r.lfCount();
        pending = null;
    }

    /**
     * Whether the reader's current line is a boundary line of an open multipart; if so sets {@link #pending}
     * and {@link #pendingClose}. Prefix match as RFC 2046 asks; the longest matching boundary wins.
     */
    private boolean matchBoundary() {
        byte[] head = r.head;
        if (r.headLen < 2 || head[0] != '-' || head[1] != '-') {
            return false;
        }
        long contentLength = r.length - r.term;
        boolean whole = contentLength <= r.headLen;
        int content = (int) Math.min(r.headLen, contentLength) - 2;
        int find = content;
        if (whole) {
            if (find > 2 && head[1 + find] == '-' && head[find] == '-') {
                find -= 2;
            }
        } else {
            find = Math.min(find, BOUNDARY_FIND_MAX);
        }
        byte[] best = null;
        for (int i = boundaries.size() - 1; i >= 0; i--) {
            byte[] b = boundaries.get(i);
            if (b.length <= find && (best == null || best.length < b.length) && startsWith(head, b)) {
                best = b;
                if (b.length == find) {
                    break;
                }
            }
        }
        if (best == null) {
            return false;
        }
        pending = best;
        pendingClose = content >= best.length + 2 && head[2 + best.length] == '-' && head[3 + best.length] == '-';
        return true;
    }

    private static boolean startsWith(byte[] line, byte[] boundary) {
        for (int i = 0; i < boundary.length; i++) {
            if (line[2 + i] != boundary[i]) {
                return false;
            }
        }
        return true;
    }

    private static MimePart emptyMessage(long offset) {
        MimePart m = new MimePart();
        m.headerOffset = offset;
        m.bodyOffset = offset;
        m.envelope = Envelope.EMPTY;
        return m;
    }

    /** Type, kind and Content-* fields of a part from its collected header. */
    private void describe(MimePart part, PartHeader h, int depth, boolean digestChild, boolean multipartChild) {
        // Content-* fields count only in MIME entities: with MIME-Version or Content-Type (the reference
        // server's lenient reading), or as a body part of a multipart.
        boolean mime = h.mimeVersion || h.sawContentType || multipartChild;
        ContentFields.ContentType ct =
                mime && h.contentType() != null ? ContentFields.contentType(h.contentType()) : null;
        if (ct == null) {
            // RFC 2045 §5.2 and RFC 2046 §5.1.5 defaults, also for a syntactically invalid Content-Type
            if (digestChild) {
                part.type = "message";
                part.subtype = "rfc822";
            }
        } else {
            part.type = ct.type();
            part.subtype = ct.subtype();
            part.params = ct.params();
            if (ct.boundary() != null && !ct.boundary().isEmpty()) {
                String b = ct.boundary();
                h.boundary = (b.length() > MAX_BOUNDARY ? b.substring(0, MAX_BOUNDARY) : b)
                        .getBytes(StandardCharsets.ISO_8859_1);
            }
        }
        part.kind = kindOf(part.type, part.subtype);
        if ((part.kind == MimePart.Kind.MULTIPART || part.kind == MimePart.Kind.MESSAGE)
                && (depth >= MAX_DEPTH || parts >= MAX_PARTS)) {
            // too deep or too many parts: an opaque leaf, typed so that clients do not look inside
            part.kind = MimePart.Kind.BASIC;
            part.type = "application";
            part.subtype = "octet-stream";
            h.boundary = null;
        }
        if (!mime) {
            return;
        }
        if (h.transferEncoding() != null) {
            part.encoding = ContentFields.transferEncoding(h.transferEncoding());
        }
        part.id = HeaderText.display(h.contentId());
        part.description = HeaderText.display(h.description());
        part.md5 = HeaderText.display(h.md5());
        part.location = HeaderText.display(h.location());
        if (h.disposition() != null) {
            ContentFields.Disposition d = ContentFields.disposition(h.disposition());
            if (d != null) {
                part.disposition = d.type();
                part.dispositionParams = d.params();
            }
        }
        if (h.language() != null) {
            part.languages = ContentFields.languages(h.language());
        }
    }

    private static MimePart.Kind kindOf(String type, String subtype) {
        String t = type.toLowerCase(Locale.ROOT);
        switch (t) {
            case "multipart":
                return MimePart.Kind.MULTIPART;
            case "text":
                return MimePart.Kind.TEXT;
            case "message":
                return subtype.equalsIgnoreCase("rfc822") || subtype.equalsIgnoreCase("global")
                        ? MimePart.Kind.MESSAGE : MimePart.Kind.BASIC;
            default:
                return MimePart.Kind.BASIC;
        }
    }
}
