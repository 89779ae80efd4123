package org.poststelle.imap.fetch;

import java.util.ArrayList;
import java.util.List;
import org.poststelle.imap.command.FetchItem;
import org.poststelle.imap.command.FetchItem.BodySection;
import org.poststelle.imap.command.FetchItem.Simple;

/**
 * What a FETCH needs before anything is read (James FetchGroup, Dovecot wanted_fields): {@code FLAGS UID}
 * comes from the session's view alone, INTERNALDATE and RFC822.SIZE from the store's index, and only
 * sections and structures open the message.
 */
final class FetchPlan {
    final List<FetchItem> items;
    final boolean needsMeta;
    final boolean needsContent;
    final boolean setsSeen;
    final boolean hasFlags;
    final boolean hasUid;
    final boolean hasModSeq;
    /** A whole message is sent (RFC822, BODY[] or BINARY[] without a partial): counted as retrieved. */
    final boolean retrievesMessage;

    private FetchPlan(List<FetchItem> items, boolean needsMeta, boolean needsContent, boolean setsSeen,
            boolean hasFlags) {
        this.items = items;
        this.needsMeta = needsMeta;
        this.needsContent = needsContent;
        this.setsSeen = setsSeen;
        this.hasFlags = hasFlags;
        this.hasUid = items.contains(Simple.UID);
        this.hasModSeq = items.contains(Simple.MODSEQ);
        this.retrievesMessage = items.stream().anyMatch(FetchPlan::isWholeMessage);
    }

    private static boolean isWholeMessage(FetchItem item) {
        if (item == Simple.RFC822) {
            return true;
        }
        if (item instanceof BodySection b) {
            return b.section().equals(org.poststelle.imap.command.Section.WHOLE) && !b.partial();
        }
        return item instanceof FetchItem.Binary b && b.section().equals(org.poststelle.imap.command.Section.WHOLE)
                && !b.partial();
    }

    static FetchPlan of(List<FetchItem> requested, boolean uidCommand) {
        return of(requested, uidCommand, false);
    }

    /** @param withModSeq add MODSEQ at the end (CHANGEDSINCE implies it, RFC 7162 section 3.1.4.1) */
    static FetchPlan of(List<FetchItem> requested, boolean uidCommand, boolean withModSeq) {
        if (withModSeq && !requested.contains(Simple.MODSEQ)) {
            List<FetchItem> more = new ArrayList<>(requested);
            more.add(Simple.MODSEQ);
            requested = more;
        }
        List<FetchItem> items = new ArrayList<>();
        if (uidCommand) {
            // a UID command always reports the UID (RFC 3501 6.4.8), first, as the reference server does
            items.add(Simple.UID);
        }
        boolean meta = false;
        boolean content = false;
        boolean seen = false;
        boolean flags = false;
        for (FetchItem item : requested) {
            if (items.contains(item)) {
                continue;
            }
            items.add(item);
            if (item instanceof Simple s) {
                switch (s) {
                    case FLAGS -> flags = true;
                    case INTERNALDATE, RFC822_SIZE, SAVEDATE, EMAILID -> meta = true;
                    case ENVELOPE, BODY, BODYSTRUCTURE, RFC822_HEADER, PREVIEW -> content = true;
                    case RFC822, RFC822_TEXT -> {
                        content = true;
                        seen = true;
                    }
                    default -> {
                    }
                }
            } else if (item instanceof BodySection b) {
                content = true;
                seen |= !b.peek();
            } else if (item instanceof FetchItem.Binary b) {
                content = true;
                seen |= !b.peek();
            } else if (item instanceof FetchItem.BinarySize) {
                content = true;
            }
        }
        return new FetchPlan(List.copyOf(items), meta, content, seen, flags);
    }
}
