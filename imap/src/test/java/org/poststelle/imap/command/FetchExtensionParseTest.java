package org.poststelle.imap.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.poststelle.imap.protocol.ParserTestSupport.args;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.poststelle.imap.command.FetchItem.Simple;
import org.poststelle.imap.protocol.BadCommandException;

/** FETCH items of the fetch-side extensions (SAVEDATE, OBJECTID, BINARY, PREVIEW): line in, items out. */
class FetchExtensionParseTest {

    @Test
    void saveDate() throws Exception {
        assertThat(Fetch.parse(args("t FETCH 1 savedate")).items()).containsExactly(Simple.SAVEDATE);
        assertThat(Fetch.parseUid(args("t UID FETCH 1:* (FLAGS SAVEDATE)")).items())
                .containsExactly(Simple.FLAGS, Simple.SAVEDATE);
    }

    @Test
    void binary() throws Exception {
        Fetch f = Fetch.parse(args("t FETCH 1 (binary[1.2] BINARY.PEEK[3]<0.100> BINARY.SIZE[] binary.peek[])"));
        assertThat(f.items()).containsExactly(
                new FetchItem.Binary(new Section(List.of(1, 2), Section.Kind.ALL, List.of()), false, -1, 0),
                new FetchItem.Binary(new Section(List.of(3), Section.Kind.ALL, List.of()), true, 0, 100),
                new FetchItem.BinarySize(Section.WHOLE),
                new FetchItem.Binary(Section.WHOLE, true, -1, 0));
        assertThat(((FetchItem.Binary) f.items().get(1)).partial()).isTrue();
        assertThat(Fetch.parse(args("t FETCH 1 BINARY.SIZE[2]")).items())
                .containsExactly(new FetchItem.BinarySize(new Section(List.of(2), Section.Kind.ALL, List.of())));
    }

    @Test
    void badBinary() {
        for (String line : new String[] {"t FETCH 1 BINARY[1.MIME]", "t FETCH 1 BINARY[HEADER]",
                "t FETCH 1 BINARY.PEEK[TEXT]", "t FETCH 1 BINARY[1.HEADER.FIELDS (To)]", "t FETCH 1 BINARY.SIZE[1]<0.5>",
                "t FETCH 1 BINARY[1", "t FETCH 1 BINARY[0]", "t FETCH 1 BINARY[1.]", "t FETCH 1 BINARY[1]<0.0>",
                "t FETCH 1 BINARY[1]<x.1>", "t FETCH 1 BINARY.FOO[1]", "t FETCH 1 BINARY"}) {
            assertThatThrownBy(() -> Fetch.parse(args(line))).as(line).isInstanceOf(BadCommandException.class);
        }
    }

    @Test
    void preview() throws Exception {
        assertThat(Fetch.parse(args("t FETCH 1 PREVIEW")).items()).containsExactly(Simple.PREVIEW);
        assertThat(Fetch.parse(args("t FETCH 1 preview (lazy)")).items()).containsExactly(Simple.PREVIEW);
        assertThat(Fetch.parse(args("t FETCH 1 (PREVIEW (LAZY) UID)")).items())
                .containsExactly(Simple.PREVIEW, Simple.UID);
        // a list after PREVIEW that does not start with LAZY is the FETCH modifiers
        Fetch f = Fetch.parse(args("t FETCH 1 PREVIEW (CHANGEDSINCE 5)"));
        assertThat(f.items()).containsExactly(Simple.PREVIEW);
        assertThat(f.changedSince()).isEqualTo(5L);
        for (String line : new String[] {"t FETCH 1 PREVIEW (LAZY FOO)", "t FETCH 1 (PREVIEW (FOO))",
                "t FETCH 1 (PREVIEW ())"}) {
            assertThatThrownBy(() -> Fetch.parse(args(line))).as(line).isInstanceOf(BadCommandException.class);
        }
    }

    @Test
    void objectIds() throws Exception {
        assertThat(Fetch.parse(args("t FETCH 1:* (emailid THREADID)")).items())
                .containsExactly(Simple.EMAILID, Simple.THREADID);
        assertThat(Status.parse(args("t STATUS INBOX (mailboxid MESSAGES)")).items())
                .containsExactly(StatusItem.MAILBOXID, StatusItem.MESSAGES);
        assertThat(StatusItem.MAILBOXID.wireName()).isEqualTo("MAILBOXID");
    }
}
