package org.poststelle.imap.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.poststelle.imap.protocol.ParserTestSupport.args;

import org.junit.jupiter.api.Test;
import org.poststelle.imap.command.FetchItem.Simple;

/** FETCH items of the fetch-side extensions (SAVEDATE, OBJECTID, BINARY, PREVIEW): line in, items out. */
class FetchExtensionParseTest {

    @Test
    void saveDate() throws Exception {
        assertThat(Fetch.parse(args("t FETCH 1 savedate")).items()).containsExactly(Simple.SAVEDATE);
        assertThat(Fetch.parseUid(args("t UID FETCH 1:* (FLAGS SAVEDATE)")).items())
                .containsExactly(Simple.FLAGS, Simple.SAVEDATE);
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
