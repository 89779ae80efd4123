package org.poststelle.imap.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.poststelle.imap.protocol.ParserTestSupport.args;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.poststelle.imap.command.FetchItem.BodySection;
import org.poststelle.imap.command.FetchItem.Simple;
import org.poststelle.imap.command.ListMailboxes.Return;
import org.poststelle.imap.command.ListMailboxes.Selection;
import org.poststelle.imap.protocol.BadCommandException;
import org.poststelle.store.model.FlagOp;
import org.poststelle.store.model.SpecialUse;

/** Command line in, record out (Stalwart-style table tests). */
class CommandParseTest {

    @Test
    void fetchMacros() throws Exception {
        assertThat(Fetch.parse(args("t FETCH 1 ALL")).items())
                .containsExactly(Simple.FLAGS, Simple.INTERNALDATE, Simple.RFC822_SIZE, Simple.ENVELOPE);
        assertThat(Fetch.parse(args("t FETCH 1 FAST")).items())
                .containsExactly(Simple.FLAGS, Simple.INTERNALDATE, Simple.RFC822_SIZE);
        assertThat(Fetch.parse(args("t FETCH 1 FULL")).items()).contains(Simple.BODY);
    }

    @Test
    void fetchItemList() throws Exception {
        Fetch f = Fetch.parseUid(args("t UID FETCH 1:* (UID FLAGS RFC822.SIZE INTERNALDATE BODYSTRUCTURE)"));
        assertThat(f.uid()).isTrue();
        assertThat(f.set().toString()).isEqualTo("1:*");
        assertThat(f.items()).containsExactly(Simple.UID, Simple.FLAGS, Simple.RFC822_SIZE, Simple.INTERNALDATE,
                Simple.BODYSTRUCTURE);
    }

    @Test
    void fetchSections() throws Exception {
        Fetch f = Fetch.parse(args(
                "t FETCH 2 (BODY[] BODY.PEEK[HEADER] body[1.2.TEXT]<10.20> BODY.PEEK[HEADER.FIELDS (Subject \"From\")])"));
        assertThat(f.items()).containsExactly(
                new BodySection(Section.WHOLE, false, -1, 0),
                new BodySection(Section.HEADER, true, -1, 0),
                new BodySection(new Section(List.of(1, 2), Section.Kind.TEXT, List.of()), false, 10, 20),
                new BodySection(new Section(List.of(), Section.Kind.HEADER_FIELDS, List.of("Subject", "From")),
                        true, -1, 0));
    }

    @Test
    void fetchSectionWithoutParentheses() throws Exception {
        Fetch f = Fetch.parse(args("t FETCH 1 BODY.PEEK[HEADER.FIELDS.NOT (Received)]<0.1024>"));
        BodySection b = (BodySection) f.items().get(0);
        assertThat(b.section().kind()).isEqualTo(Section.Kind.HEADER_FIELDS_NOT);
        assertThat(b.section().spec()).isEqualTo("HEADER.FIELDS.NOT (RECEIVED)");
        assertThat(b.offset()).isZero();
        assertThat(b.length()).isEqualTo(1024);
    }

    @Test
    void sectionSpecsRoundTrip() throws Exception {
        assertThat(Section.parse("1.2.MIME", null).spec()).isEqualTo("1.2.MIME");
        assertThat(Section.parse("3", null).spec()).isEqualTo("3");
        assertThat(Section.parse("", null).spec()).isEmpty();
        assertThat(Section.parse("HEADER.FIELDS", java.util.List.of("X Y", "Z")).spec())
                .isEqualTo("HEADER.FIELDS (\"X Y\" Z)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"t FETCH 1 (BODY[X])", "t FETCH 1 BODY[MIME]", "t FETCH 1 BODY[0]", "t FETCH 1 BODY[1.]",
        "t FETCH 1 BODY[]<1>", "t FETCH 1 BODY[]<1.0>", "t FETCH 1 (BODY[HEADER.FIELDS])", "t FETCH 1 (FOO)",
        "t FETCH 1 ()", "t FETCH 1", "t FETCH x FLAGS", "t FETCH 1 BODY[HEADER.FIELDS ()]",
        "t FETCH 1 BODY[TEXT (A)]", "t FETCH 1 (BODY[HEADER.FIELDS (A) FLAGS)"})
    void fetchErrors(String line) {
        assertThatThrownBy(() -> Fetch.parse(args(line))).isInstanceOf(BadCommandException.class);
    }

    @Test
    void store() throws Exception {
        Store s = Store.parse(args("t STORE 1:3 +FLAGS.SILENT (\\Seen $Label1)"));
        assertThat(s.op()).isEqualTo(FlagOp.ADD);
        assertThat(s.silent()).isTrue();
        assertThat(s.flags()).containsExactly("\\Seen", "$Label1");
        Store r = Store.parseUid(args("t UID STORE 5 flags \\Deleted"));
        assertThat(r.uid()).isTrue();
        assertThat(r.op()).isEqualTo(FlagOp.REPLACE);
        assertThat(r.flags()).containsExactly("\\Deleted");
        assertThat(Store.parse(args("t STORE 1 -FLAGS ()")).flags()).isEmpty();
        assertThatThrownBy(() -> Store.parse(args("t STORE 1 XFLAGS (\\Seen)"))).isInstanceOf(BadCommandException.class);
    }

