package org.poststelle.server;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;

/** Where the CLI gets passwords: standard input, a terminal prompt, or a generated one. Never argv. */
final class Passwords {
    private static final String ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Passwords() {
    }

    /** The first line of standard input (without the line end). */
    static char[] fromStdin() throws IOException {
        BufferedReader r = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line = r.readLine();
        if (line == null || line.isEmpty()) {
            throw new Main.CliException("no password on standard input", 1);
        }
        return line.toCharArray();
    }

    /** Asks twice on the terminal without echo; null when there is no terminal. */
    static char[] prompt(String what) {
        Console c = System.console();
        if (c == null) {
            return null;
        }
        char[] a = c.readPassword("%s: ", what);
        char[] b = c.readPassword("%s (again): ", what);
        if (a == null || b == null || !Arrays.equals(a, b)) {
            throw new Main.CliException("the passwords differ", 1);
        }
        if (a.length == 0) {
            throw new Main.CliException("empty password", 1);
        }
        return a;
    }

    /** A random password of 20 characters from an alphabet without look-alikes (~115 bits). */
    static char[] generate() {
        char[] p = new char[20];
        for (int i = 0; i < p.length; i++) {
            p[i] = ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length()));
        }
        return p;
    }
}
