package org.poststelle.tls;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.poststelle.core.config.ConfigException;
import org.poststelle.core.config.ConfigSection;

/**
 * The {@code tls:} section of poststelle.yml (documented in docs/config/tls.yml).
 *
 * @param certificates the configured certificates; the first is the default, the others are chosen by SNI.
 *        Empty: a self-signed certificate is generated in {@code selfSignedDir}
 * @param selfSignedDir where the self-signed certificate is kept (cert.pem, key.pem)
 * @param reloadInterval how often the certificate files are checked for changes; zero turns polling off
 * @param handshakeTimeout how long a client may take to complete the handshake
 * @param provider which TLS implementation to use
 * @param protocols the enabled protocol versions, newest first (a subset of TLSv1.3 and TLSv1.2)
 */
public record TlsConfig(List<CertificateFiles> certificates, Path selfSignedDir, Duration reloadInterval,
        Duration handshakeTimeout, Provider provider, List<String> protocols) {

    /** Which TLS implementation: OpenSSL (BoringSSL from netty-tcnative) when it loads, else the JDK's. */
    public enum Provider { AUTO, OPENSSL, JDK }

    /** One certificate: its PEM chain (leaf first) and its PEM private key (may be the same file). */
    public record CertificateFiles(Path cert, Path key) {
    }

    public static final String TLS_1_3 = "TLSv1.3";
    public static final String TLS_1_2 = "TLSv1.2";

    public TlsConfig {
        certificates = List.copyOf(certificates);
        protocols = List.copyOf(protocols);
    }

    /**
     * Reads the {@code tls} section; relative paths are resolved against {@code dataDir}. {@code
     * ConfigSection.empty()} gives the defaults: a self-signed certificate in {@code <dataDir>/tls}.
     */
    public static TlsConfig from(ConfigSection tls, Path dataDir) {
        List<CertificateFiles> certificates = new ArrayList<>();
        for (ConfigSection c : tls.sectionList("certificates")) {
            Path cert = c.path("cert", dataDir, null);
            if (cert == null) {
                throw new ConfigException(c.key("cert"), "is required: the PEM file with the certificate chain");
            }
            // A combined PEM file (chain and key in one) is common with some ACME clients and HAProxy.
            Path key = c.path("key", dataDir, cert);
            certificates.add(new CertificateFiles(cert, key));
        }
        Path selfSignedDir = tls.path("self_signed_dir", dataDir, dataDir.resolve("tls"));
        Duration reloadInterval = tls.duration("reload_interval", Duration.ofMinutes(1));
        Duration handshakeTimeout = tls.duration("handshake_timeout", Duration.ofSeconds(30));
        if (handshakeTimeout.isZero()) {
            throw new ConfigException(tls.key("handshake_timeout"), "must be more than 0");
        }
        Provider provider = tls.enumValue("provider", Provider.class, Provider.AUTO);
        String min = tls.string("min_protocol", TLS_1_2).trim();
        List<String> protocols;
        if (min.toLowerCase(Locale.ROOT).equals("tlsv1.2")) {
            protocols = List.of(TLS_1_3, TLS_1_2);
        } else if (min.toLowerCase(Locale.ROOT).equals("tlsv1.3")) {
            protocols = List.of(TLS_1_3);
        } else {
            throw new ConfigException(tls.key("min_protocol"), "must be TLSv1.2 or TLSv1.3 (got \"" + min + "\")");
        }
        return new TlsConfig(certificates, selfSignedDir, reloadInterval, handshakeTimeout, provider, protocols);
    }

    /** The defaults, with the self-signed certificate kept in {@code <dataDir>/tls} (tests, development). */
    public static TlsConfig selfSigned(Path dataDir) {
        return from(ConfigSection.empty(), dataDir);
    }

    /** The same settings with other certificates (tests). */
    public TlsConfig withCertificates(List<CertificateFiles> files) {
        return new TlsConfig(files, selfSignedDir, reloadInterval, handshakeTimeout, provider, protocols);
    }

    /** The same settings with another provider (tests run both). */
    public TlsConfig withProvider(Provider p) {
        return new TlsConfig(certificates, selfSignedDir, reloadInterval, handshakeTimeout, p, protocols);
    }

    /** The same settings with another reload interval (tests). */
    public TlsConfig withReloadInterval(Duration interval) {
        return new TlsConfig(certificates, selfSignedDir, interval, handshakeTimeout, provider, protocols);
    }
}
