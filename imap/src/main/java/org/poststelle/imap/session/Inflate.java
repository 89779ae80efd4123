package org.poststelle.imap.session;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.compression.DecompressionException;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * The inbound half of COMPRESS=DEFLATE: raw inflate that respects the session's flow control. A few kilobytes
 * of deflate data can stand for megabytes of commands, so it inflates one chunk at a time and stops as soon
 * as the channel stops reading (the session has enough commands waiting), keeping the rest of the compressed
 * input until reading resumes. A client therefore never gets more decompressed bytes queued than a plain
 * connection could deliver in one read. (Netty's own decoder inflates everything it has at once.)
 */
final class Inflate extends ChannelDuplexHandler {
    static final int CHUNK = 16 * 1024;

    private final Inflater inflater = new Inflater(true);
    private final byte[] window = new byte[CHUNK];
    /** Compressed bytes not yet handed to the inflater. */
    private ByteBuf pending;
    private boolean paused;

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof ByteBuf in)) {
            ctx.fireChannelRead(msg);
            return;
        }
        if (pending == null) {
            pending = in;
        } else if (pending instanceof CompositeByteBuf c) {
            c.discardReadComponents();
            c.addComponent(true, in);
        } else {
            pending = ctx.alloc().compositeBuffer().addComponents(true, pending, in);
        }
        inflateSome(ctx);
    }

    @Override
    public void read(ChannelHandlerContext ctx) {
        if (paused) {
            paused = false;
            inflateSome(ctx);
            ctx.fireChannelReadComplete();
        }
        ctx.read();
    }

    private void inflateSome(ChannelHandlerContext ctx) {
        while (true) {
            if (inflater.needsInput()) {
                if (pending == null || !pending.isReadable()) {
                    releasePending();
                    return;
                }
                int n = Math.min(pending.readableBytes(), CHUNK);
                pending.readBytes(window, 0, n);
                inflater.setInput(window, 0, n);
            }
            ByteBuf out = ctx.alloc().heapBuffer(CHUNK);
            try {
                int produced = inflater.inflate(out.array(), out.arrayOffset() + out.writerIndex(), out.writableBytes());
                out.writerIndex(out.writerIndex() + produced);
            } catch (DataFormatException e) {
                out.release();
                throw new DecompressionException("invalid deflate data from the client", e);
            }
            if (inflater.finished()) {
                out.release();
                throw new DecompressionException("the client ended its deflate stream");
            }
            if (out.isReadable()) {
                ctx.fireChannelRead(out);
            } else {
                out.release();
            }
            if (!ctx.channel().config().isAutoRead()) {
                paused = true;
                return;
            }
        }
    }

    private void releasePending() {
        if (pending != null) {
            pending.release();
            pending = null;
        }
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        releasePending();
        inflater.end();
    }
}
