package org.poststelle.tls;

import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.ChannelHandler;
import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.SniHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import io.netty.util.DomainWildcardMappingBuilder;
import io.netty.util.Mapping;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import org.poststelle.core.config.ConfigException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's TLS: certificates from PEM files (or a self-signed one), chosen by SNI, reloaded when the
 * files change; OpenSSL (BoringSSL) when it loads, the JDK otherwise.
 *
 * <p>Each {@link #newHandler} uses the certificates current at that moment, so a reload changes what new
 * connections get and leaves open ones alone. A reload that fails (a half-written file, a key that does not
 * match its certificate) keeps the working certificates, is logged, and is retried on the next check.
 *
 * <p>In tests: {@code TlsManager.selfSigned(tempDir, "localhost")} gives a working manager, and {@link
 * #clientContext()} an {@link SSLContext} that trusts it.
 */
public final class TlsManager implements ServerTls, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TlsManager.class);
    /**
     * The most the SNI handler buffers while waiting for the server name (Netty's default is 16 MiB per
     * connection). Real ClientHellos are a few KiB, with post-quantum key shares too.
     */
    static final int MAX_CLIENT_HELLO = 64 * 1024;
    /** A configured certificate closer than this to its end is warned about at every load. */
    static final Duration EXPIRY_WARNING = Duration.ofDays(14);

    /** The certificates in use: never changed, replaced whole on reload. */
    private record Contexts(List<KeyMaterial> materials, SslContext defaultContext, Mapping<String, SslContext> bySni) {
    }

    private final TlsConfig config;
    private final String hostname;
    private final Clock clock;
    private final SslProvider sslProvider;
    private final long handshakeTimeoutMillis;
    private final ScheduledExecutorService poller;
    private volatile Contexts current;
    private List<FileStamp> loadedStamps = List.of();
    private List<FileStamp> failedStamps;
    private volatile String reloadProblem;

    private TlsManager(TlsConfig config, String hostname, Clock clock) {
        this.config = config;
        this.hostname = hostname;
        this.clock = clock;
        try {
            this.sslProvider = TlsContexts.provider(config.provider());
        } catch (IllegalStateException e) {
            throw new ConfigException("tls.provider", e.getMessage());
        }
        this.handshakeTimeoutMillis = config.handshakeTimeout().toMillis();
        if (config.certificates().isEmpty()) {
            current = build(List.of(SelfSignedCertificates.loadOrCreate(config.selfSignedDir(), hostname, clock)));
        } else {
            List<FileStamp> stamps = stamps();
            current = build(loadConfigured());
            loadedStamps = stamps;
            for (KeyMaterial km : current.materials()) {
                log.info("TLS: certificate {}", km.describe());
            }
            warnAbout(current.materials());
        }
        logProvider();
        this.poller = startPolling(config.reloadInterval());
    }

    /** The manager for the {@code tls} configuration; fails with a {@link ConfigException} naming the problem. */
    public static TlsManager create(TlsConfig config, String hostname) {
        return create(config, hostname, Clock.systemUTC());
    }

    static TlsManager create(TlsConfig config, String hostname, Clock clock) {
        return new TlsManager(config, hostname, clock);
    }

    /** The default configuration: a self-signed certificate for {@code hostname} kept in {@code <dataDir>/tls}. */
    public static TlsManager selfSigned(Path dataDir, String hostname) {
        return create(TlsConfig.selfSigned(dataDir), hostname);
    }

    @Override
    public ChannelHandler newHandler(ByteBufAllocator alloc) {
        Contexts c = current;
        if (c.materials().size() == 1) {
            SslHandler handler = c.defaultContext().newHandler(alloc);
            handler.setHandshakeTimeoutMillis(handshakeTimeoutMillis);
            return HandshakeRecorder.attach(handler, null);
        }
        // No or an unknown server name gets the default (first) certificate.
        return new SniHandler(c.bySni(), MAX_CLIENT_HELLO, handshakeTimeoutMillis) {
            @Override
            protected SslHandler newSslHandler(SslContext context, ByteBufAllocator allocator) {
                return HandshakeRecorder.attach(super.newSslHandler(context, allocator), hostname());
            }
        };
    }

    @Override
    public String provider() {
        return TlsContexts.name(sslProvider);
    }

    /** The default certificate's chain, leaf first. */
    public List<X509Certificate> certificateChain() {
        return current.materials().get(0).chain();
    }

    /** Every certificate chain in use, the default first. */
    public List<List<X509Certificate>> certificateChains() {
        List<List<X509Certificate>> out = new ArrayList<>();
        for (KeyMaterial km : current.materials()) {
            out.add(km.chain());
        }
        return out;
    }

    /**
     * A client-side context that trusts exactly the certificates this server presents now (for tests and
     * tools: a self-signed certificate needs no CA).
     */
    public SSLContext clientContext() {
        List<X509Certificate> leaves = new ArrayList<>();
        for (KeyMaterial km : current.materials()) {
            leaves.add(km.leaf());
        }
        return ClientTrust.trusting(leaves);
    }

    /**
     * Reads the certificate files again now (SIGHUP). Returns whether new connections now get different
     * certificates; when the files cannot be used the previous certificates stay, the reason is logged and
     * kept in {@link #reloadProblem()}, and the periodic check retries.
     */
    public boolean reload() {
        return reload(true);
    }

    /** Why the last reload failed while the previous certificates are still in use; empty when all is well. */
    public Optional<String> reloadProblem() {
        return Optional.ofNullable(reloadProblem);
    }

    synchronized boolean reload(boolean forced) {
        if (config.certificates().isEmpty()) {
            return renewSelfSigned(forced);
        }
        List<FileStamp> stamps = stamps();
        if (!forced && stamps.equals(loadedStamps)) {
            return false;
        }
        boolean sameFailure = stamps.equals(failedStamps);
        try {
            List<KeyMaterial> loaded = loadConfigured();
            boolean changed = !leaves(loaded).equals(leaves(current.materials()));
            Contexts next = changed ? build(loaded) : null;
            loadedStamps = stamps;
            failedStamps = null;
            reloadProblem = null;
            if (changed) {
                current = next;
                for (KeyMaterial km : loaded) {
                    log.info("TLS: reloaded certificate {}", km.describe());
                }
                warnAbout(loaded);
            } else {
                log.debug("TLS: certificate files read again, certificates unchanged");
            }
            return changed;
        } catch (ConfigException e) {
            failedStamps = stamps;
            reloadProblem = e.getMessage();
            if (sameFailure && !forced) {
                log.debug("TLS: certificate files still unusable, keeping the previous certificates: {}", e.getMessage());
            } else {
                log.warn("TLS: cannot reload the certificates, keeping the previous ones (retrying at the next check): {}",
                        e.getMessage());
            }
            return false;
        }
    }

    private boolean renewSelfSigned(boolean forced) {
        X509Certificate leaf = current.materials().get(0).leaf();
        boolean due = leaf.getNotAfter().toInstant().isBefore(clock.instant().plus(SelfSignedCertificates.RENEW_BEFORE));
        if (!forced && !due) {
            return false;
        }
        KeyMaterial km = SelfSignedCertificates.loadOrCreate(config.selfSignedDir(), hostname, clock);
        if (km.leaf().equals(leaf)) {
            return false;
        }
        current = build(List.of(km));
        return true;
    }

    /** What an operator should fix soon: expiry, and a host name that no certificate holds. */
    private void warnAbout(List<KeyMaterial> materials) {
        java.time.Instant now = clock.instant();
        boolean hostCovered = hostname == null || hostname.isBlank();
        for (KeyMaterial km : materials) {
            java.time.Instant notAfter = km.leaf().getNotAfter().toInstant();
            if (notAfter.isBefore(now)) {
                log.warn("TLS: the certificate for {} EXPIRED on {}; clients will refuse it", km.dnsNames(), notAfter);
            } else if (notAfter.isBefore(now.plus(EXPIRY_WARNING))) {
                log.warn("TLS: the certificate for {} expires on {}", km.dnsNames(), notAfter);
            }
            hostCovered |= km.covers(hostname);
        }
        if (!hostCovered) {
            log.warn("TLS: no certificate holds the server's host name {}; clients connecting by that name will warn",
                    hostname);
        }
    }

    private static List<X509Certificate> leaves(List<KeyMaterial> materials) {
        List<X509Certificate> out = new ArrayList<>();
        for (KeyMaterial km : materials) {
            out.addAll(km.chain());
        }
        return out;
    }

    private List<FileStamp> stamps() {
        List<FileStamp> stamps = new ArrayList<>();
        for (TlsConfig.CertificateFiles f : config.certificates()) {
            stamps.add(FileStamp.of(f.cert()));
            stamps.add(FileStamp.of(f.key()));
        }
        return stamps;
    }

    private List<KeyMaterial> loadConfigured() {
        List<KeyMaterial> out = new ArrayList<>();
        int i = 0;
        for (TlsConfig.CertificateFiles f : config.certificates()) {
            try {
                out.add(PemFiles.load(f.cert(), f.key()));
            } catch (CertificateLoadException e) {
                throw new ConfigException("tls.certificates[" + i + "]", e.getMessage());
            }
            i++;
        }
        return out;
    }

    private Contexts build(List<KeyMaterial> materials) {
        List<SslContext> contexts = new ArrayList<>();
        int i = 0;
        for (KeyMaterial km : materials) {
            try {
                contexts.add(TlsContexts.server(km, sslProvider, config.protocols()));
            } catch (SSLException | RuntimeException e) {
                throw new ConfigException("tls.certificates[" + i + "]", "the " + provider()
                        + " TLS engine does not accept this certificate or key: " + e.getMessage());
            }
            i++;
        }
        DomainWildcardMappingBuilder<SslContext> sni = new DomainWildcardMappingBuilder<>(contexts.get(0));
        Set<String> taken = new HashSet<>();
        for (i = 0; i < materials.size(); i++) {
            for (String name : materials.get(i).dnsNames()) {
                if (!taken.add(name)) {
                    if (i > 0) {
                        log.warn("TLS: {} is also in an earlier certificate, which is used for it", name);
                    }
                    continue;
                }
                try {
                    sni.add(name, contexts.get(i));
                } catch (IllegalArgumentException e) {
                    log.warn("TLS: ignoring the name {} of certificate {} for SNI: {}", name, i, e.getMessage());
                }
            }
        }
        return new Contexts(List.copyOf(materials), contexts.get(0), sni.build());
    }

    private void logProvider() {
        if (sslProvider == SslProvider.JDK) {
            log.info("TLS: JDK provider{}, protocols {}", config.provider() == TlsConfig.Provider.JDK ? ""
                    : " (OpenSSL not available: " + OpenSsl.unavailabilityCause() + ")", config.protocols());
        } else {
            log.info("TLS: OpenSSL provider ({}), protocols {}", OpenSsl.versionString(), config.protocols());
        }
    }

    private ScheduledExecutorService startPolling(Duration interval) {
        if (interval.isZero() || interval.isNegative()) {
            return null;
        }
        ScheduledExecutorService s = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "poststelle-tls-reload");
            t.setDaemon(true);
            return t;
        });
        long millis = interval.toMillis();
        s.scheduleWithFixedDelay(this::poll, millis, millis, TimeUnit.MILLISECONDS);
        return s;
    }

    private void poll() {
        try {
            reload(false);
        } catch (RuntimeException e) {
            // Never let one bad check end the schedule.
            log.warn("TLS: certificate check failed: {}", e.toString());
        }
    }

    @Override
    public void close() {
        if (poller != null) {
            poller.shutdownNow();
        }
    }
}
