package org.poststelle.store.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.poststelle.store.search.SearchQuery.*;

import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.poststelle.store.model.UidSet;

/** FROM, TO, CC, BCC, SUBJECT, HEADER and the SENT* keys, answered from cached headers. */
class HeaderKeysTest {
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

    @Test
    void addressKeysMatchSubstringsOfNamesAndAddressesCaseInsensitively() {
        long a = f.append("""
                From: "Doe, John" <John.Doe@Example.ORG>
                To: alice@example.org, Bob <bob@example.net>
                Cc: carol@example.com
                Bcc: dave@example.com
                Subject: hi""", "body");
        long b = f.append("From: mallory@evil.example\nTo: alice@example.org\nSubject: hi", "body");
        assertThat(f.search(from("john.doe@example.org"))).isEqualTo(UidSet.of(a));
        assertThat(f.search(from("DOE, JOHN"))).isEqualTo(UidSet.of(a));
        assertThat(f.search(from("\"doe, john\" <john"))).isEqualTo(UidSet.of(a)); // quoted, as Dovecot writes it
        assertThat(f.search(from("evil"))).isEqualTo(UidSet.of(b));
        assertThat(f.search(from("nobody"))).isEmpty();
        assertThat(f.search(to("bob <bob@example.net>"))).isEqualTo(UidSet.of(a));
        assertThat(f.search(to("alice"))).isEqualTo(UidSet.of(a, b));
        assertThat(f.search(cc("carol"))).isEqualTo(UidSet.of(a));
        assertThat(f.search(cc("alice"))).isEmpty();
        assertThat(f.search(bcc("dave@"))).isEqualTo(UidSet.of(a));
        assertThat(f.search(bcc("carol"))).isEmpty();
    }

    @Test
    void emptyStringMatchesMessagesThatHaveTheField() {
        long withCc = f.append("From: a@x\nCc: c@x\nSubject: s", "b");
        long without = f.append("From: a@x", "b");
        assertThat(f.search(cc(""))).isEqualTo(UidSet.of(withCc));
        assertThat(f.search(subject(""))).isEqualTo(UidSet.of(withCc));
        assertThat(f.search(header("Cc", ""))).isEqualTo(UidSet.of(withCc));
        assertThat(f.search(header("X-None", ""))).isEmpty();
        assertThat(f.search(from(""))).isEqualTo(UidSet.of(withCc, without));
    }

    @Test
    void encodedWordsAreDecodedInAddressesAndSubjects() {
        long q = f.append("From: =?ISO-8859-1?Q?J=F6rg_M=FCller?= <jm@example.de>\n"
                + "Subject: =?ISO-8859-1?Q?Gr=FC=DFe?= aus =?UTF-8?B?0JzQvtGB0LrQstCw?=", "b");
        long b = f.append("From: =?UTF-8?B?5bGx55Sw?= <yamada@example.jp>\nSubject: =?utf-8?q?caf=C3=A9?=", "b");
        assertThat(f.search(from("jörg müller"))).isEqualTo(UidSet.of(q));
        assertThat(f.search(from("JÖRG"))).isEqualTo(UidSet.of(q));
        assertThat(f.search(subject("grüße aus москва"))).isEqualTo(UidSet.of(q));
        assertThat(f.search(from("山田"))).isEqualTo(UidSet.of(b));
        assertThat(f.search(subject("CAFÉ"))).isEqualTo(UidSet.of(b));
        assertThat(f.search(subject("=?utf-8"))).isEmpty();
    }

    @Test
    void rawUtf8AndLatin1HeadersAreRead() {
        long utf8 = f.append("From: Jürgen <j@example.de>\nSubject: Überweisung", "b");
        byte[] latin1 = "From: x@example.de\r\nSubject: K\u00e4se\r\n\r\nb".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        long l1 = f.append(latin1);
        assertThat(f.search(from("jürgen"))).isEqualTo(UidSet.of(utf8));
        assertThat(f.search(subject("überweisung"))).isEqualTo(UidSet.of(utf8));
        assertThat(f.search(subject("käse"))).isEqualTo(UidSet.of(l1));
    }

    @Test
    void subjectIsUnfoldedWithWhitespaceCompressed() {
        long a = f.append("Subject: a long\n\t  folded   subject", "b");
        assertThat(f.search(subject("long folded subject"))).isEqualTo(UidSet.of(a));
        assertThat(f.search(subject("a long folded subject"))).isEqualTo(UidSet.of(a));
    }

