package org.poststelle.store.mime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AddressParserTest {

    private static Address a(String name, String adl, String mailbox, String host) {
        return new Address(name, adl, mailbox, host);
    }

    @Test
    void nameAddrAndAddrSpec() {
        assertThat(AddressParser.parse("\"Joe Q. Public\" <john.q.public@example.com>, jdoe@example.org"))
                .containsExactly(a("Joe Q. Public", null, "john.q.public", "example.com"),
                        a(null, null, "jdoe", "example.org"));
    }

    @Test
    void phraseWordsAreJoinedWithOneSpaceAndEncodedWordsStay() {
        assertThat(AddressParser.parse("John    \"Q\"   Doe <j@d>, =?utf-8?q?J=C3=B6rg?= <x@y>"))
                .containsExactly(a("John Q Doe", null, "j", "d"), a("=?utf-8?q?J=C3=B6rg?=", null, "x", "y"));
    }

    @Test
    void commentStandsInForMissingName() {
        assertThat(AddressParser.parse("foo@bar (Comment Name), Pete(A nice \\) chap) <pete(his account)@silly.test>"))
                .containsExactly(a("Comment Name", null, "foo", "bar"), a("Pete", null, "pete", "silly.test"));
    }

    @Test
    void groupsAreFlattenedWithMarkers() {
        assertThat(AddressParser.parse("A Group:Ed Jones <c@a.test>,joe@where.test;, Undisclosed recipients:;"))
                .containsExactly(Address.groupStart("A Group"), a("Ed Jones", null, "c", "a.test"),
                        a(null, null, "joe", "where.test"), Address.groupEnd(),
                        Address.groupStart("Undisclosed recipients"), Address.groupEnd());
        assertThat(Address.groupStart("g").isGroupStart()).isTrue();
        assertThat(Address.groupEnd().isGroupEnd()).isTrue();
    }

    @Test
    void sourceRouteGoesToAdl() {
        assertThat(AddressParser.parse("<@r1,@r2:u@h>")).containsExactly(a(null, "@r1,@r2", "u", "h"));
    }

    @Test
    void brokenAddressesGetPlaceholders() {
        assertThat(AddressParser.parse("user")).containsExactly(a(null, null, "user", "MISSING_DOMAIN"));
        assertThat(AddressParser.parse("@b")).containsExactly(a(null, null, "MISSING_MAILBOX", "b"));
        assertThat(AddressParser.parse("<>")).containsExactly(a(null, null, "MISSING_MAILBOX", "MISSING_DOMAIN"));
        assertThat(AddressParser.parse("John Doe <j@d>, garbage here, x@y")).containsExactly(
                a("John Doe", null, "j", "d"), a("garbage here", null, "MISSING_MAILBOX", "MISSING_DOMAIN"),
                a(null, null, "x", "y"));
        assertThat(AddressParser.parse("Name <a@b")).containsExactly(a("Name", null, "a", "SYNTAX_ERROR"));
    }

    @Test
    void emptyMembersAreSkippedAsRfc5322Says() {
        assertThat(AddressParser.parse("a@b, , c@d,,")).extracting(Address::mailbox).containsExactly("a", "c");
    }

    @Test
    void cfwsAroundDotsIsAllowed() {
        assertThat(AddressParser.parse("spaced.local . part @ dom . ain"))
                .containsExactly(a(null, null, "spaced.local.part", "dom.ain"));
    }

    @Test
    void quotedLocalPartAndDomainLiteral() {
        assertThat(AddressParser.parse("\"q uote\"@host.test, a@[127.0.0.1]"))
                .containsExactly(a(null, null, "q uote", "host.test"), a(null, null, "a", "[127.0.0.1]"));
    }

    @Test
    void nothingGivesAnEmptyList() {
        assertThat(AddressParser.parse("")).isEmpty();
        assertThat(AddressParser.parse("   (only a comment) ")).isEmpty();
    }

    @Test
    void eightBitBytesInHeaderBecomeUtf8Text() {
        String bytes = "\u00c3\u009c <u@\u00c3\u00bc.test>";
        assertThat(AddressParser.parseBytes(bytes)).containsExactly(a("Ü", null, "u", "ü.test"));
        assertThat(AddressParser.parse("Ünïcödé <u@x>")).isEqualTo(List.of(a("Ünïcödé", null, "u", "x")));
    }
}
