package org.poststelle.core.auth.hash;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The password schemes of Dovecot's passwd-files, by name: reads {@code {SCHEME}hash} fields and makes new
 * ones. Scheme names are case-insensitive and may carry Dovecot's {@code .B64}/{@code .HEX} encoding suffix.
 * A field without {@code {...}} is {CRYPT}, Dovecot's default scheme for passwd-files.
 */
public final class PasswordSchemes {
    /** The scheme for new passwords unless configured otherwise. */
    public static final String DEFAULT = "ARGON2ID";

    private static final Map<String, PasswordScheme> SCHEMES = new LinkedHashMap<>();

    static {
        add(Argon2Scheme.argon2id());
        add(Argon2Scheme.argon2i());
        add(new BcryptScheme());
        add(CryptScheme.sha512());
        add(CryptScheme.sha256());
        add(new Pbkdf2Scheme());
        add(DigestScheme.salted("SSHA512", "SHA-512", 64, true));
        add(DigestScheme.salted("SSHA256", "SHA-256", 32, true));
        add(DigestScheme.salted("SSHA", "SHA-1", 20, true));
        add(new PlainScheme("PLAIN"));
        add(new PlainScheme("CLEAR"));
        add(new PlainScheme("CLEARTEXT"));
        add(CryptScheme.verifyOnly("CRYPT"));
        add(CryptScheme.verifyOnly("MD5-CRYPT"));
        add(CryptScheme.verifyOnly("MD5"));
        add(CryptScheme.verifyOnly("DES-CRYPT"));
        add(DigestScheme.salted("SMD5", "MD5", 16, false));
        add(DigestScheme.plain("SHA", "SHA-1", 20, PasswordEncoding.BASE64));
        add(DigestScheme.plain("SHA1", "SHA-1", 20, PasswordEncoding.BASE64));
        add(DigestScheme.plain("SHA256", "SHA-256", 32, PasswordEncoding.BASE64));
        add(DigestScheme.plain("SHA512", "SHA-512", 64, PasswordEncoding.BASE64));
        add(DigestScheme.plain("PLAIN-MD5", "MD5", 16, PasswordEncoding.HEX));
        add(DigestScheme.plain("LDAP-MD5", "MD5", 16, PasswordEncoding.BASE64));
        add(new ScramScheme("SCRAM-SHA-1", false));
        add(new ScramScheme("SCRAM-SHA-256", true));
    }

    private PasswordSchemes() {
    }

    private static void add(PasswordScheme scheme) {
        SCHEMES.put(scheme.name(), scheme);
    }

    /**
     * Reads a passwd-file password field.
     *
     * @throws IllegalArgumentException for an unknown scheme or a hash that cannot be decoded; the message
     *     names the scheme, never the hash
     */
    public static StoredPassword parse(String field) {
        String name = "CRYPT";
        String text = field;
        if (field.startsWith("{")) {
            int end = field.indexOf('}');
            if (end < 0) {
                throw new IllegalArgumentException("password scheme has no closing '}'");
            }
            name = field.substring(1, end);
            text = field.substring(end + 1);
        }
        String upper = name.toUpperCase(Locale.ROOT);
        PasswordEncoding encoding = null;
        int dot = upper.lastIndexOf('.');
        if (dot > 0 && !SCHEMES.containsKey(upper)) {
            encoding = PasswordEncoding.fromSuffix(upper.substring(dot + 1));
            upper = upper.substring(0, dot);
        }
        PasswordScheme scheme = SCHEMES.get(upper);
        if (scheme == null) {
            throw new IllegalArgumentException("unknown password scheme {" + name + "}");
        }
        PasswordEncoding effective = encoding == null ? scheme.defaultEncoding() : encoding;
        try {
            return new StoredPassword(scheme, effective.decode(text, scheme.rawLength()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("{" + name + "} password is not valid " + effective.name().toLowerCase(Locale.ROOT));
        }
    }

    /** Whether {@code scheme} (optionally with an encoding suffix) can make new hashes. */
    public static boolean canGenerate(String scheme) {
        PasswordScheme s = SCHEMES.get(baseName(scheme));
        return s != null && s.canGenerate();
    }

    /** Names of the schemes new hashes can be made with, strongest first. */
    public static List<String> generatable() {
        List<String> out = new ArrayList<>();
        for (PasswordScheme s : SCHEMES.values()) {
            if (s.canGenerate()) {
                out.add(s.name());
            }
        }
        return out;
    }

    /** Names of every scheme that verifies. */
    public static List<String> known() {
        return List.copyOf(SCHEMES.keySet());
    }

    /**
     * Hashes a new password: {@code {SCHEME}hash}, like {@code doveadm pw -s SCHEME}.
     *
     * @param scheme e.g. "ARGON2ID", "SHA512-CRYPT", "SSHA512.HEX"
     * @throws IllegalArgumentException when the scheme is unknown or only verifies
     */
    public static String hash(String scheme, char[] password) {
        byte[] bytes = utf8(password);
        try {
            return hash(scheme, bytes);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    public static String hash(String scheme, byte[] password) {
        String upper = scheme.toUpperCase(Locale.ROOT);
        String base = baseName(upper);
        PasswordScheme s = SCHEMES.get(base);
        if (s == null || !s.canGenerate()) {
            throw new IllegalArgumentException("cannot make new " + scheme + " hashes; use one of "
                    + String.join(", ", generatable()));
        }
        PasswordEncoding encoding = base.equals(upper) ? s.defaultEncoding()
                : PasswordEncoding.fromSuffix(upper.substring(base.length() + 1));
        return "{" + upper + "}" + encoding.encode(s.generate(password.clone()));
    }

    /** UTF-8 bytes of a password without making an intermediate String. */
    public static byte[] utf8(char[] password) {
        try {
            ByteBuffer buf = StandardCharsets.UTF_8.newEncoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).encode(CharBuffer.wrap(password));
            byte[] out = new byte[buf.remaining()];
            buf.get(out);
            if (buf.hasArray()) {
                Arrays.fill(buf.array(), (byte) 0);
            }
            return out;
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("password is not valid Unicode text");
        }
    }

    private static String baseName(String scheme) {
        String upper = scheme.toUpperCase(Locale.ROOT);
        int dot = upper.lastIndexOf('.');
        return dot > 0 && !SCHEMES.containsKey(upper) ? upper.substring(0, dot) : upper;
    }
}
