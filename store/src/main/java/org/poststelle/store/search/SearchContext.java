package org.poststelle.store.search;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import org.poststelle.store.model.UidSet;

/**
 * What a search needs from the session besides the query.
 *
 * @param recent the session's \Recent UIDs (from {@code Mailbox.claimRecent()}), for RECENT, NEW and OLD
 * @param zone the time zone in which internal dates and save dates are cut into days for BEFORE/ON/SINCE and the
 *        SAVED* keys (the server's zone by default, as Dovecot does; RFC 3501 leaves it open)
 * @param now the moment OLDER and YOUNGER count back from, or null for the time the search starts
 * @param saveDateSupported whether the mailbox keeps save dates (RFC 8514 SAVEDATESUPPORTED)
 */
public record SearchContext(UidSet recent, ZoneId zone, Instant now, boolean saveDateSupported) {

    public SearchContext {
        Objects.requireNonNull(recent, "recent");
        Objects.requireNonNull(zone, "zone");
    }

    /** A context with the server's time zone, the current time and save dates supported. */
    public static SearchContext of(UidSet recent) {
        return new SearchContext(recent, ZoneId.systemDefault(), null, true);
    }

    /** For a caller without session state (tests, tools): no recent messages. */
    public static SearchContext defaults() {
        return of(UidSet.empty());
    }

    public SearchContext withZone(ZoneId newZone) {
        return new SearchContext(recent, newZone, now, saveDateSupported);
    }

    public SearchContext withNow(Instant newNow) {
        return new SearchContext(recent, zone, newNow, saveDateSupported);
    }

    public SearchContext withSaveDateSupported(boolean supported) {
        return new SearchContext(recent, zone, now, supported);
    }
}