    @Test
    void listBasic() throws Exception {
        ListMailboxes l = ListMailboxes.parseList(args("t LIST \"\" %"));
        assertThat(l.extended()).isFalse();
        assertThat(l.reference()).isEmpty();
        assertThat(l.patterns()).containsExactly("%");
    }

    @Test
    void listExtended() throws Exception {
        ListMailboxes l = ListMailboxes.parseList(args(
                "t LIST (SUBSCRIBED RECURSIVEMATCH) \"\" (INBOX* Sent) RETURN (CHILDREN STATUS (MESSAGES UNSEEN))"));
        assertThat(l.extended()).isTrue();
        assertThat(l.selection()).containsExactlyInAnyOrder(Selection.SUBSCRIBED, Selection.RECURSIVEMATCH);
        assertThat(l.patterns()).containsExactly("INBOX*", "Sent");
        assertThat(l.returns()).containsExactlyInAnyOrder(Return.CHILDREN, Return.STATUS);
        assertThat(l.statusItems()).containsExactly(StatusItem.MESSAGES, StatusItem.UNSEEN);
        assertThatThrownBy(() -> ListMailboxes.parseList(args("t LIST (RECURSIVEMATCH) \"\" *")))
                .isInstanceOf(BadCommandException.class);
    }

    @Test
    void append() throws Exception {
        Append a = Append.parse(args("t APPEND Drafts (\\Draft) \"01-Jan-2024 10:00:00 +0000\" {5+}\r\nhello"));
        assertThat(a.mailbox().name()).isEqualTo("Drafts");
        assertThat(a.messages()).hasSize(1);
        assertThat(a.messages().get(0).flags()).containsExactly("\\Draft");
        assertThat(a.messages().get(0).internalDate()).isNotNull();
        Append multi = Append.parse(args("t APPEND INBOX {1+}\r\na (\\Seen) {1+}\r\nb"));
        assertThat(multi.messages()).hasSize(2);
        assertThat(multi.messages().get(1).flags()).containsExactly("\\Seen");
        assertThatThrownBy(() -> Append.parse(args("t APPEND INBOX (\\Seen)"))).isInstanceOf(BadCommandException.class);
    }

    @Test
    void createSpecialUse() throws Exception {
        Create c = Create.parse(args("t CREATE MySent (USE (\\Sent))"));
        assertThat(c.specialUse()).isEqualTo(Set.of(SpecialUse.SENT));
        assertThat(Create.parse(args("t CREATE foo/")).mailbox().name()).isEqualTo("foo");
        assertThat(Create.parse(args("t CREATE x (USE (\\Bogus))")).unknownUse()).isEqualTo("\\Bogus");
    }

    @Test
    void statusItems() throws Exception {
        Status s = Status.parse(args("t STATUS INBOX (MESSAGES UIDNEXT SIZE deleted)"));
        assertThat(s.items()).containsExactly(StatusItem.MESSAGES, StatusItem.UIDNEXT, StatusItem.SIZE,
                StatusItem.DELETED);
        assertThatThrownBy(() -> Status.parse(args("t STATUS INBOX (FOO)"))).isInstanceOf(BadCommandException.class);
        assertThatThrownBy(() -> Status.parse(args("t STATUS INBOX ()"))).isInstanceOf(BadCommandException.class);
    }

    @Test
    void idAndEnableAndAuthenticate() throws Exception {
        assertThat(Id.parse(args("t ID NIL")).fields()).isNull();
        assertThat(Id.parse(args("t ID (\"name\" \"mutt\" \"version\" NIL)")).fields())
                .containsEntry("name", "mutt").containsEntry("version", null);
        assertThat(Enable.parse(args("t ENABLE IMAP4rev2 CONDSTORE")).capabilities())
                .containsExactly("IMAP4rev2", "CONDSTORE");
        Authenticate a = Authenticate.parse(args("t AUTHENTICATE plain AGFsaWNlAHNlY3JldA=="));
        assertThat(a.mechanism()).isEqualTo("PLAIN");
        assertThat(a.initialResponse()).isEqualTo("AGFsaWNlAHNlY3JldA==");
        assertThat(a.toString()).doesNotContain("AGFs");
    }

    @Test
    void copyAndMove() throws Exception {
        Copy c = Copy.parseUidMove(args("t UID MOVE 1:5 Trash"));
        assertThat(c.uid()).isTrue();
        assertThat(c.move()).isTrue();
        assertThat(c.target().name()).isEqualTo("Trash");
    }

    @Test
    void loginNeverPrintsThePassword() throws Exception {
        assertThat(Login.parse(args("t LOGIN alice secret")).toString()).doesNotContain("secret");
    }
}
