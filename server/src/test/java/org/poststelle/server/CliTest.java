package org.poststelle.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.poststelle.core.auth.hash.PasswordSchemes;

/** The account commands edit the file the server reads, take passwords from stdin only, and fail in one line. */
class CliTest {
    @TempDir
    Path data;

    private final PrintStream realOut = System.out;
    private final PrintStream realErr = System.err;
    private final InputStream realIn = System.in;
    private ByteArrayOutputStream out;
    private ByteArrayOutputStream err;

    @BeforeEach
    void capture() {
        out = new ByteArrayOutputStream();
        err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(realOut);
        System.setErr(realErr);
        System.setIn(realIn);
    }

    private int run(String stdin, String... args) {
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        out.reset();
        err.reset();
        return Main.run(args);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void addShowSetListPasswdDel() throws Exception {
        String d = data.toString();
        assertThat(run("s3cret-Pass\n", "user", "add", "alice@example.org", "--password-stdin", "--data", d,
                "--protocols", "imap", "--quota", "2G", "--pop3-retention", "expire=30d")).isZero();
        String file = Files.readString(data.resolve("users"));
        assertThat(file).startsWith("alice@example.org:{ARGON2ID}").doesNotContain("s3cret-Pass");

        assertThat(run("", "user", "show", "alice@example.org", "--data", d)).isZero();
        assertThat(stdout()).contains("protocols:       imap").contains("quota:           2G")
                .contains("pop3 retention:  expire=30d").doesNotContain("ARGON2ID$");

        assertThat(run("", "user", "set", "alice@example.org", "--protocols", "imap,pop3", "--disabled", "--data", d))
                .isZero();
        assertThat(run("", "user", "list", "--data", d)).isZero();
        assertThat(stdout()).contains("alice@example.org").contains("protocols=imap,pop3").contains("disabled");

        String before = Files.readString(data.resolve("users"));
        assertThat(run("other-Pass\n", "user", "passwd", "alice@example.org", "--password-stdin", "--data", d)).isZero();
        assertThat(Files.readString(data.resolve("users"))).isNotEqualTo(before);

        assertThat(run("", "user", "del", "alice@example.org", "--data", d)).isZero();
        assertThat(Files.readString(data.resolve("users"))).doesNotContain("alice");
    }

    @Test
    void mistakesAreOneLineWithoutStackTrace() {
        String d = data.toString();
        assertThat(run("", "user", "show", "nobody", "--data", d)).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("poststelle: no such account: nobody\n");
        assertThat(run("pw\n", "user", "add", "bob", "--password-stdin", "--quota", "lots", "--data", d)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8).lines().count()).isEqualTo(1);
        assertThat(run("", "user", "add", "--password", "x", "bob", "--data", d)).isEqualTo(2);
    }

    @Test
    void pwHashMakesAVerifiableHash() {
        assertThat(run("hunter2\n", "pw", "hash", "--scheme", "SHA512-CRYPT")).isZero();
        String hash = stdout().trim();
        assertThat(hash).startsWith("{SHA512-CRYPT}$6$");
        assertThat(PasswordSchemes.parse(hash).verify("hunter2".getBytes(StandardCharsets.UTF_8))).isTrue();
    }

    @Test
    void everyCommandHasHelp() {
        for (String[] cmd : new String[][] {{"--help"}, {"serve", "--help"}, {"user", "--help"}, {"user", "add", "--help"},
            {"user", "del", "--help"}, {"user", "passwd", "--help"}, {"user", "list", "--help"},
            {"user", "show", "--help"}, {"pw", "hash", "--help"}}) {
            assertThat(run("", cmd)).as(String.join(" ", cmd)).isZero();
            assertThat(stdout()).contains("Usage:");
        }
    }
}
