package org.poststelle.imap.protocol;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.io.IOException;
import java.util.List;
import org.poststelle.imap.ImapConfig;
import org.poststelle.imap.protocol.DecodedFrame.ContinuationLine;
import org.poststelle.imap.protocol.DecodedFrame.FrameError;
import org.poststelle.imap.protocol.DecodedFrame.LiteralContinuation;
import org.poststelle.tls.StartTls;

/**
 * Turns bytes into {@link DecodedFrame}s: complete commands with their literals read, lines of an IDLE or
 * AUTHENTICATE exchange, and framing errors. Lexical only: lines, atoms, quoted strings, {@code {n}},
 * {@code {n+}} and {@code ~{n}} literals, lists, and the limits. It knows these commands by name: APPEND and
 * REPLACE (their literals may be large and are spooled to disk), STARTTLS (bytes pipelined behind it are dropped, see
 * {@link StartTls#hold}) and IDLE (the next line is {@code DONE}, not a command).
 *
 * <p>Resumable: nothing is parsed twice. A line is lexed once it is complete; a literal is copied as it
 * arrives. Memory is bounded by the line and literal limits whatever the client sends; a command that
 * breaks a limit is skipped to its end (non-synchronizing literals included) and answered with one error.
 */
public final class ImapFrameDecoder extends ByteToMessageDecoder {
    /** Longest tail kept while skipping an overlong line, enough to see a trailing {@code {4294967295+}}. */
    private static final int TAIL = 24;
    private static final int MAX_LITERALS_PER_COMMAND = 10_000;

    private enum Mode { LINE, LITERAL, SKIP_LITERAL, SKIP_LINE }

    private final ImapConfig config;
    private final FlowControl flow;
    private boolean authenticated;
    private boolean rawLine;

    private Mode mode = Mode.LINE;
    private RequestBuilder request;
    private LiteralSink literal;
    private long remaining;
    private final byte[] tail = new byte[TAIL];
    private int tailLength;
    private String skippedTag;

    public ImapFrameDecoder(ImapConfig config, FlowControl flow) {
        this.config = config;
        this.flow = flow;
    }

    /** Switches to the limits after login. Call on the event loop (see {@link #onEventLoop}). */
    public void loggedIn() {
        authenticated = true;
    }

    /** The next line is a raw continuation line (SASL response), not a command. Call on the event loop. */
    public void expectRawLine() {
        rawLine = true;
    }

    /** The pending IDLE was refused: the next line is a command again. Call on the event loop. */
    public void expectCommand() {
        rawLine = false;
    }

    /** Runs {@code action} on the channel's event loop with this channel's decoder, before later writes. */
    public static void onEventLoop(Channel ch, java.util.function.Consumer<ImapFrameDecoder> action) {
        ch.eventLoop().execute(() -> {
            ImapFrameDecoder d = ch.pipeline().get(ImapFrameDecoder.class);
            if (d != null) {
                action.accept(d);
            }
        });
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) throws Exception {
        while (in.isReadable()) {
            if (StartTls.holding(ctx.channel())) {
                in.skipBytes(in.readableBytes());
                return;
            }
            switch (mode) {
                case LINE -> {
                    if (!line(ctx, in, out)) {
                        return;
                    }
                }
                case LITERAL -> readLiteral(in, out);
                case SKIP_LITERAL -> {
                    int n = (int) Math.min(remaining, in.readableBytes());
                    in.skipBytes(n);
                    remaining -= n;
                    if (remaining == 0) {
                        mode = Mode.LINE;
                    }
                }
                case SKIP_LINE -> skipLine(in, out);
                default -> throw new IllegalStateException();
            }
        }
    }

