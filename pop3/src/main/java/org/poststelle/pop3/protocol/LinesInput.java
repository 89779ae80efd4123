package org.poststelle.pop3.protocol;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.stream.ChunkedInput;
import java.util.function.IntFunction;

/** A long multi-line answer (LIST or UIDL of a big maildrop), made a few kilobytes at a time. */
final class LinesInput implements ChunkedInput<ByteBuf> {
    private static final int CHUNK_SIZE = 16 * 1024;

    private final int count;
    private final IntFunction<String> line;
    private int next;
    private boolean ended;

    LinesInput(int count, IntFunction<String> line) {
        this.count = count;
        this.line = line;
    }

    @Override
    public boolean isEndOfInput() {
        return ended;
    }

    @Override
    public void close() {
        // nothing to release
    }

    @Deprecated
    @Override
    public ByteBuf readChunk(ChannelHandlerContext ctx) {
        return readChunk(ctx.alloc());
    }

    @Override
    public ByteBuf readChunk(ByteBufAllocator alloc) {
        if (ended) {
            return null;
        }
        ByteBuf buf = alloc.ioBuffer(CHUNK_SIZE + 256);
        while (next < count && buf.readableBytes() < CHUNK_SIZE) {
            Pop3ResponseEncoder.writeLine(buf, line.apply(next++));
        }
        if (next == count) {
            buf.writeByte('.').writeByte('\r').writeByte('\n');
            ended = true;
        }
        return buf;
    }

    @Override
    public long length() {
        return count;
    }

    @Override
    public long progress() {
        return next;
    }
}
