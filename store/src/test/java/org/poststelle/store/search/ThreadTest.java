package org.poststelle.store.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * THREAD=ORDEREDSUBJECT and THREAD=REFERENCES on small hand-built conversations; the expected answers are the
 * reference Dovecot 2.3's for the same messages.
 */
class ThreadTest {
    @TempDir
    Path dir;
    SearchFixture f;

    @BeforeEach
    void open() {
        f = new SearchFixture(dir);
    }

    @AfterEach
    void close() {
        f.close();
    }

    private long msg(String id, String refs, String subject, String date) {
        StringBuilder h = new StringBuilder();
        if (id != null) {
            h.append("Message-ID: <").append(id).append(">\n");
        }
        if (refs != null) {
            h.append(refs).append('\n');
        }
        h.append("Subject: ").append(subject).append("\nDate: ").append(date);
        return f.append(h.toString(), "body");
    }

    private String render(ThreadAlgorithm algorithm) {
        return ThreadNode.render(f.thread(algorithm), uid -> uid);
    }

    /** A conversation with a reply chain, a missing parent, and a reply known only by its subject. */
    private void conversation() {
        msg("1@x", null, "food", "Mon, 1 Jan 2024 10:00:00 +0000"); // 1
        msg("2@x", "In-Reply-To: <1@x>", "Re: food", "Tue, 2 Jan 2024 10:00:00 +0000"); // 2
        msg("3@x", "References: <1@x> <2@x>", "Re: food", "Wed, 3 Jan 2024 10:00:00 +0000"); // 3
        msg("4@x", null, "other", "Thu, 4 Jan 2024 10:00:00 +0000"); // 4
        msg("5@x", "References: <1@x>", "Re: food", "Tue, 2 Jan 2024 12:00:00 +0000"); // 5
        msg("6@x", "References: <missing@x>", "lost parent", "Fri, 5 Jan 2024 10:00:00 +0000"); // 6
        msg("7@x", "References: <missing@x>", "Re: lost parent", "Sat, 6 Jan 2024 10:00:00 +0000"); // 7
        msg("8@x", null, "Re: other", "Sun, 7 Jan 2024 10:00:00 +0000"); // 8
    }

    @Test
    void referencesBuildsTreesWithDummiesAndSubjectMerging() {
        conversation();
        assertThat(render(ThreadAlgorithm.REFERENCES)).isEqualTo("(1 (2 3)(5))(4 8)((6)(7))");
        List<ThreadNode> threads = f.thread(ThreadAlgorithm.REFERENCES);
        assertThat(threads.get(2).isDummy()).isTrue();
        assertThat(threads.get(2).children()).extracting(ThreadNode::uid).containsExactly(6L, 7L);
    }

    @Test
    void orderedSubjectGroupsByBaseSubjectUnderTheFirstMessage() {
        conversation();
        assertThat(render(ThreadAlgorithm.ORDEREDSUBJECT)).isEqualTo("(1 (2)(5)(3))(4 8)(6 7)");
    }

    @Test
    void threadsAreOrderedByTheFirstMessagesDateAndRenderedWithSequenceNumbers() {
        msg("b@x", null, "late", "Fri, 5 Jan 2024 10:00:00 +0000"); // 1
        msg("a@x", null, "early", "Mon, 1 Jan 2024 10:00:00 +0000"); // 2
        msg("c@x", "In-Reply-To: <b@x>", "Re: late", "Mon, 1 Jan 2024 09:00:00 +0000"); // 3: older than its parent
        assertThat(render(ThreadAlgorithm.REFERENCES)).isEqualTo("(2)(1 3)");
        assertThat(render(ThreadAlgorithm.ORDEREDSUBJECT)).isEqualTo("(3 1)(2)");
        var snapshot = f.inbox.snapshot();
        assertThat(ThreadNode.render(f.thread(ThreadAlgorithm.REFERENCES), uid -> snapshot.indexOf(uid) + 1))
                .isEqualTo("(2)(1 3)");
    }

