package org.poststelle.store.maildir;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.poststelle.core.metrics.Metrics;

/** The store's own meters, named in the server's scheme ({@code poststelle.store.*}). */
final class StoreMetrics {
    private final Counter appended;
    private final Counter expunged;
    private final Counter rebuilds;

    StoreMetrics(Metrics metrics) {
        MeterRegistry r = metrics.registry();
        appended = Counter.builder(Metrics.PREFIX + "store.messages.appended").register(r);
        expunged = Counter.builder(Metrics.PREFIX + "store.messages.expunged").register(r);
        rebuilds = Counter.builder(Metrics.PREFIX + "store.index.rebuilds").register(r);
    }

    void appended(long n) {
        appended.increment(n);
    }

    void expunged(long n) {
        expunged.increment(n);
    }

    void rebuilt() {
        rebuilds.increment();
    }
}
