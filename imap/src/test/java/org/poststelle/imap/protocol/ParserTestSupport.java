package org.poststelle.imap.protocol;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import org.poststelle.imap.ImapConfig;

/** Frames one command line the way the server does, for parser tests. */
public final class ParserTestSupport {
    private ParserTestSupport() {
    }

    /** The request for {@code line} (CRLF added; literals must be non-synchronizing). */
    public static ImapRequest request(String line) {
        ImapFrameDecoder d = new ImapFrameDecoder(ImapConfig.defaults(), new FlowControl());
        d.loggedIn();
        EmbeddedChannel ch = new EmbeddedChannel(d);
        ch.writeInbound(Unpooled.copiedBuffer(line + "\r\n", StandardCharsets.UTF_8));
        Object o = ch.readInbound();
        ch.finishAndReleaseAll();
        if (!(o instanceof ImapRequest r)) {
            throw new IllegalArgumentException("not a command: " + o);
        }
        return r;
    }

    /** The arguments of {@code line}, ready for a command parser. */
    public static Args args(String line) {
        return new Args(request(line).args(), false);
    }
}
