package org.poststelle.imap.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.poststelle.imap.protocol.ParserTestSupport.args;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.poststelle.imap.protocol.BadCommandException;

/** Parsers of the extension commands (QUOTA, COMPRESS, CONDSTORE/QRESYNC, ...): line in, record out. */
class ExtensionParseTest {

    @Test
    void quotaCommands() throws Exception {
        assertThat(GetQuota.parse(args("t GETQUOTA \"\"")).root()).isEmpty();
        assertThat(GetQuota.parse(args("t GETQUOTA user")).root()).isEqualTo("user");
        assertThat(GetQuotaRoot.parse(args("t GETQUOTAROOT inbox")).mailbox().name()).isEqualTo("INBOX");
        assertThat(SetQuota.parse(args("t SETQUOTA \"\" (storage 512 MESSAGE 10)")).limits())
                .isEqualTo(Map.of("STORAGE", 512L, "MESSAGE", 10L));
        assertThat(SetQuota.parse(args("t SETQUOTA \"\" ()")).limits()).isEmpty();
    }

    @Test
    void badQuotaCommands() {
        assertThatThrownBy(() -> GetQuota.parse(args("t GETQUOTA"))).isInstanceOf(BadCommandException.class);
        assertThatThrownBy(() -> GetQuota.parse(args("t GETQUOTA a b"))).isInstanceOf(BadCommandException.class);
        assertThatThrownBy(() -> SetQuota.parse(args("t SETQUOTA \"\" (STORAGE)")))
                .isInstanceOf(BadCommandException.class);
        assertThatThrownBy(() -> SetQuota.parse(args("t SETQUOTA \"\" STORAGE 1")))
                .isInstanceOf(BadCommandException.class);
    }

    @Test
    void deletedStorageStatusItem() throws Exception {
        assertThat(Status.parse(args("t STATUS INBOX (deleted-storage DELETED)")).items())
                .containsExactly(StatusItem.DELETED_STORAGE, StatusItem.DELETED);
        assertThat(StatusItem.DELETED_STORAGE.wireName()).isEqualTo("DELETED-STORAGE");
        assertThat(StatusItem.of("DELETED_STORAGE")).isNull();
    }

    @Test
    void selectParameters() throws Exception {
        Select plain = Select.parseSelect(args("t SELECT INBOX"));
        assertThat(plain.condstore()).isFalse();
        assertThat(plain.qresync()).isNull();
        assertThat(Select.parseExamine(args("t EXAMINE INBOX (condstore)")).condstore()).isTrue();

        Select.Qresync q = Select.parseSelect(args("t SELECT INBOX (QRESYNC (67890007 20050715194045000))"))
                .qresync();
        assertThat(q.uidValidity()).isEqualTo(67890007L);
        assertThat(q.modSeq()).isEqualTo(20050715194045000L);
        assertThat(q.knownUids()).isNull();

        q = Select.parseSelect(args("t SELECT INBOX (QRESYNC (67890007 90060115194045000 41:211,214:541 "
                + "(1:5,7 41:45,47)) CONDSTORE)")).qresync();
        assertThat(q.knownUids().toString()).isEqualTo("41:211,214:541");
        assertThat(q.seqMatchNumbers().toString()).isEqualTo("1:5,7");
        assertThat(q.seqMatchUids().toString()).isEqualTo("41:45,47");
    }

    @Test
    void badSelectParameters() {
        for (String line : new String[] {"t SELECT INBOX (FOO)", "t SELECT INBOX (QRESYNC)",
                "t SELECT INBOX (QRESYNC (1))", "t SELECT INBOX (QRESYNC (0 1))", "t SELECT INBOX (QRESYNC (1 0))",
                "t SELECT INBOX (QRESYNC (1 2 1:*))", "t SELECT INBOX (QRESYNC (1 2 $))",
                "t SELECT INBOX (QRESYNC (1 2 1:5 (1:2)))", "t SELECT INBOX (QRESYNC (1 2 1:5 (1 2) x))",
                "t SELECT INBOX (QRESYNC (1 2) QRESYNC (1 2))", "t SELECT INBOX (QRESYNC (4294967296 2))"}) {
            assertThatThrownBy(() -> Select.parseSelect(args(line))).as(line)
                    .isInstanceOf(BadCommandException.class);
        }
    }

    @Test
    void fetchModifiersAndModseq() throws Exception {
        Fetch f = Fetch.parse(args("t FETCH 1:* (FLAGS MODSEQ) (CHANGEDSINCE 12345)"));
        assertThat(f.items()).containsExactly(FetchItem.Simple.FLAGS, FetchItem.Simple.MODSEQ);
        assertThat(f.changedSince()).isEqualTo(12345L);
        assertThat(f.vanished()).isFalse();
        Fetch v = Fetch.parseUid(args("t UID FETCH 300:500 (FLAGS) (CHANGEDSINCE 12345 VANISHED)"));
        assertThat(v.vanished()).isTrue();
        assertThat(Fetch.parse(args("t FETCH 1 FLAGS")).changedSince()).isEqualTo(-1L);
        for (String line : new String[] {"t FETCH 1 FLAGS (CHANGEDSINCE)", "t FETCH 1 FLAGS (CHANGEDSINCE x)",
                "t FETCH 1 FLAGS (CHANGEDSINCE 1 VANISHED)", "t FETCH 1 FLAGS (FOO)",
                "t FETCH 1 FLAGS (CHANGEDSINCE 1 CHANGEDSINCE 2)"}) {
            assertThatThrownBy(() -> Fetch.parse(args(line))).as(line).isInstanceOf(BadCommandException.class);
        }
        assertThatThrownBy(() -> Fetch.parseUid(args("t UID FETCH 1 FLAGS (VANISHED)")))
                .isInstanceOf(BadCommandException.class);
    }

