package org.poststelle.server;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code serve}: runs the server until SIGTERM/SIGINT. Flags beat the config file, which beats the defaults. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Run the IMAP and POP3 server.")
final class ServeCommand implements Callable<Integer> {
    @Mixin
    Locations locations;

    @Option(names = "--listen", paramLabel = "ADDR", split = ",",
            description = "Address(es) to listen on (default 127.0.0.1).")
    List<String> listen;

    @Option(names = "--imap-port", paramLabel = "N", description = "IMAP port with STARTTLS (default 1143; 0 disables).")
    Integer imapPort;

    @Option(names = "--imaps-port", paramLabel = "N", description = "IMAP port with implicit TLS (default 1993; 0 disables).")
    Integer imapsPort;

    @Option(names = "--pop3-port", paramLabel = "N", description = "POP3 port with STLS (default 1110; 0 disables).")
    Integer pop3Port;

    @Option(names = "--pop3s-port", paramLabel = "N", description = "POP3 port with implicit TLS (default 1995; 0 disables).")
    Integer pop3sPort;

    @Option(names = "--metrics-port", paramLabel = "N", description = "Metrics and health HTTP port (default 9143; 0 disables).")
    Integer metricsPort;

    @Option(names = "--allow-plaintext-auth",
            description = "Allow password logins without TLS (sets auth.plaintext_without_tls; for testing only).")
    boolean allowPlaintextAuth;

    @Override
    public Integer call() throws Exception {
        Map<String, Object> overrides = new LinkedHashMap<>();
        if (listen != null) {
            overrides.put("listen", listen);
        }
        putIf(overrides, "listeners.imap", imapPort);
        putIf(overrides, "listeners.imaps", imapsPort);
        putIf(overrides, "listeners.pop3", pop3Port);
        putIf(overrides, "listeners.pop3s", pop3sPort);
        putIf(overrides, "metrics.port", metricsPort);
        if (allowPlaintextAuth) {
            overrides.put("auth.plaintext_without_tls", true);
        }
        Configuration config = Configuration.from(locations.load(overrides));
        ServerRuntime runtime = ServerRuntime.start(config, System.out);
        Signals.onStop(runtime::stop);
        Signals.onReload(runtime::reload);
        runtime.awaitStopped();
        return 0;
    }

    private static void putIf(Map<String, Object> m, String key, Integer value) {
        if (value != null) {
            m.put(key, value);
        }
    }
}