    /** Frames one line if complete; false when more bytes are needed. */
    private boolean line(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) throws IOException {
        int limit = config.lineLimit(authenticated);
        int start = in.readerIndex();
        int searchable = Math.min(in.readableBytes(), limit + 2);
        int lf = in.indexOf(start, start + searchable, (byte) '\n');
        if (lf < 0) {
            if (in.readableBytes() > limit + 1) {
                beginSkipLine(in);
                return true;
            }
            return false;
        }
        int end = lf;
        if (end > start && in.getByte(end - 1) == '\r') {
            end--;
        }
        ByteBuf content = in.slice(start, end - start);
        in.readerIndex(lf + 1);
        if (rawLine && request == null) {
            rawLine = false;
            out.add(new ContinuationLine(content.toString(java.nio.charset.StandardCharsets.UTF_8)));
            return true;
        }
        if (request == null) {
            if (!content.isReadable()) {
                return true; // stray empty lines are ignored, as other servers do
            }
            request = new RequestBuilder(config.maxCommandSize());
        }
        Marker marker = Marker.find(content);
        if (marker == Marker.UNREADABLE) {
            // a literal whose size cannot be read: its bytes cannot be skipped safely, so stop here
            out.add(error(true, false, null, "Literal size out of range", true));
            request.releaseLiterals();
            request = null;
            return true;
        }
        int bodyLength = marker == null ? content.readableBytes() : marker.start();
        if (request.ok()) {
            request.lex(content.slice(0, bodyLength));
        }
        if (marker == null) {
            finishCommand(ctx, in, out);
        } else {
            beginLiteral(marker, out);
        }
        return true;
    }

    private void finishCommand(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        RequestBuilder r = request;
        request = null;
        if (!r.ok()) {
            out.add(r.error());
            return;
        }
        ImapRequest built = r.build();
        if (built == null) {
            out.add(r.error());
            return;
        }
        out.add(built);
        flow.framed(ctx.channel());
        if (built.command().equals("IDLE")) {
            rawLine = true;
        } else if (built.command().equals("STARTTLS") && !StartTls.isActive(ctx.channel())) {
            StartTls.hold(ctx, in);
        }
    }

    private void beginLiteral(Marker marker, List<Object> out) throws IOException {
        RequestBuilder r = request;
        boolean append = carriesMessages(r.command());
        long limit = !authenticated ? config.maxLiteralSizeBeforeLogin()
                : append ? config.appendLimit() : config.maxLiteralSize();
        if (r.ok()) {
            if (marker.size() > limit) {
                r.fail(append && authenticated
                        ? new FrameError(r.tag(), r.command(), true, "TOOBIG",
                                "Message too large (APPENDLIMIT " + config.appendLimit() + ")", false)
                        : new FrameError(r.tag(), r.command(), false, "TOOBIG", "Literal too large", false));
            } else if (r.literalCount() >= MAX_LITERALS_PER_COMMAND) {
                r.fail(new FrameError(r.tag(), r.command(), false, "LIMIT", "Too many literals", false));
            }
        }
        if (!r.ok()) {
            if (marker.synchronizing()) {
                // the client waits for "+": answering now ends the command; the next line is a new command
                out.add(r.error());
                request = null;
            } else {
                remaining = marker.size();
                mode = remaining == 0 ? Mode.LINE : Mode.SKIP_LITERAL;
            }
            return;
        }
        boolean spool = append && (marker.size() > config.spoolThreshold()
                || !r.fitsInMemory(marker.size()));
        if (!spool && !r.reserveMemory(marker.size())) {
            r.fail(new FrameError(r.tag(), r.command(), false, "TOOBIG", "Command too large", false));
            beginLiteral(marker, out);
            return;
        }
        try {
            literal = spool ? LiteralSink.spooled(config.spoolDirectory(), marker.size())
                    : LiteralSink.inMemory((int) marker.size());
        } catch (IOException e) {
            r.fail(new FrameError(r.tag(), r.command(), true, "UNAVAILABLE", "Cannot store the literal now", false));
            beginLiteral(marker, out);
            return;
        }
        literal.binary = marker.binary();
        remaining = marker.size();
        mode = Mode.LITERAL;
        if (marker.synchronizing()) {
            out.add(LiteralContinuation.INSTANCE);
        }
        if (remaining == 0) {
            endLiteral();
        }
    }

    /** APPEND and REPLACE (RFC 8508): their literals are messages, under APPENDLIMIT and spooled when large. */
    private static boolean carriesMessages(String command) {
        return "APPEND".equals(command) || "REPLACE".equals(command) || "UID REPLACE".equals(command);
    }

    private void readLiteral(ByteBuf in, List<Object> out) {
        int n = (int) Math.min(remaining, in.readableBytes());
        int target = in.readerIndex() + n;
        try {
            literal.write(in, n);
        } catch (IOException e) {
            // spool disk full or failing: the client sends the rest anyway, so skip it and answer once
            literal.abort();
            literal = null;
            in.readerIndex(target);
            remaining -= n;
            request.fail(new FrameError(request.tag(), request.command(), true, "UNAVAILABLE",
                    "Cannot store the literal now", false));
            mode = remaining == 0 ? Mode.LINE : Mode.SKIP_LITERAL;
            return;
        }
        remaining -= n;
        if (remaining == 0) {
            endLiteral();
        }
    }

