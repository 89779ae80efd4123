package org.poststelle.imap.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.poststelle.imap.protocol.ParserTestSupport.args;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.poststelle.store.StoreException;

class ArgsTest {

    @Test
    void astringAcceptsAtomQuotedAndLiteral() throws Exception {
        Args a = args("t X abc \"d e\" {3+}\r\nfgh");
        assertThat(a.astring()).isEqualTo("abc");
        assertThat(a.astring()).isEqualTo("d e");
        assertThat(a.astring()).isEqualTo("fgh");
        a.end();
    }

    @Test
    void stringRefusesAtoms() {
        assertThatThrownBy(() -> args("t X abc").string()).isInstanceOf(BadCommandException.class);
    }

    @Test
    void nstringNil() throws Exception {
        Args a = args("t X NIL \"NIL\"");
        assertThat(a.nstring()).isNull();
        assertThat(a.nstring()).isEqualTo("NIL");
    }

    @Test
    void mailboxDecodesModifiedUtf7AndInbox() throws Exception {
        Args a = args("t X inbox Entw&APw-rfe \"Sent Items\" INBOX/sub");
        assertThat(a.mailbox().name()).isEqualTo("INBOX");
        assertThat(a.mailbox().name()).isEqualTo("Entwürfe");
        assertThat(a.mailbox().name()).isEqualTo("Sent Items");
        assertThat(a.mailbox().name()).isEqualTo("INBOX/sub");
    }

    @Test
    void mailboxUtf8WhenEnabled() throws Exception {
        Args a = new Args(ParserTestSupport.request("t X Entw&APw-rfe").args(), true);
        assertThat(a.mailbox().name()).isEqualTo("Entw&APw-rfe");
    }

    @Test
    void badModifiedUtf7IsBad() {
        assertThatThrownBy(() -> args("t X &Jjo").mailbox()).isInstanceOf(BadCommandException.class);
    }

    @Test
    void unsafeMailboxNamesAreRefusedByTheStoreRules() {
        assertThatThrownBy(() -> args("t X ../x").mailbox()).isInstanceOf(StoreException.class);
    }

    @Test
    void numbers() throws Exception {
        Args a = args("t X 0 42 4294967295");
        assertThat(a.number()).isZero();
        assertThat(a.nzNumber()).isEqualTo(42);
        assertThat(a.number()).isEqualTo(4294967295L);
        assertThatThrownBy(() -> args("t X 0").nzNumber()).isInstanceOf(BadCommandException.class);
        assertThatThrownBy(() -> args("t X 12a").number()).isInstanceOf(BadCommandException.class);
        assertThatThrownBy(() -> args("t X 99999999999999999999").number()).isInstanceOf(BadCommandException.class);
    }

    @Test
    void flagLists() throws Exception {
        assertThat(args("t X (\\Seen $Forwarded)").flagList()).containsExactly("\\Seen", "$Forwarded");
        assertThatThrownBy(() -> args("t X (\\Recent)").flagList()).isInstanceOf(BadCommandException.class);
        assertThatThrownBy(() -> args("t X (a*b)").flagList()).isInstanceOf(BadCommandException.class);
        assertThatThrownBy(() -> args("t X (\\Bogus)").flagList()).isInstanceOf(BadCommandException.class);
        assertThat(args("t X (\\sEEN)").flagList()).containsExactly("\\sEEN");
        assertThat(args("t X \\Seen \\Deleted").flagsListOrBare()).containsExactly("\\Seen", "\\Deleted");
    }

    @Test
    void dateTime() throws Exception {
        Instant t = args("t X \" 7-Feb-1994 21:52:25 -0800\"").dateTime();
        assertThat(t).isEqualTo(Instant.parse("1994-02-08T05:52:25Z"));
        assertThat(args("t X \"17-jul-1996 02:44:25 +0200\"").dateTime()).isEqualTo(Instant.parse("1996-07-17T00:44:25Z"));
        assertThatThrownBy(() -> args("t X \"31-Foo-1996 02:44:25 +0200\"").dateTime())
                .isInstanceOf(BadCommandException.class);
    }

    @Test
    void endRejectsExtraArguments() {
        assertThatThrownBy(() -> {
            Args a = args("t X a b");
            a.atom();
            a.end();
        }).isInstanceOf(BadCommandException.class);
    }

    @Test
    void missingArgument() {
        assertThatThrownBy(() -> args("t X").atom()).isInstanceOf(BadCommandException.class);
    }
}
