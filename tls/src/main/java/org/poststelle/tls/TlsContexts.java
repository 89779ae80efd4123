package org.poststelle.tls;

import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.SupportedCipherSuiteFilter;
import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.X509ExtendedKeyManager;

/** Builds server {@link SslContext}s with Poststelle's one TLS policy. */
public final class TlsContexts {

    /**
     * TLS 1.3 suites (all AEAD with forward secrecy) and, for TLS 1.2, ECDHE with AES-GCM or
     * ChaCha20-Poly1305 only: no CBC (Lucky13, padding oracles), no static RSA key exchange (no forward
     * secrecy), no finite-field DHE (BoringSSL has none, and weak groups were the Logjam problem). This is the
     * Mozilla "intermediate" list minus DHE; every client Poststelle targets supports one of them.
     */
    public static final List<String> CIPHER_SUITES = List.of(
            "TLS_AES_128_GCM_SHA256",
            "TLS_AES_256_GCM_SHA384",
            "TLS_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256");

    private TlsContexts() {
    }

    /** The engine to use for {@code wanted}; fails when OpenSSL is demanded but does not load. */
    public static SslProvider provider(TlsConfig.Provider wanted) {
        switch (wanted) {
            case JDK:
                return SslProvider.JDK;
            case OPENSSL:
                if (!OpenSsl.isAvailable()) {
                    throw new IllegalStateException("tls.provider is openssl but netty-tcnative (BoringSSL) does not load: "
                            + OpenSsl.unavailabilityCause());
                }
                return SslProvider.OPENSSL;
            default:
                return OpenSsl.isAvailable() ? SslProvider.OPENSSL : SslProvider.JDK;
        }
    }

    /** "OpenSSL" or "JDK", as {@link ServerTls#provider()} reports it. */
    public static String name(SslProvider provider) {
        return provider == SslProvider.JDK ? "JDK" : "OpenSSL";
    }

    public static SslContext server(KeyMaterial km, SslProvider provider, List<String> protocols) throws SSLException {
        SslContextBuilder builder = provider != SslProvider.JDK && isEdDsa(km)
                // Netty's OpenSSL glue asks the key manager only for RSA and EC keys; BoringSSL itself signs
                // with Ed25519 when the client offers it, so hand it the one key whatever type is asked for.
                ? SslContextBuilder.forServer(new SingleKeyManager(km))
                : SslContextBuilder.forServer(km.key(), km.chain().toArray(X509Certificate[]::new));
        return builder
                .sslProvider(provider)
                .protocols(protocols)
                .ciphers(CIPHER_SUITES, SupportedCipherSuiteFilter.INSTANCE)
                .clientAuth(ClientAuth.NONE)
                .build();
    }

    private static boolean isEdDsa(KeyMaterial km) {
        String alg = km.key().getAlgorithm();
        return alg.equals("EdDSA") || alg.equals("Ed25519") || alg.equals("Ed448");
    }

    /** Offers its one key and chain for any key type the engine asks about. */
    private static final class SingleKeyManager extends X509ExtendedKeyManager {
        private static final String ALIAS = "server";
        private final KeyMaterial km;

        SingleKeyManager(KeyMaterial km) {
            this.km = km;
        }

        @Override
        public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
            return ALIAS;
        }

        @Override
        public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
            return ALIAS;
        }

        @Override
        public String[] getServerAliases(String keyType, Principal[] issuers) {
            return new String[] {ALIAS};
        }

        @Override
        public X509Certificate[] getCertificateChain(String alias) {
            return km.chain().toArray(X509Certificate[]::new);
        }

        @Override
        public PrivateKey getPrivateKey(String alias) {
            return km.key();
        }

        @Override
        public String[] getClientAliases(String keyType, Principal[] issuers) {
            return null;
        }

        @Override
        public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
            return null;
        }
    }
}
