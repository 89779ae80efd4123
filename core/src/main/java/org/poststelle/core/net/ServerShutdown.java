package org.poststelle.core.net;

/**
 * User event fired into every open channel when the server stops. IMAP answers {@code * BYE} and closes;
 * POP3 closes without entering the UPDATE state, so no deletion is applied.
 */
public final class ServerShutdown {
    public static final ServerShutdown INSTANCE = new ServerShutdown();

    private ServerShutdown() {
    }
}
