package org.poststelle.core.auth.throttle;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Runs a task after a delay: the failure answers of the brute-force defence. Tests pass a manual one. */
@FunctionalInterface
public interface DelayScheduler {

    void schedule(Duration delay, Runnable task);

    static DelayScheduler of(ScheduledExecutorService executor) {
        return (delay, task) -> {
            if (delay.isZero() || delay.isNegative()) {
                task.run();
            } else {
                executor.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
            }
        };
    }
}
