package org.poststelle.core.auth;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import org.poststelle.core.auth.throttle.DelayScheduler;

/** A clock and scheduler that only move when the test says so: delays are checked without waiting. */
public final class ManualTime implements InstantSource, DelayScheduler {
    private record Task(Instant due, Runnable task) {
    }

    private Instant now = Instant.parse("2024-01-01T00:00:00Z");
    private final List<Task> tasks = new ArrayList<>();
    private final List<Duration> requested = new ArrayList<>();
    private final List<String> threads = new ArrayList<>();

    @Override
    public synchronized Instant instant() {
        return now;
    }

    @Override
    public synchronized void schedule(Duration delay, Runnable task) {
        requested.add(delay);
        threads.add(Thread.currentThread().getName());
        tasks.add(new Task(now.plus(delay), task));
        runDue();
    }

    /** Moves time forward and runs every task that is due. */
    public void advance(Duration d) {
        synchronized (this) {
            now = now.plus(d);
        }
        runDue();
    }

    /** Every delay asked for so far, in order. */
    public synchronized List<Duration> requestedDelays() {
        return List.copyOf(requested);
    }

    /** The threads that scheduled each delay, in order. */
    public synchronized List<String> schedulingThreads() {
        return List.copyOf(threads);
    }

    public synchronized Duration lastDelay() {
        return requested.get(requested.size() - 1);
    }

    private void runDue() {
        List<Runnable> due = new ArrayList<>();
        synchronized (this) {
            tasks.removeIf(t -> {
                if (!t.due.isAfter(now)) {
                    due.add(t.task);
                    return true;
                }
                return false;
            });
        }
        due.forEach(Runnable::run);
    }
}
