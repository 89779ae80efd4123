package org.poststelle.imap.session;

import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.poststelle.imap.ImapConfig;
import org.poststelle.imap.response.UntaggedStatus;
import org.poststelle.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A session's IDLE (RFC 2177): pushes the selected mailbox's changes on every hint, re-reads it
 * periodically in case a hint was lost, and sends {@code * OK Still here} so NAT gateways keep the
 * connection. Only the session's own executor touches it, apart from {@link #idling()}.
 */
final class Idle {
    private static final Logger LOG = LoggerFactory.getLogger(Idle.class);

    private final ImapSession s;
    private volatile boolean idling;
    private ScheduledFuture<?> keepalive;
    private ScheduledFuture<?> recheck;

    Idle(ImapSession session) {
        this.s = session;
    }

    boolean idling() {
        return idling;
    }

    void start(EventExecutor executor) {
        idling = true;
        ImapConfig cfg = s.config();
        long keep = cfg.idleKeepalive().toMillis();
        keepalive = executor.scheduleAtFixedRate(() -> {
            if (idling && !s.isClosed()) {
                s.out().write(UntaggedStatus.ok(null, "Still here"));
                s.out().flush();
            }
        }, keep, keep, TimeUnit.MILLISECONDS);
        long every = cfg.idleRecheck().toMillis();
        recheck = executor.scheduleAtFixedRate(() -> sync(true), every, every, TimeUnit.MILLISECONDS);
        sync(true);
    }

    void stop() {
        idling = false;
        if (keepalive != null) {
            keepalive.cancel(false);
            recheck.cancel(false);
            keepalive = null;
            recheck = null;
        }
    }

    /** Reports the selected mailbox's changes now (on a hint, or {@code force}d by the periodic re-check). */
    void sync(boolean force) {
        SelectedMailbox sel = s.selected();
        if (idling && sel != null && !s.isClosed()) {
            try {
                sel.sync(s.out(), s.extensions(), true, force);
            } catch (StoreException e) {
                LOG.debug("session {}: idle sync failed: {}", s.info().id(), e.getMessage());
            }
            s.out().flush();
        }
    }
}