    @Test
    void headerKeyOnAnyField() {
        long a = f.append("From: a@x\nX-Mailer: Frobnicator 3.1\nList-Id: <dev.lists.example.org>\n"
                + "Message-ID: <abc@x>\nX-Folded: first\n second", "b");
        long b = f.append("From: b@x\nX-Mailer: Other", "Frobnicator in the body");
        assertThat(f.search(header("x-mailer", "frobnicator"))).isEqualTo(UidSet.of(a));
        assertThat(f.search(header("X-MAILER", ""))).isEqualTo(UidSet.of(a, b));
        assertThat(f.search(header("list-id", "dev.lists"))).isEqualTo(UidSet.of(a));
        assertThat(f.search(header("Message-ID", "<abc@x>"))).isEqualTo(UidSet.of(a));
        assertThat(f.search(header("X-Folded", "first second"))).isEqualTo(UidSet.of(a));
        assertThat(f.search(header("From", "b@"))).isEqualTo(UidSet.of(b));
        assertThat(f.search(header("Subject", "x"))).isEmpty();
    }

    @Test
    void headerKeysIgnoreHeadersOfParts() {
        long a = f.append("From: a@x\nContent-Type: multipart/mixed; boundary=b", """
                --b
                Content-Type: text/plain
                X-Inner: yes

                text
                --b--
                """);
        assertThat(a).isPositive();
        assertThat(f.search(header("X-Inner", ""))).isEmpty();
        assertThat(f.search(text("x-inner: yes"))).isEqualTo(UidSet.of(a));
    }

    @Test
    void sentDateKeysUseTheDayAsWrittenInTheHeadersZone() {
        // 23:30 -0500 on the 1st is the 2nd in UTC: the header's own day counts
        long late = f.append("Date: Mon, 1 Jan 2024 23:30:00 -0500\nSubject: a", "b");
        long tokyo = f.append("Date: Tue, 2 Jan 2024 01:00:00 +0900 (JST)\nSubject: b", "b");
        long obsolete = f.append("Date: 3 Jan 24 10:00 EST\nSubject: c", "b");
        long noDate = f.append("Subject: d", "b");
        long broken = f.append("Date: not a date\nSubject: e", "b");
        LocalDate d1 = LocalDate.of(2024, 1, 1);
        LocalDate d2 = LocalDate.of(2024, 1, 2);
        LocalDate d3 = LocalDate.of(2024, 1, 3);
        assertThat(f.search(sentOn(d1))).isEqualTo(UidSet.of(late));
        assertThat(f.search(sentOn(d2))).isEqualTo(UidSet.of(tokyo));
        assertThat(f.search(sentOn(d3))).isEqualTo(UidSet.of(obsolete));
        assertThat(f.search(sentSince(d2))).isEqualTo(UidSet.of(tokyo, obsolete));
        // without a readable Date a message counts as sent on 1 January 1970, as in Dovecot
        assertThat(f.search(sentBefore(d2))).isEqualTo(UidSet.of(late, noDate, broken));
        assertThat(f.search(sentOn(LocalDate.of(1970, 1, 1)))).isEqualTo(UidSet.of(noDate, broken));
        assertThat(f.search(not(sentSince(d1)))).isEqualTo(UidSet.of(noDate, broken));
    }

    @Test
    void headersAreReadOncePerMessageThenCached() {
        long a = f.append("From: one@x\nSubject: s\nMessage-ID: <m1@x>", "b".repeat(100_000));
        long b = f.append("From: two@x\nSubject: s", "b");
        assertThat(f.search(from("one"))).isEqualTo(UidSet.of(a));
        assertThat(f.inbox.contentOpens).hasValue(2);
        assertThat(f.search(or(from("two"), subject("zzz")))).isEqualTo(UidSet.of(b));
        assertThat(f.search(sentOn(LocalDate.of(2020, 1, 1)))).isEmpty();
        // clients look a message up by its Message-ID: answered from the cache too
        assertThat(f.search(header("Message-ID", "<M1@x>"))).isEqualTo(UidSet.of(a));
        assertThat(f.search(header("message-id", ""))).isEqualTo(UidSet.of(a));
        assertThat(f.inbox.contentOpens).hasValue(2);
        assertThat(f.cache.mailboxCount()).isEqualTo(1);
        assertThat(f.cache.memoryUsed()).isPositive().isLessThan(1000);
    }

    @Test
    void cheapKeysNarrowTheMessagesWhoseHeadersAreRead() {
        f.append("From: one@x", "b");
        long seen = f.append(SearchFixture.message("From: two@x", "b"),
                org.poststelle.store.model.Flags.ofSystem(org.poststelle.store.model.Flags.SEEN), null);
        assertThat(f.search(and(seen(), from("two")))).isEqualTo(UidSet.of(seen));
        assertThat(f.inbox.contentUids).containsExactly(seen);
    }
}
