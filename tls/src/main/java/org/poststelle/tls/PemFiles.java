package org.poststelle.tls;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Null;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * Reads a certificate chain and a private key from PEM files as OpenSSL, certbot and other ACME clients
 * write them: certificates ({@code CERTIFICATE}), keys as PKCS#1 ({@code RSA PRIVATE KEY}), SEC1 ({@code EC
 * PRIVATE KEY}) or unencrypted PKCS#8 ({@code PRIVATE KEY}: RSA, EC, Ed25519, Ed448). Chain and key may share
 * one file. BouncyCastle only parses; the keys and certificates are the JDK's own classes so that both the
 * JDK and the OpenSSL engine accept them.
 */
public final class PemFiles {
    /** Far above any real chain; stops a wrong path (a log file, a device) from being read whole. */
    static final long MAX_FILE_SIZE = 1 << 20;

    private static final Map<ASN1ObjectIdentifier, String> KEY_ALGORITHMS = Map.of(
            PKCSObjectIdentifiers.rsaEncryption, "RSA",
            PKCSObjectIdentifiers.id_RSASSA_PSS, "RSASSA-PSS",
            X9ObjectIdentifiers.id_ecPublicKey, "EC",
            EdECObjectIdentifiers.id_Ed25519, "Ed25519",
            EdECObjectIdentifiers.id_Ed448, "Ed448");

    private PemFiles() {
    }

    /** Loads the chain from {@code certFile} and the key from {@code keyFile} and checks that they belong together. */
    public static KeyMaterial load(Path certFile, Path keyFile) throws CertificateLoadException {
        List<X509Certificate> chain = readCertificates(certFile);
        PrivateKey key = readPrivateKey(keyFile, curveOf(chain.get(0)));
        checkKeyMatches(key, chain.get(0), certFile, keyFile);
        return new KeyMaterial(key, chain);
    }

    /** All certificates in the file, in file order (leaf first for a chain file). */
    public static List<X509Certificate> readCertificates(Path file) throws CertificateLoadException {
        List<X509Certificate> chain = new ArrayList<>();
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
        for (Object o : readObjects(file)) {
            if (o instanceof X509CertificateHolder holder) {
                try {
                    chain.add(converter.getCertificate(holder));
                } catch (GeneralSecurityException | RuntimeException e) {
                    throw new CertificateLoadException(file + ": unreadable certificate: " + e.getMessage(), e);
                }
            }
        }
        if (chain.isEmpty()) {
            throw new CertificateLoadException(file + ": no PEM certificate (-----BEGIN CERTIFICATE-----) found");
        }
        return chain;
    }

    /** The one private key in the file. */
    public static PrivateKey readPrivateKey(Path file) throws CertificateLoadException {
        return readPrivateKey(file, null);
    }

    /**
     * The one private key in the file; {@code certificateCurve} names the curve of an EC key whose file does
     * not (a SEC1 key may leave its optional parameters out).
     */
    private static PrivateKey readPrivateKey(Path file, ASN1Encodable certificateCurve) throws CertificateLoadException {
        PrivateKeyInfo found = null;
        ASN1Encodable curve = certificateCurve;
        for (Object o : readObjects(file)) {
            PrivateKeyInfo info = null;
            if (o instanceof ASN1ObjectIdentifier ecParameters) {
                // `openssl ecparam -genkey` writes an EC PARAMETERS block (the curve) before the key.
                curve = ecParameters;
            }
            if (o instanceof PEMKeyPair pair) {
                info = pair.getPrivateKeyInfo();
            } else if (o instanceof PrivateKeyInfo pki) {
                info = pki;
            } else if (o instanceof PEMEncryptedKeyPair || o instanceof PKCS8EncryptedPrivateKeyInfo) {
                throw new CertificateLoadException(file + ": the private key is encrypted; a server key must be"
                        + " stored without a passphrase (protect it with file permissions: mode 0600)");
            }
            if (info != null) {
                if (found != null) {
                    throw new CertificateLoadException(file + ": more than one private key");
                }
                found = info;
            }
        }
        if (found == null) {
            throw new CertificateLoadException(file + ": no PEM private key (-----BEGIN ... PRIVATE KEY-----) found");
        }
        return toJdkKey(withCurve(found, curve, file), file);
    }

