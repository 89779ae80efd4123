package org.poststelle.core.auth.hash;

import java.security.MessageDigest;

/** {PLAIN}, {CLEAR}, {CLEARTEXT}: the password itself. Only worth it for APOP; hash everything else. */
record PlainScheme(String name) implements PasswordScheme {

    @Override
    public PasswordEncoding defaultEncoding() {
        return PasswordEncoding.NONE;
    }

    @Override
    public boolean verify(byte[] password, byte[] stored) {
        return MessageDigest.isEqual(password, stored);
    }

    @Override
    public boolean canGenerate() {
        return true;
    }

    @Override
    public byte[] generate(byte[] password) {
        return password.clone();
    }

    @Override
    public boolean storesPlaintext() {
        return true;
    }
}
