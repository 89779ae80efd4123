package org.poststelle.imap.protocol;

import io.netty.channel.Channel;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.poststelle.tls.StartTls;

/**
 * Bounds how many framed commands wait for the session: a client that pipelines faster than its commands
 * run stops being read until the session catches up, so the session executor's queue cannot grow without
 * limit.
 */
public final class FlowControl {
    static final int HIGH = 64;
    static final int LOW = 16;

    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicBoolean paused = new AtomicBoolean();

    /** A command was handed to the session (event loop). */
    void framed(Channel ch) {
        if (pending.incrementAndGet() >= HIGH && paused.compareAndSet(false, true)) {
            ch.config().setAutoRead(false);
        }
    }

    /** The session finished a command (session executor). */
    public void done(Channel ch) {
        if (pending.decrementAndGet() <= LOW && paused.compareAndSet(true, false) && !StartTls.holding(ch)) {
            ch.config().setAutoRead(true);
        }
    }

    public int pending() {
        return pending.get();
    }
}
