package org.poststelle.imap.response;

import org.poststelle.imap.protocol.ImapWriter;

/** An untagged status response: {@code * OK [UIDVALIDITY 3857529045] UIDs valid}, {@code * BYE ...}. */
public record UntaggedStatus(Status status, String code, String text) implements ImapResponse {

    public static UntaggedStatus ok(String code, String text) {
        return new UntaggedStatus(Status.OK, code, text);
    }

    public static UntaggedStatus bye(String text) {
        return new UntaggedStatus(Status.BYE, null, text);
    }

    @Override
    public void writeTo(ImapWriter w) {
        w.untagged().atom(status.name());
        writeCodeAndText(w, code, text);
        w.end();
    }

    static void writeCodeAndText(ImapWriter w, String code, String text) {
        if (code != null) {
            w.openCode().text(code).closeCode();
        }
        w.text(text == null || text.isEmpty() ? "Done" : text);
    }
}
