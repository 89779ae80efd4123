package org.poststelle.server;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * POSIX signals: TERM and INT stop the server gracefully and exit with 0 (the JVM's own handling would run
 * shutdown hooks and exit with 143); HUP reloads what can be reloaded (certificates).
 */
final class Signals {
    private static final Logger log = LoggerFactory.getLogger(Signals.class);

    private Signals() {
    }

    static void onStop(Runnable stop) {
        handle("TERM", stop);
        handle("INT", stop);
    }

    static void onReload(Runnable reload) {
        handle("HUP", reload);
    }

    private static void handle(String name, Runnable action) {
        try {
            Signal.handle(new Signal(name), s -> {
                // signal handlers run on a JVM thread that should not block; do the work elsewhere
                Thread t = new Thread(action, "signal-" + name.toLowerCase());
                t.setDaemon(false);
                t.start();
            });
        } catch (IllegalArgumentException e) {
            log.debug("signal {} not available here", name);
        }
    }
}
