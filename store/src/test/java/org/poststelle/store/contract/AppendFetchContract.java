package org.poststelle.store.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.poststelle.store.Mailbox;
import org.poststelle.store.MessageContent;
import org.poststelle.store.StoreException;
import org.poststelle.store.model.AppendResult;
import org.poststelle.store.model.Flags;
import org.poststelle.store.model.MailboxName;
import org.poststelle.store.model.MailboxSnapshot;
import org.poststelle.store.model.MessageMeta;
import org.poststelle.store.model.NewMessage;
import org.poststelle.store.model.UidSet;

/** Appending messages and reading them back. */
public abstract class AppendFetchContract extends ContractBase {

    @Test
    void appendGivesAscendingUidsAndTheMessagesReadBackIdentically() throws Exception {
        byte[] one = message("one", "first");
        byte[] two = message("two", "second");
        try (Mailbox inbox = alice.open(MailboxName.INBOX, false)) {
            AppendResult r = inbox.append(List.of(NewMessage.of(one, Flags.NONE, null)));
            AppendResult r2 = inbox.append(List.of(NewMessage.of(two, Flags.NONE, null)));
            assertThat(r.uids()).containsExactly(1);
            assertThat(r2.uids()).containsExactly(2);
            assertThat(r.uidValidity()).isPositive().isEqualTo(r2.uidValidity());
            assertThat(read(inbox.content(1))).isEqualTo(new String(one, StandardCharsets.ISO_8859_1));
            assertThat(read(inbox.content(2))).isEqualTo(new String(two, StandardCharsets.ISO_8859_1));
            MailboxSnapshot s = inbox.snapshot();
            assertThat(s.size()).isEqualTo(2);
            assertThat(s.uidNext()).isEqualTo(3);
            assertThat(s.uidValidity()).isEqualTo(r.uidValidity());
        }
    }

    @Test
    void multiAppendIsOneCallWithConsecutiveUids() {
        try (Mailbox inbox = alice.open(MailboxName.INBOX, false)) {
            AppendResult r = inbox.append(List.of(newMessage("a"), newMessage("b"), newMessage("c")));
            assertThat(r.uids()).containsExactly(1, 2, 3);
            assertThat(inbox.snapshot().size()).isEqualTo(3);
        }
    }

    @Test
    void flagsInternalDateAndSizeAreKept() {
        Instant date = Instant.parse("2021-03-04T05:06:07Z");
        byte[] bytes = message("flagged", "x");
        try (Mailbox inbox = alice.open(MailboxName.INBOX, false)) {
            long uid = inbox.append(List.of(NewMessage.of(bytes,
                    Flags.parse(List.of("\\Seen", "\\Flagged", "$Label1")), date))).uids()[0];
            MessageMeta m = inbox.meta(uid);
            assertThat(m.internalDate()).isEqualTo(date);
            assertThat(m.size()).isEqualTo(bytes.length);
            assertThat(m.flags().has(Flags.SEEN)).isTrue();
            assertThat(m.flags().has(Flags.FLAGGED)).isTrue();
            assertThat(m.flags().keywords()).containsExactly("$Label1");
            assertThat(m.saveDate()).isAfter(Instant.now().minusSeconds(60));
            assertThat(m.modSeq()).isPositive();
            assertThat(m.emailId()).matches("[A-Za-z0-9_-]{1,255}");
            assertThat(m.firstRetrieved()).isNull();
        }
    }

    @Test
    void bareLfMessagesAreServedWithCrlfAndCountedSo() throws Exception {
        byte[] lf = "Subject: lf\n\nline one\nline two\n".getBytes(StandardCharsets.US_ASCII);
        String crlf = "Subject: lf\r\n\r\nline one\r\nline two\r\n";
        try (Mailbox inbox = alice.open(MailboxName.INBOX, false)) {
            long uid = inbox.append(List.of(NewMessage.of(lf, Flags.NONE, null))).uids()[0];
            MessageContent c = inbox.content(uid);
            assertThat(c.size()).isEqualTo(crlf.length());
            assertThat(inbox.meta(uid).size()).isEqualTo(crlf.length());
            assertThat(read(c)).isEqualTo(crlf);
            try (InputStream in = c.open(13, 10)) {
                assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo(crlf.substring(13, 23));
            }
            assertThat(c.openChannel()).isEmpty();
            assertThat(c.structure().headerLength()).isEqualTo("Subject: lf\r\n\r\n".length());
        }
    }

    @Test
    void rangesOfACrlfMessageAndItsChannel() throws Exception {
        byte[] bytes = message("range", "0123456789");
        String s = new String(bytes, StandardCharsets.US_ASCII);
        try (Mailbox inbox = alice.open(MailboxName.INBOX, false)) {
            long uid = inbox.append(List.of(NewMessage.of(bytes, Flags.NONE, null))).uids()[0];
            MessageContent c = inbox.content(uid);
            try (InputStream in = c.open(5, 7)) {
                assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo(s.substring(5, 12));
            }
            try (InputStream in = c.open(bytes.length - 3, 100)) {
                assertThat(in.readAllBytes()).hasSize(3);
            }
            try (InputStream in = c.open(bytes.length + 10, 5)) {
                assertThat(in.readAllBytes()).isEmpty();
            }
            var ch = c.openChannel();
            assertThat(ch).isPresent();
            try (var channel = ch.get()) {
                assertThat(channel.size()).isEqualTo(bytes.length);
            }
        }
    }

