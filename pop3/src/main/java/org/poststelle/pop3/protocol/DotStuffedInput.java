package org.poststelle.pop3.protocol;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.stream.ChunkedInput;

/**
 * The body of a RETR or TOP answer for Netty's ChunkedWriteHandler, which pulls a chunk only while the
 * channel is writable: the message streams with backpressure and is never held in memory whole.
 */
public final class DotStuffedInput implements ChunkedInput<ByteBuf> {
    static final int CHUNK_SIZE = 64 * 1024;
    /** "\r\n.\r\n": the end fits into the last chunk's buffer without growing it. */
    private static final int TERMINATOR_ROOM = 5;

    private final MessageSource source;
    private final DotStuffer stuffer;
    private boolean sourceDone;
    private boolean ended;
    private long progress;

    public DotStuffedInput(MessageSource source, DotStuffer stuffer) {
        this.source = source;
        this.stuffer = stuffer;
    }

    @Override
    public boolean isEndOfInput() {
        return ended;
    }

    @Override
    public void close() {
        source.close();
    }

    @Deprecated
    @Override
    public ByteBuf readChunk(ChannelHandlerContext ctx) throws Exception {
        return readChunk(ctx.alloc());
    }

    @Override
    public ByteBuf readChunk(ByteBufAllocator alloc) throws Exception {
        if (ended) {
            return null;
        }
        if (!sourceDone) {
            ByteBuf in = alloc.ioBuffer(CHUNK_SIZE + TERMINATOR_ROOM);
            int n;
            try {
                n = source.read(in, CHUNK_SIZE);
            } catch (Exception e) {
                in.release();
                throw e;
            }
            if (n > 0) {
                progress += n;
                ByteBuf out = stuffer.stuff(in, alloc);
                if (stuffer.complete() || source.atEnd()) {
                    sourceDone = true;
                    source.close();
                    stuffer.finish(out);
                    ended = true;
                }
                return out;
            }
            in.release();
            sourceDone = true;
            source.close();
        }
        ByteBuf end = alloc.ioBuffer(5);
        stuffer.finish(end);
        ended = true;
        return end;
    }

    @Override
    public long length() {
        return -1;
    }

    @Override
    public long progress() {
        return progress;
    }
}
