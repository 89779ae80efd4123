package org.poststelle.store.search;

import java.util.Objects;

/** One SORT criterion: a key, optionally preceded by REVERSE. */
public record SortCriterion(SortKey key, boolean reverse) {

    public SortCriterion {
        Objects.requireNonNull(key, "key");
    }

    public static SortCriterion of(SortKey key) {
        return new SortCriterion(key, false);
    }

    public static SortCriterion reversed(SortKey key) {
        return new SortCriterion(key, true);
    }
}
