package org.poststelle.tls;

/** A certificate or key file that cannot be used; the message names the file and says why. */
public final class CertificateLoadException extends Exception {
    private static final long serialVersionUID = 1L;

    public CertificateLoadException(String message) {
        super(message);
    }

    public CertificateLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
