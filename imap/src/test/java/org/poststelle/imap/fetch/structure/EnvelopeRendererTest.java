package org.poststelle.imap.fetch.structure;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.poststelle.store.mime.Address;
import org.poststelle.store.mime.Envelope;

class EnvelopeRendererTest {

    private static String render(Envelope e) {
        return new String(EnvelopeRenderer.render(e), StandardCharsets.UTF_8);
    }

    @Test
    void emptyEnvelopeIsAllNil() {
        assertThat(render(Envelope.EMPTY)).isEqualTo("(NIL NIL NIL NIL NIL NIL NIL NIL NIL NIL)");
        assertThat(render(null)).isEqualTo("(NIL NIL NIL NIL NIL NIL NIL NIL NIL NIL)");
    }

    @Test
    void senderAndReplyToDefaultToFrom() {
        List<Address> from = List.of(new Address("A", null, "a", "b.test"));
        Envelope e = new Envelope("d", "s", from, null, null, List.of(), null, null, null, "<id>");

        assertThat(render(e)).isEqualTo("(\"d\" \"s\" ((\"A\" NIL \"a\" \"b.test\")) ((\"A\" NIL \"a\" \"b.test\"))"
                + " ((\"A\" NIL \"a\" \"b.test\")) NIL NIL NIL NIL \"<id>\")");
    }

    @Test
    void groupsAndRoutes() {
        Envelope e = new Envelope(null, null, null, null, null,
                List.of(Address.groupStart("g"), new Address(null, "@r", "u", "h"), Address.groupEnd()),
                null, null, null, null);

        assertThat(render(e)).isEqualTo(
                "(NIL NIL NIL NIL NIL ((NIL NIL \"g\" NIL)(NIL \"@r\" \"u\" \"h\")(NIL NIL NIL NIL)) NIL NIL NIL NIL)");
    }
}
