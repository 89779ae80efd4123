package org.poststelle.pop3.protocol;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Turns {@link Pop3Response}s into bytes. Long answers become ChunkedInputs for the ChunkedWriteHandler
 * that sits between this encoder and the socket, so they stream while the channel is writable.
 */
@ChannelHandler.Sharable
public final class Pop3ResponseEncoder extends MessageToMessageEncoder<Pop3Response> {
    public static final Pop3ResponseEncoder INSTANCE = new Pop3ResponseEncoder();

    private Pop3ResponseEncoder() {
        super(Pop3Response.class);
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, Pop3Response msg, List<Object> out) {
        if (msg instanceof Pop3Response.Status s) {
            ByteBuf buf = ctx.alloc().ioBuffer(16 + s.text().length() * 3);
            writeStatus(buf, s.ok(), s.code(), s.text());
            out.add(buf);
        } else if (msg instanceof Pop3Response.Lines lines) {
            ByteBuf buf = ctx.alloc().ioBuffer(lines.streams() ? 64 : 64 + lines.count() * 32);
            writeStatus(buf, true, null, lines.text());
            if (lines.streams()) {
                out.add(buf);
                out.add(new LinesInput(lines.count(), lines.line()));
            } else {
                for (int i = 0; i < lines.count(); i++) {
                    writeLine(buf, lines.line().apply(i));
                }
                buf.writeByte('.').writeByte('\r').writeByte('\n');
                out.add(buf);
            }
        } else if (msg instanceof Pop3Response.Message m) {
            ByteBuf buf = ctx.alloc().ioBuffer(32 + m.text().length());
            writeStatus(buf, true, null, m.text());
            out.add(buf);
            out.add(new DotStuffedInput(m.source(), new DotStuffer(m.bodyLines())));
        } else if (msg instanceof Pop3Response.Challenge c) {
            ByteBuf buf = ctx.alloc().ioBuffer(4 + c.base64().length());
            buf.writeByte('+').writeByte(' ');
            buf.writeCharSequence(c.base64(), StandardCharsets.US_ASCII);
            buf.writeByte('\r').writeByte('\n');
            out.add(buf);
        }
    }

    static void writeStatus(ByteBuf buf, boolean ok, String code, String text) {
        buf.writeCharSequence(ok ? "+OK" : "-ERR", StandardCharsets.US_ASCII);
        if (code != null) {
            buf.writeByte(' ').writeByte('[');
            buf.writeCharSequence(code, StandardCharsets.US_ASCII);
            buf.writeByte(']');
        }
        if (!text.isEmpty()) {
            buf.writeByte(' ');
            buf.writeCharSequence(text, StandardCharsets.UTF_8);
        }
        buf.writeByte('\r').writeByte('\n');
    }

    /** One line of a multi-line answer, dot-stuffed. */
    static void writeLine(ByteBuf buf, String line) {
        if (line.startsWith(".")) {
            buf.writeByte('.');
        }
        buf.writeCharSequence(line, StandardCharsets.UTF_8);
        buf.writeByte('\r').writeByte('\n');
    }
}
