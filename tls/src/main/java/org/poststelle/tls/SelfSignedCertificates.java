package org.poststelle.tls;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The certificate used when none is configured: generated on first start, kept in the data directory
 * ({@code cert.pem}, {@code key.pem} with mode 0600) and reused on later starts, so that a client that
 * accepted it once keeps accepting it.
 *
 * <p>RSA 2048 with SHA-256, because every client Poststelle targets accepts it (older Outlook/Schannel and
 * embedded fetchmail builds are less sure with ECDSA). The validity stays under Apple's 825-day limit for TLS
 * server certificates, the subjectAltName carries every name (mbsync, fetchmail and getmail check DNS names
 * only, and Apple clients ignore the CN), the extended key usage says serverAuth, and the certificate is
 * not a CA (browsers-derived stacks refuse a CA certificate used as a server certificate).
 */
public final class SelfSignedCertificates {
    private static final Logger log = LoggerFactory.getLogger(SelfSignedCertificates.class);

    public static final String CERT_FILE = "cert.pem";
    public static final String KEY_FILE = "key.pem";
    /** Under Apple's 825-day maximum, counting the back-dating below. */
    static final Duration VALIDITY = Duration.ofDays(824);
    /** Clients with a clock slightly behind must not see a certificate from the future. */
    static final Duration BACKDATE = Duration.ofHours(1);
    /** A kept certificate closer than this to its end is replaced on start or reload. */
    static final Duration RENEW_BEFORE = Duration.ofDays(30);
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private SelfSignedCertificates() {
    }

    /** The names the self-signed certificate must hold for {@code hostname}. */
    public static List<String> namesFor(String hostname) {
        Set<String> names = new LinkedHashSet<>();
        if (hostname != null && !hostname.isBlank()) {
            names.add(hostname.trim().toLowerCase(Locale.ROOT));
        }
        names.add("localhost");
        names.add("127.0.0.1");
        return List.copyOf(names);
    }

    /**
     * The certificate in {@code dir}, reused when it is readable, holds the names for {@code hostname} and
     * is not about to expire; generated (and written) otherwise.
     */
    public static KeyMaterial loadOrCreate(Path dir, String hostname, Clock clock) {
        Path certFile = dir.resolve(CERT_FILE);
        Path keyFile = dir.resolve(KEY_FILE);
        List<String> names = namesFor(hostname);
        if (Files.exists(certFile) || Files.exists(keyFile)) {
            String why = reuseProblem(certFile, keyFile, names, clock);
            if (why == null) {
                KeyMaterial kept = loadQuietly(certFile, keyFile);
                log.info("TLS: using the self-signed certificate {} {}", certFile, kept.describe());
                return kept;
            }
            log.warn("TLS: replacing the self-signed certificate {}: {}", certFile, why);
        }
        Instant now = clock.instant();
        KeyMaterial fresh = generate(rsaKeyPair(), names, now.minus(BACKDATE), now.plus(VALIDITY));
        write(fresh, certFile, keyFile);
        log.warn("TLS: no certificate configured (tls.certificates); generated a self-signed certificate {} {}."
                + " Clients will warn about it until a real certificate is configured.", certFile, fresh.describe());
        return fresh;
    }

    /** Whether the kept certificate must be replaced (null: keep it). */
    static String reuseProblem(Path certFile, Path keyFile, List<String> names, Clock clock) {
        KeyMaterial kept;
        try {
            kept = PemFiles.load(certFile, keyFile);
        } catch (CertificateLoadException e) {
            return e.getMessage();
        }
        Instant notAfter = kept.leaf().getNotAfter().toInstant();
        if (notAfter.isBefore(clock.instant().plus(RENEW_BEFORE))) {
            return "it expires " + notAfter;
        }
        List<String> held = new ArrayList<>(kept.dnsNames());
        held.addAll(ipAddresses(kept.leaf()));
        if (!held.containsAll(names)) {
            return "it is for " + held + ", not " + names;
        }
        return null;
    }

    private static KeyMaterial loadQuietly(Path certFile, Path keyFile) {
        try {
            return PemFiles.load(certFile, keyFile);
        } catch (CertificateLoadException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    static List<String> ipAddresses(X509Certificate cert) {
        List<String> ips = new ArrayList<>();
        try {
            if (cert.getSubjectAlternativeNames() != null) {
                for (List<?> san : cert.getSubjectAlternativeNames()) {
                    if (Integer.valueOf(GeneralName.iPAddress).equals(san.get(0))) {
                        ips.add(String.valueOf(san.get(1)));
                    }
                }
            }
        } catch (GeneralSecurityException e) {
            // no readable SAN: no addresses
        }
        return ips;
    }

    public static KeyPair rsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is not available", e);
        }
    }

