package org.poststelle.bench.imap;

import org.poststelle.bench.Bench;

/**
 * IMAP benchmarks (commands and figures in docs/BENCHMARKS.md, section IMAP).
 *
 * <pre>
 * imap-serve        --data DIR [--port 11143] [--tls-port 11993] [--users user1..user200] [--password pass]
 *                   [--fsync true] [--io-threads N] [--session-threads N] [--report 10s]
 * imap-load         --target NAME=HOST:PORT ... [--users user1..user200] [--password pass] [--clients 20]
 *                   [--messages 20] [--duration 30s] [--warmup 5s] [--tls]
 * imap-idle         [--host 127.0.0.1] [--port 11143] [--connections 10000] [--users ...] [--hold 60s] [--tls]
 * imap-fetch-flags  [--messages 100000] [--rounds 10] [--tls] [--data DIR] [--keep]
 * imap-seed         --maildir DIR ... [--kind large|text] [--messages N] [--size 10240] [--owner vmail]
 * imap-qresync      --target NAME=HOST:PORT ... [--pid NAME=PID ...] [--user user1] [--password pass]
 *                   [--changes 1000] [--warmup 5] [--runs 20]
 * imap-search       --target NAME=HOST:PORT ... [--pid NAME=PID ...] [--user user2] [--password pass]
 *                   [--query 'TEXT "x"' ...] [--warmup 2] [--runs 6]
 * </pre>
 */
public final class ImapBench {
    static {
        Bench.register("imap-serve", ServeCommand::run);
        Bench.register("imap-load", LoadGenerator::run);
        Bench.register("imap-idle", IdleFlood::run);
        Bench.register("imap-fetch-flags", FetchFlags::run);
        Bench.register("imap-seed", CompareBench::seed);
        Bench.register("imap-qresync", CompareBench::qresync);
        Bench.register("imap-search", CompareBench::search);
    }

    private ImapBench() {
    }

    /** INFO and above: the bench jar has no logging configuration, and DEBUG output would cost time. */
    static void quietLogging() {
        org.slf4j.Logger root = org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        if (root instanceof ch.qos.logback.classic.Logger logback) {
            logback.setLevel(ch.qos.logback.classic.Level.INFO);
        }
    }
}