    private void endLiteral() {
        request.addLiteral(literal.finish(), literal.binary);
        literal = null;
        mode = Mode.LINE;
    }

    private void beginSkipLine(ByteBuf in) {
        skippedTag = request != null ? request.tag() : RequestBuilder.peekTag(in);
        if (request != null) {
            request.releaseLiterals();
            request = null;
        }
        tailLength = 0;
        mode = Mode.SKIP_LINE;
    }

    private void skipLine(ByteBuf in, List<Object> out) {
        int start = in.readerIndex();
        int lf = in.indexOf(start, in.writerIndex(), (byte) '\n');
        int end = lf < 0 ? in.writerIndex() : lf;
        rememberTail(in, start, end);
        in.readerIndex(lf < 0 ? end : lf + 1);
        if (lf < 0) {
            return;
        }
        mode = Mode.LINE;
        FrameError tooLong = new FrameError(skippedTag, null, false, null, "Command line too long", false);
        Marker marker = Marker.find(io.netty.buffer.Unpooled.wrappedBuffer(tail, 0, tailLength));
        if (marker == Marker.UNREADABLE) {
            out.add(new FrameError(skippedTag, null, false, null, "Command line too long", true));
        } else if (marker != null && !marker.synchronizing()) {
            request = RequestBuilder.failed(tooLong);
            remaining = marker.size();
            mode = remaining == 0 ? Mode.LINE : Mode.SKIP_LITERAL;
        } else {
            out.add(tooLong);
        }
    }

    private void rememberTail(ByteBuf in, int start, int end) {
        int take = Math.min(TAIL, end - start);
        int keep = Math.min(tailLength, TAIL - take);
        System.arraycopy(tail, tailLength - keep, tail, 0, keep);
        int trimmed = end - take;
        in.getBytes(trimmed, tail, keep, take);
        tailLength = keep + take;
        if (tailLength > 0 && tail[tailLength - 1] == '\r') {
            tailLength--;
        }
    }

    private FrameError error(boolean fromRequest, boolean no, String code, String text, boolean close) {
        String tag = fromRequest && request != null ? request.tag() : null;
        String command = fromRequest && request != null ? request.command() : null;
        return new FrameError(tag, command, no, code, text, close);
    }

    @Override
    protected void handlerRemoved0(ChannelHandlerContext ctx) {
        releasePending();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        releasePending();
        super.channelInactive(ctx);
    }

    private void releasePending() {
        if (literal != null) {
            literal.abort();
            literal = null;
        }
        if (request != null) {
            request.releaseLiterals();
            request = null;
        }
    }

    /**
     * A literal announcement at the end of a line: {@code {n}}, {@code {n+}} or {@code ~{n}}.
     *
     * @param start index in the line where the marker begins
     */
    record Marker(int start, long size, boolean synchronizing, boolean binary) {
        static final Marker UNREADABLE = new Marker(-1, -1, false, false);

        /** The marker ending {@code line} (without CRLF), null when there is none. */
        static Marker find(ByteBuf line) {
            int end = line.writerIndex();
            int i = end - 1;
            if (i < line.readerIndex() || line.getByte(i) != '}') {
                return null;
            }
            i--;
            boolean sync = true;
            if (i >= line.readerIndex() && line.getByte(i) == '+') {
                sync = false;
                i--;
            }
            int digitsEnd = i + 1;
            while (i >= line.readerIndex() && line.getByte(i) >= '0' && line.getByte(i) <= '9') {
                i--;
            }
            int digits = digitsEnd - (i + 1);
            if (digits == 0 || i < line.readerIndex() || line.getByte(i) != '{') {
                return null;
            }
            boolean binary = i > line.readerIndex() && line.getByte(i - 1) == '~';
            int start = binary ? i - 1 : i;
            if (digits > 18) {
                return UNREADABLE;
            }
            long size = 0;
            for (int k = i + 1; k < digitsEnd; k++) {
                size = size * 10 + (line.getByte(k) - '0');
            }
            return new Marker(start - line.readerIndex(), size, sync, binary);
        }
    }
}
