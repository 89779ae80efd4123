package org.poststelle.store.maildir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.poststelle.store.Mailbox;
import org.poststelle.store.UserMailboxes;
import org.poststelle.store.model.MailboxName;
import org.poststelle.store.model.MailboxSnapshot;

/**
 * Kills a process in the middle of appending (several times on the same Maildir) and checks that every
 * acknowledged message is there with the UID it was given, and that no UID was ever given twice.
 */
class CrashConsistencyTest {
    @TempDir
    Path dataDir;

    @Test
    void killedWhileAppendingLosesNoAcknowledgedMessageAndRepeatsNoUid() throws Exception {
        Map<Long, Long> ackedUidToId = new HashMap<>();
        Set<Long> expunged = new HashSet<>();
        Set<Long> mayBeGone = new HashSet<>();
        long nextId = 1;
        for (int round = 0; round < 2; round++) {
            List<String> lines = runAndKill(nextId, 20 + ThreadLocalRandom.current().nextInt(80));
            for (String line : lines) {
                String[] p = line.split(" ");
                if (p[0].equals("ACK")) {
                    long uid = Long.parseLong(p[1]);
                    long id = Long.parseLong(p[2]);
                    Long previous = ackedUidToId.put(uid, id);
                    assertThat(previous).as("UID %d given twice", uid).isNull();
                    nextId = Math.max(nextId, id + 1);
                } else if (p[0].equals("GONE")) {
                    expunged.add(Long.parseLong(p[1]));
                } else if (p[0].equals("EXPUNGING")) {
                    mayBeGone.add(Long.parseLong(p[1]));
                } else if (p[0].equals("ERROR")) {
                    throw new AssertionError("child failed: " + line);
                }
            }
            nextId += 10_000; // ids the killed child took but never acknowledged are not reused
            verify(ackedUidToId, expunged, mayBeGone);
        }
        assertThat(ackedUidToId).hasSizeGreaterThanOrEqualTo(40);
    }

    private List<String> runAndKill(long firstId, int acksBeforeKill) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                CrashChild.class.getName(), dataDir.toString(), String.valueOf(firstId))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<String> lines = new ArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(
                    new InputStreamReader(child.getInputStream(), StandardCharsets.US_ASCII))) {
                String line;
                while ((line = r.readLine()) != null) {
                    synchronized (lines) {
                        lines.add(line);
                    }
                }
            } catch (java.io.IOException e) {
                // the process was killed
            }
        });
        reader.start();
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                synchronized (lines) {
                    return lines.stream().filter(l -> l.startsWith("ACK") || l.startsWith("ERROR")).count()
                            >= acksBeforeKill || lines.stream().anyMatch(l -> l.startsWith("ERROR"));
                }
            });
        } finally {
            child.destroyForcibly();
            child.waitFor();
            reader.join(10_000);
        }
        synchronized (lines) {
            // a line cut off by the kill was not an acknowledgement the test can rely on
            return lines.stream().filter(l -> l.matches("(ACK \\d+ \\d+|(GONE|EXPUNGING) \\d+|ERROR .*|READY)"))
                    .toList();
        }
    }

    private void verify(Map<Long, Long> acked, Set<Long> expunged, Set<Long> mayBeGone) throws Exception {
        try (MaildirMailStore store = TestStores.open(dataDir)) {
            UserMailboxes alice = store.forAccount(MaildirFixture.ALICE);
            try (Mailbox inbox = alice.open(MailboxName.INBOX, true)) {
                MailboxSnapshot s = inbox.snapshot();
                for (Map.Entry<Long, Long> e : acked.entrySet()) {
                    long uid = e.getKey();
                    if (expunged.contains(uid) || mayBeGone.contains(uid) && s.indexOf(uid) < 0) {
                        continue; // the child expunged it (perhaps just before it was killed)
                    }
                    assertThat(s.indexOf(uid)).as("acknowledged UID %d present", uid).isGreaterThanOrEqualTo(0);
                    String text;
                    try (var in = inbox.content(uid).open()) {
                        text = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
                    }
                    assertThat(text).as("content of UID %d", uid).contains("X-Id: " + e.getValue() + "\r\n");
                }
                for (long uid : expunged) {
                    assertThat(s.indexOf(uid)).as("expunged UID %d stays gone", uid).isLessThan(0);
                }
                long maxAcked = acked.keySet().stream().mapToLong(Long::longValue).max().orElse(0);
                assertThat(s.uidNext()).isGreaterThan(maxAcked);
            }
        }
    }
}