    /**
     * A self-signed server certificate for {@code keys} (RSA, EC or Ed25519) holding {@code names} (host
     * names and IPv4 literals) in its subjectAltName; the first name is also the CN.
     */
    public static KeyMaterial generate(KeyPair keys, List<String> names, Instant notBefore, Instant notAfter) {
        if (names.isEmpty()) {
            throw new IllegalArgumentException("a certificate needs at least one name");
        }
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.CN, names.get(0))
                .addRDN(BCStyle.O, "Poststelle self-signed")
                .build();
        BigInteger serial = new BigInteger(127, new SecureRandom());
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, serial, Date.from(notBefore),
                Date.from(notAfter), subject, keys.getPublic());
        try {
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            int usage = KeyUsage.digitalSignature | (keys.getPublic().getAlgorithm().equals("RSA") ? KeyUsage.keyEncipherment : 0);
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(usage));
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            builder.addExtension(Extension.subjectAlternativeName, false, subjectAltNames(names));
            builder.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(keys.getPublic()));
            builder.addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(keys.getPublic()));
            X509Certificate cert = new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder(signatureAlgorithm(keys)).build(keys.getPrivate())));
            return new KeyMaterial(keys.getPrivate(), List.of(cert));
        } catch (CertIOException | GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("cannot create a self-signed certificate", e);
        }
    }

    private static GeneralNames subjectAltNames(List<String> names) {
        List<GeneralName> out = new ArrayList<>();
        for (String name : names) {
            out.add(IPV4.matcher(name).matches() || name.contains(":")
                    ? new GeneralName(GeneralName.iPAddress, name)
                    : new GeneralName(GeneralName.dNSName, name));
        }
        return new GeneralNames(out.toArray(GeneralName[]::new));
    }

    private static String signatureAlgorithm(KeyPair keys) {
        String alg = keys.getPrivate().getAlgorithm();
        return switch (alg) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "EdDSA", "Ed25519" -> "Ed25519";
            case "Ed448" -> "Ed448";
            default -> throw new IllegalArgumentException("unsupported key type " + alg);
        };
    }

    /** PEM text of the certificates of {@code km} (leaf first). */
    public static String certificatesPem(List<X509Certificate> chain) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter pem = new JcaPEMWriter(out)) {
            for (X509Certificate c : chain) {
                pem.writeObject(c);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** PEM text of the private key as unencrypted PKCS#8 ("PRIVATE KEY"). */
    public static String privateKeyPem(java.security.PrivateKey key) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter pem = new JcaPEMWriter(out)) {
            pem.writeObject(new JcaPKCS8Generator(key, null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /**
     * Writes key then certificate, each to a temporary file that is synced and renamed into place, so a
     * crash leaves either the old pair, or a new key with the old certificate (rejected as not matching on
     * the next start, which then generates again): never a half-written file that looks valid.
     */
    static void write(KeyMaterial km, Path certFile, Path keyFile) {
        try {
            Path dir = certFile.toAbsolutePath().getParent();
            createPrivateDirectory(dir);
            writeAtomically(keyFile, privateKeyPem(km.key()), true);
            writeAtomically(certFile, certificatesPem(km.chain()), false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the self-signed certificate to " + certFile.getParent(), e);
        }
    }

    private static void createPrivateDirectory(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        try {
            Files.createDirectories(dir, ownerOnly("rwx------"));
        } catch (UnsupportedOperationException e) {
            Files.createDirectories(dir);
        } catch (FileAlreadyExistsException e) {
            // created concurrently: fine
        }
    }

    private static void writeAtomically(Path target, String text, boolean secret) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp;
        try {
            tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp", ownerOnly(secret ? "rw-------" : "rw-r--r--"));
        } catch (UnsupportedOperationException e) {
            tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        }
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ch.write(StandardCharsets.US_ASCII.encode(text));
                ch.force(true);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static FileAttribute<Set<PosixFilePermission>> ownerOnly(String perms) {
        return PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(perms));
    }
}
