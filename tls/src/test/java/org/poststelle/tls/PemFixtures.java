package org.poststelle.tls;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;

/** Certificates and keys of every supported type, written as PEM the way openssl and certbot write them. */
final class PemFixtures {
    enum KeyType { RSA_PKCS1, RSA_PKCS8, EC_SEC1, EC_PKCS8, ED25519_PKCS8 }

    private PemFixtures() {
    }

    static KeyPair keyPair(KeyType type) {
        try {
            switch (type) {
                case RSA_PKCS1:
                case RSA_PKCS8: {
                    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
                    g.initialize(2048);
                    return g.generateKeyPair();
                }
                case EC_SEC1:
                case EC_PKCS8: {
                    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
                    g.initialize(new ECGenParameterSpec("secp256r1"));
                    return g.generateKeyPair();
                }
                default:
                    return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A certificate for {@code names} valid from an hour ago for {@code validity}. */
    static KeyMaterial certificate(KeyPair keys, List<String> names) {
        Instant now = Instant.now();
        return SelfSignedCertificates.generate(keys, names, now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(90)));
    }

    /** The key in the PEM form of {@code type}: PKCS#1 "RSA PRIVATE KEY", SEC1 "EC PRIVATE KEY" or PKCS#8. */
    static String keyPem(KeyMaterial km, KeyType type) {
        switch (type) {
            case RSA_PKCS1: {
                String text = traditionalPem(km);
                if (!text.contains("-----BEGIN RSA PRIVATE KEY-----")) {
                    throw new IllegalStateException("fixture is not PKCS#1: " + text.lines().findFirst());
                }
                return text;
            }
            case EC_SEC1:
                // As `openssl ecparam -genkey -name prime256v1` writes it: the curve, then the SEC1 key
                // carrying the curve and the public key in its optional fields.
                return "-----BEGIN EC PARAMETERS-----\nBggqhkjOPQMBBw==\n-----END EC PARAMETERS-----\n" + sec1WithParameters(km);
            default:
                return SelfSignedCertificates.privateKeyPem(km.key());
        }
    }

    /** What BouncyCastle's JcaPEMWriter writes for a bare RSA/EC key: PKCS#1, or SEC1 without the curve. */
    static String traditionalPem(KeyMaterial km) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter pem = new JcaPEMWriter(out)) {
            pem.writeObject(km.key());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static String sec1WithParameters(KeyMaterial km) {
        try {
            PrivateKeyInfo pkcs8 = PrivateKeyInfo.getInstance(km.key().getEncoded());
            ECPrivateKey inner = ECPrivateKey.getInstance(pkcs8.parsePrivateKey());
            SubjectPublicKeyInfo spki = SubjectPublicKeyInfo.getInstance(km.leaf().getPublicKey().getEncoded());
            ECPrivateKey sec1 = new ECPrivateKey(256, inner.getKey(), spki.getPublicKeyData(),
                    pkcs8.getPrivateKeyAlgorithm().getParameters());
            StringWriter out = new StringWriter();
            try (PemWriter pem = new PemWriter(out)) {
                pem.writeObject(new PemObject("EC PRIVATE KEY", sec1.getEncoded()));
            }
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String chainPem(KeyMaterial km) {
        return SelfSignedCertificates.certificatesPem(km.chain());
    }

    /** Writes {@code cert.pem} and {@code key.pem} (names prefixed) in {@code dir}. */
    static TlsConfig.CertificateFiles write(Path dir, String prefix, KeyMaterial km, KeyType type) {
        try {
            Path cert = dir.resolve(prefix + "cert.pem");
            Path key = dir.resolve(prefix + "key.pem");
            Files.writeString(cert, chainPem(km), StandardCharsets.US_ASCII);
            Files.writeString(key, keyPem(km, type), StandardCharsets.US_ASCII);
            return new TlsConfig.CertificateFiles(cert, key);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static TlsConfig.CertificateFiles write(Path dir, String prefix, List<String> names) {
        return write(dir, prefix, certificate(keyPair(KeyType.EC_SEC1), names), KeyType.EC_SEC1);
    }
}