    @Test
    void replyToAReplyMissingFromTheMailboxHangsUnderItsAncestor() {
        msg("1@x", null, "q", "Mon, 1 Jan 2024 10:00:00 +0000");
        // 2@x is not in the mailbox; 3 replies to it
        msg("3@x", "References: <1@x> <2@x>", "Re: q", "Wed, 3 Jan 2024 10:00:00 +0000");
        msg("4@x", "References: <1@x> <2@x>", "Re: q", "Thu, 4 Jan 2024 10:00:00 +0000");
        // the dummy for 2@x is not at the top, so its children are promoted under 1
        assertThat(render(ThreadAlgorithm.REFERENCES)).isEqualTo("(1 (2)(3))");
        assertThat(render(ThreadAlgorithm.ORDEREDSUBJECT)).isEqualTo("(1 (2)(3))");
    }

    @Test
    void loopsDuplicatesAndMissingIdsDoNotBreakTheTree() {
        msg("a@x", "References: <b@x>", "loop", "Mon, 1 Jan 2024 10:00:00 +0000"); // 1
        msg("b@x", "References: <a@x>", "loop", "Tue, 2 Jan 2024 10:00:00 +0000"); // 2
        msg("a@x", null, "duplicate id", "Wed, 3 Jan 2024 10:00:00 +0000"); // 3
        msg(null, "References: <a@x> <a@x> <a@x>", "no id", "Thu, 4 Jan 2024 10:00:00 +0000"); // 4
        msg("self@x", "References: <self@x>", "self", "Fri, 5 Jan 2024 10:00:00 +0000"); // 5
        String r = render(ThreadAlgorithm.REFERENCES);
        for (String n : List.of("1", "2", "3", "4", "5")) {
            assertThat(r).containsOnlyOnce(n);
        }
        // 2 takes the dummy that 1 hung under, and cannot also be 1's child; 3 gets a unique id; 4 replies to 1
        assertThat(r).isEqualTo("(2 1 4)(3)(5)");
        assertThat(render(ThreadAlgorithm.ORDEREDSUBJECT)).isEqualTo("(1 2)(3)(4)(5)");
    }

    @Test
    void subjectMergingPrefersTheOriginalAndMakesDummiesForEqualPeers() {
        msg("1@x", null, "Re: topic", "Mon, 1 Jan 2024 10:00:00 +0000"); // 1: a reply whose parent is unknown
        msg("2@x", null, "topic", "Tue, 2 Jan 2024 10:00:00 +0000"); // 2: the original
        msg("3@x", null, "plain", "Wed, 3 Jan 2024 10:00:00 +0000"); // 3
        msg("4@x", null, "plain", "Thu, 4 Jan 2024 10:00:00 +0000"); // 4: same subject, neither a reply
        assertThat(render(ThreadAlgorithm.REFERENCES)).isEqualTo("(2 1)((3)(4))");
        assertThat(render(ThreadAlgorithm.ORDEREDSUBJECT)).isEqualTo("(1 2)(3 4)");
    }

    private static ThreadNode node(long uid, ThreadNode... children) {
        return new ThreadNode(uid, List.of(children));
    }

    @Test
    void renderWritesSingleRepliesInlineAndSeveralAsNestedLists() {
        ThreadNode t = node(3, node(6, node(4, node(23)), node(44, node(7, node(96)))));
        assertThat(ThreadNode.render(List.of(node(2), t), u -> u)).isEqualTo("(2)(3 6 (4 23)(44 7 96))");
        assertThat(ThreadNode.render(List.of(node(0, node(5), node(9))), u -> u)).isEqualTo("((5)(9))");
        assertThat(ThreadNode.render(List.of(), u -> u)).isEmpty();
    }

    @Test
    void renderCopesWithThreadsDeeperThanTheCallStack() {
        ThreadNode chain = node(200_000);
        ThreadNode comb = node(200_000);
        for (long uid = 199_999; uid >= 1; uid--) {
            chain = node(uid, chain);
            comb = node(uid, node(uid + 1_000_000), comb);
        }
        String c = ThreadNode.render(List.of(chain), u -> u);
        assertThat(c).startsWith("(1 2 3 ").endsWith(" 199999 200000)");
        String b = ThreadNode.render(List.of(comb), u -> u);
        assertThat(b).startsWith("(1 (1000001)(2 (1000002)(3 ");
    }
}
