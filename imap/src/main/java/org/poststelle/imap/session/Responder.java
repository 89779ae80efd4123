package org.poststelle.imap.session;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.DefaultFileRegion;
import io.netty.handler.stream.ChunkedNioFile;
import io.netty.handler.stream.ChunkedStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicLong;
import org.poststelle.imap.protocol.ExactLengthInputStream;
import org.poststelle.imap.protocol.ImapWriter;
import org.poststelle.imap.protocol.LiteralBody;
import org.poststelle.imap.response.ImapResponse;
import org.poststelle.tls.StartTls;

/**
 * Where a session's responses go. Encodes on the session thread (so the event loop only moves bytes),
 * batches small responses into one buffer, and streams message literals: small ones are read into memory
 * here, large ones go out as a {@link DefaultFileRegion} (zero-copy, only without TLS and COMPRESS) or a
 * {@link ChunkedStream}. {@link #writable()} tells long responses (FETCH) to pause until the client has read
 * what is queued; the session resumes them on {@link #whenWritable}.
 */
public final class Responder {
    static final int BATCH = 16 * 1024;
    static final int SMALL_LITERAL = 64 * 1024;
    static final long MAX_IN_FLIGHT = 1 << 20;
    private static final int CHUNK = 16 * 1024;

    private final ChannelHandlerContext ctx;
    private final ImapWriter writer;
    private final AtomicLong inFlight = new AtomicLong();
    private volatile Runnable whenWritable;
    private long bytesOut;

    public Responder(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        this.writer = new ImapWriter(ctx.alloc());
    }

    /** The writer for responses composed in place (FETCH). Call {@link #written()} after each response. */
    public ImapWriter writer() {
        return writer;
    }

    public void write(ImapResponse response) {
        response.writeTo(writer);
        written();
    }

    /** Sends the batch once it is large enough. */
    public void written() {
        if (writer.buffered() >= BATCH) {
            push();
        }
    }

    /** Hands everything composed so far to the channel (without flushing). */
    public void push() {
        for (Object piece : writer.drain()) {
            if (piece instanceof ByteBuf b) {
                bytesOut += b.readableBytes();
                ctx.write(b, ctx.voidPromise());
            } else if (piece instanceof LiteralBody body) {
                bytesOut += body.length();
                writeBody(body);
            }
        }
    }

    public void flush() {
        push();
        ctx.flush();
    }

    /** Whether more output may be queued now; when false, continue from {@link #whenWritable}. */
    public boolean writable() {
        return ctx.channel().isWritable() && inFlight.get() < MAX_IN_FLIGHT;
    }

    /** Called on the session executor when output may continue (set by the session). */
    void whenWritable(Runnable r) {
        this.whenWritable = r;
    }

    /** Bytes handed to the channel so far (for metrics). */
    public long bytesOut() {
        return bytesOut;
    }

    /** One response as a single buffer, outside the batch (the STARTTLS OK, which must leave in clear). */
    public ByteBuf encode(ImapResponse response) {
        ImapWriter w = new ImapWriter(ctx.alloc());
        response.writeTo(w);
        ByteBuf all = ctx.alloc().buffer();
        for (Object piece : w.drain()) {
            ByteBuf b = (ByteBuf) piece;
            all.writeBytes(b);
            b.release();
        }
        return all;
    }

    public void discard() {
        writer.discard();
    }

    private void writeBody(LiteralBody body) {
        long length = body.length();
        if (body instanceof LiteralBody.Stream s && length <= SMALL_LITERAL) {
            ByteBuf buf = ctx.alloc().buffer((int) length);
            try (InputStream in = new ExactLengthInputStream(s.in(), length)) {
                buf.writeBytes(in, (int) length);
                while (buf.readableBytes() < length) {
                    buf.writeBytes(in, (int) length - buf.readableBytes());
                }
            } catch (IOException e) {
                // ExactLengthInputStream pads instead of failing; only close() can get here
            }
            ctx.write(buf, ctx.voidPromise());
            return;
        }
        Object message;
        if (body instanceof LiteralBody.File f) {
            if (StartTls.isActive(ctx.channel()) || Deflate.isActive(ctx.channel())) {
                try {
                    message = new ChunkedNioFile(f.channel(), f.offset(), f.length(), CHUNK);
                } catch (IOException e) {
                    body.release();
                    message = null;
                }
                if (message == null) {
                    ctx.channel().close();
                    return;
                }
            } else {
                message = new DefaultFileRegion(f.channel(), f.offset(), f.length());
            }
        } else {
            LiteralBody.Stream s = (LiteralBody.Stream) body;
            message = new ChunkedStream(new ExactLengthInputStream(s.in(), length), CHUNK);
        }
        inFlight.addAndGet(length);
        ChannelFuture done = ctx.write(message);
        done.addListener(f -> {
            long left = inFlight.addAndGet(-length);
            Runnable r = whenWritable;
            if (left < MAX_IN_FLIGHT / 2 && r != null) {
                ctx.executor().execute(r);
            }
        });
    }
}
