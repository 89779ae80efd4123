package org.poststelle.store.mime;

/**
 * A Content-Type or Content-Disposition parameter. Names keep their case; RFC 2231 continuations are already
 * merged ({@code name*0*=..;name*1*=..} becomes {@code name*} with the charset/language prefix kept, as Dovecot
 * reports them).
 */
public record MimeParameter(String name, String value) {
}
