package org.poststelle.server;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.DefaultEventExecutorGroup;
import io.netty.util.concurrent.EventExecutorGroup;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.poststelle.core.auth.AccountPolicy;
import org.poststelle.core.auth.PasswdFileAuthenticator;
import org.poststelle.core.auth.Protocol;
import org.poststelle.core.auth.passwd.AccountAdmin;
import org.poststelle.core.auth.passwd.AccountException;
import org.poststelle.core.auth.passwd.AccountInfo;
import org.poststelle.core.auth.sasl.SaslMechanisms;
import org.poststelle.core.metrics.Metrics;
import org.poststelle.core.net.ConnectionLimits;
import org.poststelle.core.net.FrontEnd;
import org.poststelle.core.net.FrontEndServices;
import org.poststelle.tls.TlsManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The running server: everything {@code serve} starts, in one place, and the order it stops in. */
final class ServerRuntime {
    private static final Logger log = LoggerFactory.getLogger(ServerRuntime.class);

    private final Configuration config;
    private final List<AutoCloseable> resources = new ArrayList<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private TlsManager tls;
    private MailServer mailServer;
    private MetricsHttpServer metricsServer;
    private EventLoopGroup group;
    private EventExecutorGroup sessionExecutors;
    private boolean stopping;

    private ServerRuntime(Configuration config) {
        this.config = config;
    }

    static ServerRuntime start(Configuration config, PrintStream out) throws InterruptedException {
        ServerRuntime rt = new ServerRuntime(config);
        try {
            rt.startAll(out);
        } catch (RuntimeException | InterruptedException e) {
            rt.stop();
            throw e;
        }
        return rt;
    }

    private void startAll(PrintStream out) throws InterruptedException {
        setLogLevel(config.logLevel());
        ServerSettings s = config.server();
        try {
            Files.createDirectories(s.dataDir());
        } catch (IOException e) {
            throw new Main.CliException("cannot create data directory " + s.dataDir() + ": " + e.getMessage(), 1);
        }
        createFirstAccount(out);

        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        Metrics metrics = new Metrics(registry);

        tls = TlsManager.create(config.tls(), s.hostname());
        resources.add(tls);
        PasswdFileAuthenticator authenticator = PasswdFileAuthenticator.open(config.auth());
        resources.add(authenticator);
        ConnectionLimits limits = new ConnectionLimits(s.maxConnections(), s.maxConnectionsPerAddress(),
                s.maxConnectionsPerUser());

        Transport transport = Transport.best();
        group = transport.newGroup(s.ioThreads());
        int sessionThreads = s.sessionThreads() > 0 ? s.sessionThreads()
                : Math.max(8, 4 * Runtime.getRuntime().availableProcessors());
        sessionExecutors = new DefaultEventExecutorGroup(sessionThreads);
        FrontEndServices services = new FrontEndServices(authenticator, SaslMechanisms.defaults(),
                config.auth().plaintextPolicy(), metrics, limits, sessionExecutors, s.hostname());

        Map<Protocol, FrontEnd> frontEnds = new EnumMap<>(Protocol.class);
        FrontEnds.add(frontEnds, config, services, tls, resources);

        mailServer = new MailServer(s, MailServer.standardListeners(s), frontEnds, tls, metrics, limits, group,
                transport);
        try {
            mailServer.start();
        } catch (Exception e) {
            throw new Main.CliException("cannot listen: " + describe(e), 1);
        }
        if (s.metricsPort() > 0) {
            ExecutorService scrapes = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "metrics-scrape");
                t.setDaemon(true);
                return t;
            });
            resources.add(scrapes::shutdownNow);
            metricsServer = new MetricsHttpServer(registry, mailServer::healthy, scrapes);
            try {
                metricsServer.start(group, transport, s.metricsListen(), s.metricsPort());
            } catch (Exception e) {
                throw new Main.CliException("cannot listen for metrics: " + describe(e), 1);
            }
        }
        log.info("Poststelle started: data {}, transport {}, TLS by {}, {} session threads", s.dataDir(),
                transport.name(), tls.provider(), sessionThreads);
    }

    private static String describe(Exception e) {
        Throwable t = e;
        while (t.getCause() != null && !(t instanceof BindException)) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }

    /** A newcomer gets one working account at once; never when an account database exists. */
    private void createFirstAccount(PrintStream out) {
        AccountAdmin admin = AccountAdmin.open(config.auth());
        if (admin.exists()) {
            return;
        }
        char[] password = Passwords.generate();
        try {
            AccountInfo account = admin.add("postmaster", password, AccountPolicy.DEFAULT, Optional.empty());
            out.println("No account database existed, so one account was created (this is shown only once):");
            out.println("  user:     " + account.username());
            out.println("  password: " + new String(password));
            out.println("Change the password with: java -jar poststelle.jar user passwd " + account.username());
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (AccountException e) {
            throw new Main.CliException(e.getMessage(), 1);
        } finally {
            java.util.Arrays.fill(password, '\0');
        }
    }

    /** SIGHUP: pick up renewed certificates now instead of at the next periodic check. */
    void reload() {
        if (tls != null) {
            log.info("reload requested: certificates {}", tls.reload() ? "reloaded" : "unchanged");
        }
    }

    /** Graceful stop; safe to call more than once and from any thread. */
    void stop() {
        synchronized (this) {
            if (stopping) {
                return;
            }
            stopping = true;
        }
        try {
            Duration timeout = config.server().shutdownTimeout();
            if (mailServer != null) {
                log.info("stopping: {} open connections", mailServer.openConnections());
                mailServer.stop(timeout);
            }
            if (metricsServer != null) {
                metricsServer.close();
            }
            if (sessionExecutors != null) {
                sessionExecutors.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(2, TimeUnit.SECONDS);
            }
            if (group != null) {
                group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(2, TimeUnit.SECONDS);
            }
            for (int i = resources.size() - 1; i >= 0; i--) {
                try {
                    resources.get(i).close();
                } catch (Exception e) {
                    log.warn("while stopping: {}", e.toString());
                }
            }
            log.info("stopped");
        } finally {
            stopped.countDown();
        }
    }

    void awaitStopped() throws InterruptedException {
        stopped.await();
    }

    MailServer mailServer() {
        return mailServer;
    }

    MetricsHttpServer metricsServer() {
        return metricsServer;
    }

    private static void setLogLevel(String level) {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext ctx) {
            ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(Level.toLevel(level));
        }
    }
}