    @Test
    void storeUnchangedSince() throws Exception {
        assertThat(Store.parse(args("t STORE 1:3 (UNCHANGEDSINCE 0) +FLAGS (\\Seen)")).unchangedSince()).isZero();
        assertThat(Store.parseUid(args("t UID STORE 1 (unchangedsince 320162338) FLAGS.SILENT (\\Deleted)"))
                .unchangedSince()).isEqualTo(320162338L);
        assertThat(Store.parse(args("t STORE 1 +FLAGS \\Seen")).unchangedSince()).isEqualTo(-1L);
        for (String line : new String[] {"t STORE 1 (UNCHANGEDSINCE) +FLAGS (\\Seen)",
                "t STORE 1 (UNCHANGEDSINCE 1 2) +FLAGS (\\Seen)", "t STORE 1 (CHANGEDSINCE 1) +FLAGS (\\Seen)"}) {
            assertThatThrownBy(() -> Store.parse(args(line))).as(line).isInstanceOf(BadCommandException.class);
        }
    }

    @Test
    void highestModSeqStatusItem() throws Exception {
        assertThat(Status.parse(args("t STATUS INBOX (HIGHESTMODSEQ MESSAGES)")).items())
                .containsExactly(StatusItem.HIGHESTMODSEQ, StatusItem.MESSAGES);
    }

    @Test
    void replace() throws Exception {
        Replace r = Replace.parse(args("t REPLACE 4 Drafts (\\Seen \\Draft) {5+}\r\nhello"));
        assertThat(r.uid()).isFalse();
        assertThat(r.message().toString()).isEqualTo("4");
        assertThat(r.target().name()).isEqualTo("Drafts");
        assertThat(r.data().flags()).containsExactly("\\Seen", "\\Draft");
        assertThat(r.data().internalDate()).isNull();
        assertThat(r.data().utf8()).isFalse();
        assertThat(r.data().content().data().size()).isEqualTo(5);
        Replace u = Replace.parseUid(args("t UID REPLACE 2000 INBOX \"01-Jan-2024 10:00:00 +0000\" {1+}\r\nx"));
        assertThat(u.uid()).isTrue();
        assertThat(u.data().internalDate()).isNotNull();
        assertThat(Replace.parse(args("t REPLACE * INBOX {1+}\r\nx")).message().toString()).isEqualTo("*");
        assertThat(Replace.parse(args("t REPLACE 1 INBOX UTF8 (~{1+}\r\nx)")).data().utf8()).isTrue();
        for (String line : new String[] {"t REPLACE 1:2 INBOX {1+}\r\nx", "t REPLACE 1,2 INBOX {1+}\r\nx",
                "t REPLACE $ INBOX {1+}\r\nx", "t REPLACE 0 INBOX {1+}\r\nx", "t REPLACE 1 INBOX",
                "t REPLACE 1 INBOX {1+}\r\nx {1+}\r\ny", "t REPLACE INBOX {1+}\r\nx"}) {
            assertThatThrownBy(() -> Replace.parse(args(line))).as(line).isInstanceOf(BadCommandException.class);
        }
    }

    @Test
    void appendUtf8() throws Exception {
        Append a = Append.parse(args("t APPEND INBOX (\\Seen) UTF8 (~{5+}\r\nhello)"));
        assertThat(a.messages().get(0).utf8()).isTrue();
        assertThat(a.messages().get(0).flags()).containsExactly("\\Seen");
        assertThat(a.messages().get(0).content().binary()).isTrue();
        Append dated = Append.parse(
                args("t APPEND INBOX \"01-Jan-2024 10:00:00 +0000\" utf8 (~{1+}\r\nx) {1+}\r\ny"));
        assertThat(dated.messages()).extracting(Append.Message::utf8).containsExactly(true, false);
        assertThat(dated.messages().get(0).internalDate()).isNotNull();
        assertThat(Append.parse(args("t APPEND INBOX {5+}\r\nhello")).messages().get(0).utf8()).isFalse();
        for (String line : new String[] {"t APPEND INBOX UTF8 ({1+}\r\nx)", "t APPEND INBOX UTF8 ~{1+}\r\nx",
                "t APPEND INBOX UTF8 ()", "t APPEND INBOX UTF8 (~{1+}\r\nx ~{1+}\r\ny)"}) {
            assertThatThrownBy(() -> Append.parse(args(line))).as(line).isInstanceOf(BadCommandException.class);
        }
    }
}