    @Test
    void largeLfMessageRangesMatchTheFullCrlfForm() throws Exception {
        StringBuilder sb = new StringBuilder("Subject: big\n\n");
        for (int i = 0; i < 40_000; i++) {
            sb.append("line ").append(i).append(i % 7 == 0 ? "\r\n" : "\n");
        }
        byte[] lf = sb.toString().getBytes(StandardCharsets.US_ASCII);
        try (Mailbox inbox = alice.open(MailboxName.INBOX, false)) {
            long uid = inbox.append(List.of(NewMessage.of(lf, Flags.NONE, null))).uids()[0];
            MessageContent c = inbox.content(uid);
            byte[] full;
            try (InputStream in = c.open()) {
                full = in.readAllBytes();
            }
            assertThat((long) full.length).isEqualTo(c.size());
            for (long off : new long[] {0, 1, 65_535, 65_536, 200_000, full.length - 10}) {
                try (InputStream in = c.open(off, 4096)) {
                    byte[] part = in.readAllBytes();
                    int end = (int) Math.min(full.length, off + 4096);
                    assertThat(part).isEqualTo(java.util.Arrays.copyOfRange(full, (int) off, end));
                }
            }
        }
    }

    @Test
    void structureIsParsedOnceAndCached() {
        try (Mailbox inbox = alice.open(MailboxName.INBOX, false)) {
            long uid = inbox.append(List.of(newMessage("cached"))).uids()[0];
            assertThat(inbox.content(uid).structure()).isSameAs(inbox.content(uid).structure());
        }
    }

    @Test
    void metaListsExistingMessagesInUidOrder() {
        long[] uids = appendTo(alice, MailboxName.INBOX, 5);
        try (Mailbox inbox = alice.open(MailboxName.INBOX, false)) {
            inbox.expunge(UidSet.of(uids[1]));
            List<Long> seen = new ArrayList<>();
            inbox.meta(UidSet.range(1, 100), m -> seen.add(m.uid()));
            assertThat(seen).containsExactly(1L, 3L, 4L, 5L);
            assertThat(inbox.meta(2)).isNull();
        }
    }

    @Test
    void appendToAMissingMailboxFailsNotFound() {
        assertThatThrownBy(() -> alice.open(name("Nope"), false))
                .isInstanceOfSatisfying(StoreException.class,
                        e -> assertThat(e.reason()).isEqualTo(StoreException.Reason.NOT_FOUND));
    }

    @Test
    void readOnlyHandlesCannotWrite() {
        appendTo(alice, MailboxName.INBOX, 1);
        try (Mailbox inbox = alice.open(MailboxName.INBOX, true)) {
            assertThat(inbox.readOnly()).isTrue();
            assertThatThrownBy(() -> inbox.append(List.of(newMessage("x"))))
                    .isInstanceOfSatisfying(StoreException.class,
                            e -> assertThat(e.reason()).isEqualTo(StoreException.Reason.NOT_ALLOWED));
            assertThatThrownBy(() -> inbox.expunge(UidSet.of(1))).isInstanceOf(StoreException.class);
            assertThat(inbox.snapshot().size()).isEqualTo(1);
        }
    }

    @Test
    void tooBigMessagesAreRefused() {
        long max = store.maxMessageSize();
        if (max <= 0) {
            return;
        }
        try (Mailbox inbox = alice.open(MailboxName.INBOX, false)) {
            NewMessage huge = new NewMessage(() -> new InputStream() {
                long left = max + 10;

                @Override
                public int read() {
                    return left-- > 0 ? 'x' : -1;
                }
            }, 100, Flags.NONE, null);
            assertThatThrownBy(() -> inbox.append(List.of(huge)))
                    .isInstanceOfSatisfying(StoreException.class,
                            e -> assertThat(e.reason()).isEqualTo(StoreException.Reason.TOO_BIG));
            assertThat(inbox.snapshot().size()).isZero();
        }
    }

    @Test
    void contentOfAnExpungedMessageIsGone() {
        try (Mailbox inbox = alice.open(MailboxName.INBOX, false)) {
            long uid = inbox.append(List.of(newMessage("gone"))).uids()[0];
            MessageContent c = inbox.content(uid);
            inbox.expunge(UidSet.of(uid));
            assertThatThrownBy(() -> inbox.content(uid)).isInstanceOfSatisfying(StoreException.class,
                    e -> assertThat(e.reason()).isEqualTo(StoreException.Reason.MESSAGE_GONE));
            assertThatThrownBy(c::open).isInstanceOfSatisfying(StoreException.class,
                    e -> assertThat(e.reason()).isEqualTo(StoreException.Reason.MESSAGE_GONE));
        }
    }
}
