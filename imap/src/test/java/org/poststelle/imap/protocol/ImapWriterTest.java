package org.poststelle.imap.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.poststelle.imap.command.StatusItem;
import org.poststelle.imap.response.CapabilityResponse;
import org.poststelle.imap.response.Continuation;
import org.poststelle.imap.response.ImapResponse;
import org.poststelle.imap.response.ListResponse;
import org.poststelle.imap.response.Status;
import org.poststelle.imap.response.StatusResponse;
import org.poststelle.imap.response.Tagged;
import org.poststelle.imap.response.UntaggedStatus;
import org.poststelle.store.model.MailboxStatus;

/** Response values to exact bytes; string form choice (atom, quoted, literal). */
class ImapWriterTest {
    private ImapWriter w = new ImapWriter(UnpooledByteBufAllocator.DEFAULT);

    private String written() {
        StringBuilder sb = new StringBuilder();
        for (Object p : w.drain()) {
            if (p instanceof ByteBuf b) {
                sb.append(b.toString(StandardCharsets.UTF_8));
                b.release();
            } else {
                sb.append("<body ").append(((LiteralBody) p).length()).append('>');
            }
        }
        return sb.toString();
    }

    private String of(ImapResponse r) {
        r.writeTo(w);
        return written();
    }

    @Test
    void spacingAroundLists() {
        w.untagged().number(3).atom("FETCH").open().atom("UID").number(9).atom("FLAGS").open().close().close().end();
        assertThat(written()).isEqualTo("* 3 FETCH (UID 9 FLAGS ())\r\n");
    }

    @Test
    void stringForms() {
        w.open().string("plain").string("with \"quote\" and \\").string("two\r\nlines").nstring(null).astring("atom")
                .astring("NIL").astring("").astring("a b").close();
        assertThat(written()).isEqualTo(
                "(\"plain\" \"with \\\"quote\\\" and \\\\\" {10}\r\ntwo\r\nlines NIL atom \"NIL\" \"\" \"a b\")");
    }

    @Test
    void longStringsBecomeLiterals() {
        String s = "x".repeat(ImapWriter.MAX_QUOTED + 1);
        w.string(s);
        assertThat(written()).isEqualTo("{" + s.length() + "}\r\n" + s);
    }

    @Test
    void eightBitNeedsALiteralUnlessUtf8() {
        w.string("Grüße");
        assertThat(written()).isEqualTo("{7}\r\nGrüße");
        w = new ImapWriter(UnpooledByteBufAllocator.DEFAULT);
        w.utf8(true);
        w.string("Grüße");
        assertThat(written()).isEqualTo("\"Grüße\"");
    }

    @Test
    void mailboxNamesAreEncoded() {
        w.mailbox("Entwürfe").mailbox("Sent Items").mailbox("INBOX").mailbox("a%b");
        assertThat(written()).isEqualTo("Entw&APw-rfe \"Sent Items\" INBOX \"a%b\"");
        w = new ImapWriter(UnpooledByteBufAllocator.DEFAULT);
        w.utf8(true);
        w.mailbox("Entwürfe");
        assertThat(written()).isEqualTo("\"Entwürfe\"");
    }

    @Test
    void numbers() {
        w.number(0).number(7).number(10).number(4294967295L).number(1234567890123L);
        assertThat(written()).isEqualTo("0 7 10 4294967295 1234567890123");
    }

    @Test
    void streamedLiteralIsAPieceOfItsOwn() {
        w.untagged().atom("X").literal(new LiteralBody.Stream(new ByteArrayInputStream(new byte[100_000]), 100_000))
                .close().end();
        List<Object> pieces = w.drain();
        assertThat(pieces).hasSize(3);
        assertThat(((ByteBuf) pieces.get(0)).toString(StandardCharsets.US_ASCII)).isEqualTo("* X {100000}\r\n");
        assertThat(pieces.get(1)).isInstanceOf(LiteralBody.Stream.class);
        assertThat(((ByteBuf) pieces.get(2)).toString(StandardCharsets.US_ASCII)).isEqualTo(")\r\n");
        pieces.stream().filter(p -> p instanceof ByteBuf).forEach(p -> ((ByteBuf) p).release());
    }

    @Test
    void responses() {
        assertThat(of(new Tagged("a1", Status.OK, "READ-WRITE", "SELECT completed.")))
                .isEqualTo("a1 OK [READ-WRITE] SELECT completed.\r\n");
        assertThat(of(new Tagged("a2", Status.BAD, null, "bad\r\ninjected")))
                .isEqualTo("a2 BAD bad  injected\r\n");
        assertThat(of(UntaggedStatus.bye("Logging out"))).isEqualTo("* BYE Logging out\r\n");
        assertThat(of(new Continuation(""))).isEqualTo("+ \r\n");
        assertThat(of(new CapabilityResponse(List.of("IMAP4rev1", "IDLE")))).isEqualTo("* CAPABILITY IMAP4rev1 IDLE\r\n");
        assertThat(of(new ListResponse("LIST", List.of("\\HasNoChildren", "\\Sent"), "Sent Items", List.of())))
                .isEqualTo("* LIST (\\HasNoChildren \\Sent) \"/\" \"Sent Items\"\r\n");
        assertThat(of(new ListResponse("LIST", List.of("\\Subscribed"), "Foo", List.of("SUBSCRIBED"))))
                .isEqualTo("* LIST (\\Subscribed) \"/\" Foo (\"CHILDINFO\" (\"SUBSCRIBED\"))\r\n");
        MailboxStatus st = new MailboxStatus(3, 1, 7, 99, 2, 0, 1234, 5, "id");
        assertThat(of(new StatusResponse("INBOX", List.of(StatusItem.MESSAGES, StatusItem.UIDNEXT, StatusItem.SIZE), st)))
                .isEqualTo("* STATUS INBOX (MESSAGES 3 UIDNEXT 7 SIZE 1234)\r\n");
    }
}
