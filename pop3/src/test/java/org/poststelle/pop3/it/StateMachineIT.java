package org.poststelle.pop3.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every command in every state: the first answer line on a fresh connection. */
class StateMachineIT {
    @TempDir
    static Path dir;
    static Pop3TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = Pop3TestServer.builder(dir).start();
        server.deliver("alice", Messages.simple(1), Messages.simple(2));
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static String answer(String state, String command) throws Exception {
        LineClient c = state.equals("transaction") ? loggedIn() : new LineClient(server.address());
        try (c) {
            if (state.equals("after-user")) {
                c.expect("USER alice", "+OK");
            }
            return c.send(command);
        }
    }

    /** A session in TRANSACTION; the previous test's session may still hold the lock for a moment. */
    private static LineClient loggedIn() {
        LineClient[] client = new LineClient[1];
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> {
            LineClient c = new LineClient(server.address());
            c.expect("USER alice", "+OK");
            if (c.send("PASS secret").startsWith("+OK")) {
                client[0] = c;
                return true;
            }
            c.close();
            return false;
        });
        return client[0];
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // command            | AUTHORIZATION                   | after USER                      | TRANSACTION
        "USER bob             | +OK                             | +OK                             | -ERR USER is not valid in this state.",
        "USER                 | -ERR No username given.         | -ERR No username given.         | -ERR USER is not valid",
        "PASS secret          | -ERR No username given.         | +OK Logged in.                  | -ERR PASS is not valid",
        "PASS                 | -ERR No password given.         | -ERR No password given.         | -ERR PASS is not valid",
        "APOP alice 00000000000000000000000000000000 | -ERR [AUTH] | -ERR [AUTH]                   | -ERR APOP is not valid",
        "APOP alice           | -ERR APOP needs                 | -ERR APOP needs                 | -ERR APOP is not valid",
        "AUTH                 | +OK                             | +OK                             | -ERR AUTH is not valid",
        "AUTH PLAIN           | '+ '                            | '+ '                            | -ERR AUTH is not valid",
        "AUTH X-UNKNOWN       | -ERR Unsupported                | -ERR Unsupported                | -ERR AUTH is not valid",
        "STLS                 | +OK Begin TLS                   | +OK Begin TLS                   | -ERR STLS is not valid",
        "STLS now             | -ERR Noise after command.       | -ERR Noise after command.       | -ERR STLS is not valid",
        "UTF8                 | +OK                             | +OK                             | -ERR UTF8 is not valid",
        "CAPA                 | +OK Capability list follows     | +OK Capability list follows     | +OK Capability list follows",
        "LANG                 | +OK Language listing follows:   | +OK Language listing follows:   | +OK Language listing follows:",
        "LANG en              | +OK en                          | +OK en                          | +OK en",
        "NOOP                 | +OK                             | +OK                             | +OK",
        "noop                 | +OK                             | +OK                             | +OK",
        "QUIT                 | +OK Logging out.                | +OK Logging out.                | +OK Logging out.",
        "STAT                 | -ERR STAT is not valid          | -ERR STAT is not valid          | +OK 2 ",
        "STAT 1               | -ERR STAT is not valid          | -ERR STAT is not valid          | -ERR Noise after command.",
        "LIST                 | -ERR LIST is not valid          | -ERR LIST is not valid          | +OK 2 messages:",
        "LIST 1               | -ERR LIST is not valid          | -ERR LIST is not valid          | +OK 1 ",
        "LIST 3               | -ERR LIST is not valid          | -ERR LIST is not valid          | -ERR There's no message 3.",
        "LIST x               | -ERR LIST is not valid          | -ERR LIST is not valid          | -ERR Invalid message number: x",
        "UIDL                 | -ERR UIDL is not valid          | -ERR UIDL is not valid          | +OK",
        "UIDL 2               | -ERR UIDL is not valid          | -ERR UIDL is not valid          | +OK 2 00000002",
        "UIDL 0               | -ERR UIDL is not valid          | -ERR UIDL is not valid          | -ERR There's no message 0.",
        "RETR 1               | -ERR RETR is not valid          | -ERR RETR is not valid          | +OK ",
        "RETR                 | -ERR RETR is not valid          | -ERR RETR is not valid          | -ERR Message number missing.",
        "RETR 1 2             | -ERR RETR is not valid          | -ERR RETR is not valid          | -ERR Noise after message number.",
        "TOP 1 0              | -ERR TOP is not valid           | -ERR TOP is not valid           | +OK",
        "TOP 1                | -ERR TOP is not valid           | -ERR TOP is not valid           | -ERR TOP needs",
        "TOP 9 1              | -ERR TOP is not valid           | -ERR TOP is not valid           | -ERR There's no message 9.",
        "DELE 1               | -ERR DELE is not valid          | -ERR DELE is not valid          | +OK Marked to be deleted.",
        "DELE                 | -ERR DELE is not valid          | -ERR DELE is not valid          | -ERR Message number missing.",
        "RSET                 | -ERR RSET is not valid          | -ERR RSET is not valid          | +OK Maildrop has 2 messages",
        "XTND XLST            | -ERR Unknown command: XTND      | -ERR Unknown command: XTND      | -ERR Unknown command: XTND",
        "''                   | -ERR Unknown command:           | -ERR Unknown command:           | -ERR Unknown command:",
    })
    void firstAnswerLine(String command, String authorization, String afterUser, String transaction) throws Exception {
        assertThat(answer("authorization", command)).as("AUTHORIZATION").startsWith(authorization);
        assertThat(answer("after-user", command)).as("after USER").startsWith(afterUser);
        assertThat(answer("transaction", command)).as("TRANSACTION").startsWith(transaction);
    }
}
