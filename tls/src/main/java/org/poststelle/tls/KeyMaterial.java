package org.poststelle.tls;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * A private key with its certificate chain, leaf first, and the host names the leaf is valid for (lower
 * case; wildcards such as {@code *.example.com} kept as written).
 */
public record KeyMaterial(PrivateKey key, List<X509Certificate> chain, List<String> dnsNames) {

    public KeyMaterial {
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("empty certificate chain");
        }
        chain = List.copyOf(chain);
        dnsNames = List.copyOf(dnsNames);
    }

    public KeyMaterial(PrivateKey key, List<X509Certificate> chain) {
        this(key, chain, Certificates.dnsNames(chain.get(0)));
    }

    public X509Certificate leaf() {
        return chain.get(0);
    }

    /** Whether the leaf is valid for {@code host} (exact name, or a wildcard covering its first label). */
    public boolean covers(String host) {
        if (host == null) {
            return false;
        }
        String h = host.trim().toLowerCase(java.util.Locale.ROOT);
        int dot = h.indexOf('.');
        for (String name : dnsNames) {
            if (name.equals(h) || (name.startsWith("*.") && dot > 0 && name.substring(1).equals(h.substring(dot)))) {
                return true;
            }
        }
        return false;
    }

    /** For logs: names, SHA-256 fingerprint and expiry of the leaf; never anything about the key. */
    public String describe() {
        return dnsNames + " SHA-256 " + Certificates.sha256Fingerprint(leaf()) + ", valid until "
                + leaf().getNotAfter().toInstant();
    }

    @Override
    public String toString() {
        return "KeyMaterial" + describe();
    }
}
