package org.poststelle.core.auth.hash;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * {ARGON2ID} and {ARGON2I}: Argon2 in the PHC string format Dovecot (libsodium) writes,
 * {@code $argon2id$v=19$m=65536,t=3,p=1$<salt>$<hash>} with unpadded base64.
 *
 * <p>New hashes use libsodium's "moderate"/"interactive" limits that {@code doveadm pw} uses by default:
 * ARGON2ID m=65536 KiB (64 MiB), t=3, p=1; ARGON2I m=32768 KiB, t=4, p=1; 16-byte salt, 32-byte hash.
 */
final class Argon2Scheme implements PasswordScheme {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    /** Refuse stored parameters that would let one login take gigabytes or minutes. */
    private static final int MAX_MEMORY_KIB = 4 * 1024 * 1024;
    private static final int MAX_ITERATIONS = 1000;
    private static final int MAX_PARALLELISM = 64;
    /**
     * Reused memory blocks, one pool per hashing thread: allocating 64 MiB of fresh blocks for every hash
     * makes a login about 40% slower. Each pool keeps at most 64 MiB (the default cost); larger parameters
     * allocate the rest per hash.
     */
    private static final ThreadLocal<Argon2BytesGenerator.BlockPool> BLOCKS =
            ThreadLocal.withInitial(() -> new Argon2BytesGenerator.FixedBlockPool(65536));

    private final String name;
    private final int type;
    private final String id;
    private final int memoryKib;
    private final int iterations;

    private Argon2Scheme(String name, int type, String id, int memoryKib, int iterations) {
        this.name = name;
        this.type = type;
        this.id = id;
        this.memoryKib = memoryKib;
        this.iterations = iterations;
    }

    static Argon2Scheme argon2id() {
        return new Argon2Scheme("ARGON2ID", Argon2Parameters.ARGON2_id, "argon2id", 65536, 3);
    }

    static Argon2Scheme argon2i() {
        return new Argon2Scheme("ARGON2I", Argon2Parameters.ARGON2_i, "argon2i", 32768, 4);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public PasswordEncoding defaultEncoding() {
        return PasswordEncoding.NONE;
    }

    @Override
    public boolean verify(byte[] password, byte[] stored) {
        return verifyPhc(password, new String(stored, StandardCharsets.UTF_8));
    }

    @Override
    public boolean canGenerate() {
        return true;
    }

    @Override
    public byte[] generate(byte[] password) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        byte[] hash = compute(type, Argon2Parameters.ARGON2_VERSION_13, memoryKib, iterations, 1, salt, password, 32);
        String phc = "$" + id + "$v=19$m=" + memoryKib + ",t=" + iterations + ",p=1$" + B64.encodeToString(salt)
                + "$" + B64.encodeToString(hash);
        return phc.getBytes(StandardCharsets.US_ASCII);
    }

    /** Verifies a PHC string; false for anything malformed or out of bounds. */
    static boolean verifyPhc(byte[] password, String phc) {
        String[] parts = phc.split("\\$", -1);
        if ((parts.length != 5 && parts.length != 6) || !parts[0].isEmpty()) {
            return false;
        }
        int type = switch (parts[1]) {
            case "argon2i" -> Argon2Parameters.ARGON2_i;
            case "argon2id" -> Argon2Parameters.ARGON2_id;
            case "argon2d" -> Argon2Parameters.ARGON2_d;
            default -> -1;
        };
        if (type < 0) {
            return false;
        }
        try {
            int next = 2;
            int version = Argon2Parameters.ARGON2_VERSION_10;
            if (parts.length == 6) {
                if (!parts[2].startsWith("v=")) {
                    return false;
                }
                version = Integer.parseInt(parts[2].substring(2));
                next = 3;
            }
            if (version != Argon2Parameters.ARGON2_VERSION_10 && version != Argon2Parameters.ARGON2_VERSION_13) {
                return false;
            }
            int m = -1;
            int t = -1;
            int p = -1;
            for (String kv : parts[next].split(",")) {
                int eq = kv.indexOf('=');
                if (eq < 0) {
                    return false;
                }
                int value = Integer.parseInt(kv.substring(eq + 1));
                switch (kv.substring(0, eq)) {
                    case "m" -> m = value;
                    case "t" -> t = value;
                    case "p" -> p = value;
                    default -> {
                        return false;
                    }
                }
            }
            if (p < 1 || p > MAX_PARALLELISM || t < 1 || t > MAX_ITERATIONS || m < 8 * p || m > MAX_MEMORY_KIB) {
                return false;
            }
            byte[] salt = Base64.getDecoder().decode(parts[next + 1]);
            byte[] expected = Base64.getDecoder().decode(parts[next + 2]);
            if (salt.length < 8 || expected.length < 4 || expected.length > 1024) {
                return false;
            }
            byte[] actual = compute(type, version, m, t, p, salt, password, expected.length);
            return MessageDigest.isEqual(actual, expected);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] compute(int type, int version, int memoryKib, int iterations, int parallelism,
            byte[] salt, byte[] password, int length) {
        Argon2Parameters params = new Argon2Parameters.Builder(type).withVersion(version)
                .withMemoryAsKB(memoryKib).withIterations(iterations).withParallelism(parallelism)
                .withSalt(salt).withBlockPool(BLOCKS.get()).build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(params);
        byte[] out = new byte[length];
        generator.generateBytes(password, out);
        return out;
    }
}
