package org.poststelle.pop3.protocol;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.poststelle.tls.StartTls;

/**
 * Frames client lines (CRLF or bare LF) into {@link Pop3Request}s. It knows no command except STLS, after
 * which it drops whatever the client pipelined and stops reading (the STARTTLS injection defence).
 *
 * <p>It also keeps PIPELINING bounded: it counts requests handed on and not yet answered
 * ({@link #requestDone}), and stops reading while {@code maxPending} are waiting or while the client does
 * not read its answers (the channel is not writable). A line longer than the limit is discarded up to its
 * end and handed on as {@link Pop3Request#overlong()}, so the session answers it in order.
 */
public final class Pop3RequestDecoder extends ByteToMessageDecoder {
    private final int maxLineLength;
    private final int maxPending;
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicBoolean paused = new AtomicBoolean();
    private volatile ChannelHandlerContext ctx;
    private boolean discarding;

    /**
     * @param maxLineLength longest line in octets, line ending included
     * @param maxPending requests handed on but not yet answered before reading stops
     */
    public Pop3RequestDecoder(int maxLineLength, int maxPending) {
        this.maxLineLength = maxLineLength;
        this.maxPending = maxPending;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) throws Exception {
        this.ctx = ctx;
        super.handlerAdded(ctx);
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        Channel ch = ctx.channel();
        while (in.isReadable()) {
            if (StartTls.holding(ch)) {
                in.skipBytes(in.readableBytes()); // sent after STLS, before the handshake: never executed
                return;
            }
            int lf = in.indexOf(in.readerIndex(), in.writerIndex(), (byte) '\n');
            if (discarding) {
                if (lf < 0) {
                    in.skipBytes(in.readableBytes());
                    return;
                }
                in.readerIndex(lf + 1);
                discarding = false;
                emit(ctx, out, Pop3Request.overlong());
                continue;
            }
            if (lf < 0) {
                if (in.readableBytes() >= maxLineLength) {
                    in.skipBytes(in.readableBytes());
                    discarding = true;
                }
                return;
            }
            int length = lf - in.readerIndex();
            if (length + 1 > maxLineLength) {
                in.readerIndex(lf + 1);
                emit(ctx, out, Pop3Request.overlong());
                continue;
            }
            int textLength = length > 0 && in.getByte(lf - 1) == '\r' ? length - 1 : length;
            String line = text(in, in.readerIndex(), textLength);
            in.readerIndex(lf + 1);
            boolean stls = Pop3Request.isStls(line) && !StartTls.isActive(ch);
            emit(ctx, out, new Pop3Request(line, false, stls));
            if (stls) {
                StartTls.hold(ctx, in);
                return;
            }
        }
    }

    private void emit(ChannelHandlerContext ctx, List<Object> out, Pop3Request request) {
        out.add(request);
        if (pending.incrementAndGet() >= maxPending) {
            pause(ctx);
        }
    }

    /** Called by the session (any thread) once it has answered a request this decoder handed on. */
    public void requestDone() {
        int n = pending.decrementAndGet();
        ChannelHandlerContext c = ctx;
        if (c != null && paused.get() && n <= maxPending / 2) {
            c.executor().execute(() -> maybeResume(c));
        }
    }

    /** Requests handed on and not answered yet. */
    public int pending() {
        return pending.get();
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
        if (ctx.channel().isWritable()) {
            maybeResume(ctx);
        } else {
            pause(ctx);
        }
        super.channelWritabilityChanged(ctx);
    }

    private void pause(ChannelHandlerContext ctx) {
        paused.set(true);
        ctx.channel().config().setAutoRead(false);
    }

    private void maybeResume(ChannelHandlerContext ctx) {
        Channel ch = ctx.channel();
        if (paused.get() && pending.get() < maxPending && ch.isWritable() && !StartTls.holding(ch)) {
            paused.set(false);
            ch.config().setAutoRead(true);
            ch.read();
        }
    }

    private static String text(ByteBuf in, int index, int length) {
        boolean ascii = true;
        for (int i = index; i < index + length; i++) {
            if (in.getByte(i) < 0) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            return in.toString(index, length, StandardCharsets.US_ASCII);
        }
        ByteBuffer bytes = in.nioBuffer(index, length);
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes)
                    .toString();
        } catch (CharacterCodingException e) {
            // not UTF-8: keep every octet (a Latin-1 password must still reach the authenticator intact)
            return in.toString(index, length, StandardCharsets.ISO_8859_1);
        }
    }
}
