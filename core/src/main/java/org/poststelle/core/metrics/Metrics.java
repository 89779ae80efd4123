package org.poststelle.core.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The one metrics naming scheme for both protocols. Micrometer names are dotted and Prometheus shows them
 * with underscores: {@code poststelle.commands} becomes {@code poststelle_commands_seconds_count}.
 * Tag values are lower case; {@code protocol} is "imap" or "pop3"; {@code tls} is "implicit",
 * "starttls" or "none".
 */
public final class Metrics {
    public static final String PREFIX = "poststelle.";

    private final MeterRegistry registry;
    private final Map<String, AtomicLong> openConnections = new ConcurrentHashMap<>();
    private final Map<String, Object> meters = new ConcurrentHashMap<>();

    public Metrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Metrics that go nowhere, for tests and tools. */
    public static Metrics noop() {
        return new Metrics(new SimpleMeterRegistry());
    }

    public MeterRegistry registry() {
        return registry;
    }

    /**
     * Creates a protocol's connection and traffic meters at zero, so a scrape shows them before the first
     * client connects.
     */
    public void registerListener(String protocol, String tls) {
        counter("connections.accepted", "protocol", protocol);
        counter("bytes.in", "protocol", protocol);
        counter("bytes.out", "protocol", protocol);
        connectionsOpen(protocol, tls, 0);
    }

    /** A connection was accepted on a listener of this protocol. */
    public void connectionAccepted(String protocol) {
        counter("connections.accepted", "protocol", protocol).increment();
    }

    /** A connection refused by a connection limit ({@code reason}: total, per-address, per-user). */
    public void connectionRejected(String protocol, String reason) {
        counter("connections.rejected", "protocol", protocol, "reason", reason).increment();
    }

    /** Adjusts the open-connections gauge; {@code tls} is "implicit", "starttls" or "none". */
    public void connectionsOpen(String protocol, String tls, int delta) {
        String key = protocol + "/" + tls;
        openConnections.computeIfAbsent(key, k -> {
            AtomicLong value = new AtomicLong();
            registry.gauge(PREFIX + "connections.open",
                    io.micrometer.core.instrument.Tags.of("protocol", protocol, "tls", tls), value);
            return value;
        }).addAndGet(delta);
    }

    /** {@code result}: success, failure, temporary. */
    public void login(String protocol, String mechanism, String result) {
        counter("logins", "protocol", protocol, "mechanism", lower(mechanism), "result", result).increment();
    }

    /** One command and how long it took to answer. */
    public void command(String protocol, String command, Duration took) {
        timer("commands", "protocol", protocol, "command", lower(command)).record(took);
    }

    public void bytesIn(String protocol, long n) {
        counter("bytes.in", "protocol", protocol).increment(n);
    }

    public void bytesOut(String protocol, long n) {
        counter("bytes.out", "protocol", protocol).increment(n);
    }

    public void messagesAppended(String protocol, long n) {
        counter("messages.appended", "protocol", protocol).increment(n);
    }

    public void messagesRetrieved(String protocol, long n) {
        counter("messages.retrieved", "protocol", protocol).increment(n);
    }

    public void messagesExpunged(String protocol, long n) {
        counter("messages.expunged", "protocol", protocol).increment(n);
    }

    private static String lower(String s) {
        return s == null ? "unknown" : s.toLowerCase(Locale.ROOT);
    }

    private Counter counter(String name, String... tags) {
        String key = "c:" + name + String.join("\u0000", tags);
        return (Counter) meters.computeIfAbsent(key,
                k -> Counter.builder(PREFIX + name).tags(tags).register(registry));
    }

    private Timer timer(String name, String... tags) {
        String key = "t:" + name + String.join("\u0000", tags);
        return (Timer) meters.computeIfAbsent(key,
                k -> Timer.builder(PREFIX + name).tags(tags).register(registry));
    }
}
