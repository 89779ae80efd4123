package org.poststelle.tls;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

/** Small facts about X.509 certificates that logs and SNI need. */
public final class Certificates {
    private static final int SAN_DNS = 2;

    private Certificates() {
    }

    /** The SHA-256 fingerprint as {@code openssl x509 -fingerprint -sha256} prints it (AB:CD:...). */
    public static String sha256Fingerprint(X509Certificate cert) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(cert.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("cannot fingerprint certificate", e);
        }
    }

    /**
     * The DNS names of the subjectAltName extension, lower case; only when there are none the subject's
     * common name (clients ignore the CN when a SAN is present, RFC 6125 section 6.4.4).
     */
    public static List<String> dnsNames(X509Certificate cert) {
        List<String> names = new ArrayList<>();
        try {
            Collection<List<?>> sans = cert.getSubjectAlternativeNames();
            if (sans != null) {
                for (List<?> san : sans) {
                    if (san.size() >= 2 && Integer.valueOf(SAN_DNS).equals(san.get(0)) && san.get(1) instanceof String s) {
                        addName(names, s);
                    }
                }
            }
        } catch (CertificateParsingException e) {
            // A certificate with an unreadable SAN still has its subject; the client decides whether to trust it.
        }
        if (names.isEmpty()) {
            X500Name subject = X500Name.getInstance(cert.getSubjectX500Principal().getEncoded());
            for (RDN rdn : subject.getRDNs(BCStyle.CN)) {
                addName(names, IETFUtils.valueToString(rdn.getFirst().getValue()));
            }
        }
        return names;
    }

    private static void addName(List<String> names, String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        if (n.endsWith(".")) {
            n = n.substring(0, n.length() - 1);
        }
        if (!n.isEmpty() && !names.contains(n)) {
            names.add(n);
        }
    }

    /** The subject in RFC 2253 form, for log lines. */
    public static String subject(X509Certificate cert) {
        return cert.getSubjectX500Principal().getName(X500Principal.RFC2253);
    }
}
