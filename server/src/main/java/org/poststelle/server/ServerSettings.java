package org.poststelle.server;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.poststelle.core.config.ConfigException;
import org.poststelle.core.config.ConfigSection;
import org.poststelle.core.net.Cidr;

/**
 * The server's own settings: where data lives, what to listen on, limits, the PROXY protocol and the
 * threads. Protocol, auth, TLS and store settings are read by their modules from their own sections.
 *
 * @param dataDir data directory (accounts, mail, generated certificate)
 * @param hostname name used in greetings and in the generated certificate
 * @param listen addresses every listener binds to
 * @param imapPort STARTTLS IMAP port, 0 disables
 * @param imapsPort implicit-TLS IMAP port, 0 disables
 * @param pop3Port STLS POP3 port, 0 disables
 * @param pop3sPort implicit-TLS POP3 port, 0 disables
 * @param metricsPort metrics and health HTTP port, 0 disables
 * @param metricsListen address of the metrics listener
 * @param maxConnections total connection limit (0 = none)
 * @param maxConnectionsPerAddress per client address (0 = none)
 * @param maxConnectionsPerUser per logged-in user (0 = none)
 * @param trustedProxies addresses allowed to send a PROXY protocol header
 * @param proxyHeaderTimeout how long to wait for the PROXY header from a trusted proxy
 * @param ioThreads event loop threads (0 = Netty's default)
 * @param sessionThreads threads running session code and store I/O (0 = automatic)
 * @param shutdownTimeout how long a graceful stop may take before connections are cut
 */
public record ServerSettings(Path dataDir, String hostname, List<String> listen, int imapPort, int imapsPort,
        int pop3Port, int pop3sPort, int metricsPort, String metricsListen, int maxConnections,
        int maxConnectionsPerAddress, int maxConnectionsPerUser, List<Cidr> trustedProxies,
        Duration proxyHeaderTimeout, int ioThreads, int sessionThreads, Duration shutdownTimeout) {

    public static final Path DEFAULT_DATA_DIR = Path.of("data");

    public static ServerSettings from(ConfigSection root) {
        Path dataDir = Path.of(root.string("data_dir", DEFAULT_DATA_DIR.toString()));
        String hostname = root.string("hostname", "localhost");
        List<String> listen = root.stringList("listen", List.of("127.0.0.1"));
        if (listen.isEmpty()) {
            throw new ConfigException("listen", "needs at least one address");
        }
        ConfigSection listeners = root.section("listeners");
        ConfigSection metrics = root.section("metrics");
        ConfigSection limits = root.section("limits");
        ConfigSection proxy = root.section("proxy");
        ConfigSection server = root.section("server");
        List<Cidr> trusted = new ArrayList<>();
        for (String s : proxy.stringList("trusted", List.of())) {
            try {
                trusted.add(Cidr.parse(s));
            } catch (IllegalArgumentException e) {
                throw new ConfigException(proxy.key("trusted"), e.getMessage());
            }
        }
        int sessionThreads = server.integer("session_threads", 0, 0, 4096);
        return new ServerSettings(dataDir, hostname, listen,
                listeners.port("imap", 1143), listeners.port("imaps", 1993),
                listeners.port("pop3", 1110), listeners.port("pop3s", 1995),
                metrics.port("port", 9143), metrics.string("listen", "127.0.0.1"),
                limits.integer("max_connections", 10_000, 0, Integer.MAX_VALUE),
                limits.integer("max_connections_per_address", 200, 0, Integer.MAX_VALUE),
                limits.integer("max_connections_per_user", 50, 0, Integer.MAX_VALUE),
                List.copyOf(trusted), proxy.duration("header_timeout", Duration.ofSeconds(5)),
                server.integer("io_threads", 0, 0, 1024), sessionThreads,
                server.duration("shutdown_timeout", Duration.ofSeconds(8)));
    }
}
