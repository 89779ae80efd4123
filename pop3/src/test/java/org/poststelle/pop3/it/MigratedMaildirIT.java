package org.poststelle.pop3.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Maildir taken over from Dovecot: its UIDs and UIDVALIDITY (dovecot-uidlist) give the same UIDLs Dovecot
 * showed with its default format, and a POP3 UIDL recorded in dovecot-uidlist (migrated from an older
 * server) is kept, so clients do not download everything again.
 */
class MigratedMaildirIT {
    @TempDir
    Path dir;

    @Test
    void uidlsStayWhatDovecotShowed() throws Exception {
        Path home = dir.resolve("home/hank");
        Path maildir = home.resolve("Maildir");
        for (String sub : List.of("cur", "new", "tmp")) {
            Files.createDirectories(maildir.resolve(sub));
        }
        byte[] m1 = Messages.simple(1);
        byte[] m2 = Messages.simple(2);
        Files.write(maildir.resolve("cur/1700000000.M1P1.oldhost,S=" + m1.length + ":2,S"), m1);
        Files.write(maildir.resolve("cur/1700000001.M2P1.oldhost,S=" + m2.length + ":2,"), m2);
        Files.writeString(maildir.resolve("dovecot-uidlist"), "3 V1795704125 N8 G0123456789abcdef0123456789abcdef\n"
                + "5 PUIDL-FROM-OLD-SERVER :1700000000.M1P1.oldhost,S=" + m1.length + "\n"
                + "7 :1700000001.M2P1.oldhost,S=" + m2.length + "\n", StandardCharsets.US_ASCII);
        try (Pop3TestServer server = Pop3TestServer.builder(dir.resolve("server"))
                .user("hank:{PLAIN}secret:::" + ":" + home + "::").start();
                LineClient c = new LineClient(server.address())) {
            c.login("hank", "secret");
            c.expect("UIDL", "+OK");
            // 0x6b08453d = 1795704125: UID 7 in Dovecot's %08Xu%08Xv
            assertThat(c.readMultiLine()).containsExactly("1 UIDL-FROM-OLD-SERVER", "2 000000076b08453d");
            c.expect("RETR 2", "+OK " + m2.length + " octets");
            assertThat(c.readBody()).isEqualTo(m2);
        }
    }
}