    /** An EC key with the curve named in its algorithm identifier, where the JDK looks for it. */
    private static PrivateKeyInfo withCurve(PrivateKeyInfo info, ASN1Encodable fallbackCurve, Path file)
            throws CertificateLoadException {
        AlgorithmIdentifier alg = info.getPrivateKeyAlgorithm();
        if (!alg.getAlgorithm().equals(X9ObjectIdentifiers.id_ecPublicKey) || hasParameters(alg.getParameters())) {
            return info;
        }
        try {
            ECPrivateKey sec1 = ECPrivateKey.getInstance(info.parsePrivateKey());
            ASN1Encodable curve = hasParameters(sec1.getParametersObject()) ? sec1.getParametersObject() : fallbackCurve;
            if (!hasParameters(curve)) {
                return info;
            }
            return new PrivateKeyInfo(new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, curve), sec1);
        } catch (IOException | RuntimeException e) {
            throw new CertificateLoadException(file + ": unreadable EC private key: " + e.getMessage(), e);
        }
    }

    private static boolean hasParameters(ASN1Encodable params) {
        return params != null && !(params instanceof ASN1Null);
    }

    private static ASN1Encodable curveOf(X509Certificate cert) {
        AlgorithmIdentifier alg = SubjectPublicKeyInfo.getInstance(cert.getPublicKey().getEncoded()).getAlgorithm();
        return alg.getAlgorithm().equals(X9ObjectIdentifiers.id_ecPublicKey) ? alg.getParameters() : null;
    }

    private static PrivateKey toJdkKey(PrivateKeyInfo info, Path file) throws CertificateLoadException {
        ASN1ObjectIdentifier oid = info.getPrivateKeyAlgorithm().getAlgorithm();
        String algorithm = KEY_ALGORITHMS.get(oid);
        if (algorithm == null) {
            throw new CertificateLoadException(file + ": unsupported private key type " + oid
                    + " (use RSA, EC or Ed25519)");
        }
        try {
            return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(info.getEncoded()));
        } catch (GeneralSecurityException | IOException | RuntimeException e) {
            throw new CertificateLoadException(file + ": unreadable " + algorithm + " private key: " + e.getMessage(), e);
        }
    }

    private static List<Object> readObjects(Path file) throws CertificateLoadException {
        String text;
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_SIZE) {
                throw new CertificateLoadException(file + ": " + size + " bytes, too large for a PEM file");
            }
            // Latin-1 never fails to decode; PEM is ASCII and anything else is reported by the parser.
            text = Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (NoSuchFileException e) {
            throw new CertificateLoadException(file + ": no such file", e);
        } catch (IOException e) {
            throw new CertificateLoadException(file + ": cannot read: " + e, e);
        }
        List<Object> objects = new ArrayList<>();
        try (PEMParser parser = new PEMParser(new StringReader(text))) {
            for (Object o = parser.readObject(); o != null; o = parser.readObject()) {
                objects.add(o);
            }
        } catch (IOException | RuntimeException e) {
            // PEMParser reports damaged base64 or ASN.1 as IOException and sometimes as a RuntimeException.
            throw new CertificateLoadException(file + ": not a valid PEM file (" + e.getMessage() + ")", e);
        }
        return objects;
    }

    /**
     * A signature made with the key must verify with the certificate's public key: this catches a key from
     * another certificate (a renewal that replaced one file but not yet the other) before any client sees it.
     */
    static void checkKeyMatches(PrivateKey key, X509Certificate leaf, Path certFile, Path keyFile)
            throws CertificateLoadException {
        PublicKey pub = leaf.getPublicKey();
        String mismatch = keyFile + " does not belong to the first certificate in " + certFile;
        if (key instanceof RSAKey rk && pub instanceof RSAKey rp) {
            if (!rk.getModulus().equals(rp.getModulus())) {
                throw new CertificateLoadException(mismatch);
            }
            return;
        }
        String signatureAlgorithm;
        if (key.getAlgorithm().equals("EC") && pub.getAlgorithm().equals("EC")) {
            signatureAlgorithm = "SHA256withECDSA";
        } else if (key.getAlgorithm().equals(pub.getAlgorithm())
                && (key.getAlgorithm().equals("Ed25519") || key.getAlgorithm().equals("Ed448")
                || key.getAlgorithm().equals("EdDSA"))) {
            signatureAlgorithm = key.getAlgorithm();
        } else {
            throw new CertificateLoadException(mismatch + " (a " + key.getAlgorithm() + " key for a "
                    + pub.getAlgorithm() + " certificate)");
        }
        try {
            byte[] probe = new byte[32];
            new SecureRandom().nextBytes(probe);
            Signature signer = Signature.getInstance(signatureAlgorithm);
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(signatureAlgorithm);
            verifier.initVerify(pub);
            verifier.update(probe);
            if (!verifier.verify(signature)) {
                throw new CertificateLoadException(mismatch);
            }
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new CertificateLoadException(mismatch + " (" + e.getMessage() + ")", e);
        }
    }
}
