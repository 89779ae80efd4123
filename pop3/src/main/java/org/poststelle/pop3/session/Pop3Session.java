package org.poststelle.pop3.session;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.ThreadLocalRandom;
import org.poststelle.core.auth.AuthContext;
import org.poststelle.core.auth.Protocol;
import org.poststelle.core.metrics.Metrics;
import org.poststelle.core.net.FrontEndServices;
import org.poststelle.core.net.ServerShutdown;
import org.poststelle.core.net.SessionInfo;
import org.poststelle.pop3.Pop3Config;
import org.poststelle.pop3.protocol.Pop3Request;
import org.poststelle.pop3.protocol.Pop3RequestDecoder;
import org.poststelle.pop3.protocol.Pop3Response;
import org.poststelle.store.MailStore;
import org.poststelle.store.StoreException;
import org.poststelle.tls.ServerTls;
import org.poststelle.tls.StartTls;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One POP3 connection. It runs on the channel's session executor (a DefaultEventExecutorGroup pins each
 * channel to one thread), so commands run one at a time and in order, store calls may block, and no field
 * needs a lock. Requests queue here; the next one starts when the previous answer is settled: at once for a
 * one-line answer or a streamed one (RETR, TOP, long lists: see {@link #stream}), after the password check
 * for a login.
 */
public final class Pop3Session extends ChannelInboundHandlerAdapter {
    static final String PROTOCOL = "pop3";
    private static final Logger log = LoggerFactory.getLogger(Pop3Session.class);

    private final Pop3Config config;
    private final FrontEndServices services;
    private final ServerTls tls;
    private final MailStore store;
    private final Clock clock;
    private final Pop3RequestDecoder decoder;
    private final String idleHandlerName;
    private final ArrayDeque<Pop3Request> queue = new ArrayDeque<>();

    private ChannelHandlerContext ctx;
    private SessionInfo info;
    private Pop3State state = Pop3State.Authorization.START;
    private boolean greeted;
    private boolean busy;
    private boolean closing;
    private boolean needsFlush;
    private int badCommands;
    private int authFailures;
    private boolean utf8;
    private String apopChallenge;
    private String userSlot;
    private ChannelFuture lastStream;

    /**
     * @param decoder this channel's decoder, told when a request is answered (PIPELINING backpressure)
     * @param idleHandlerName the pipeline name of the IdleStateHandler, replaced after login
     */
    public Pop3Session(Pop3Config config, FrontEndServices services, ServerTls tlsOrNull, MailStore store,
            Clock clock, Pop3RequestDecoder decoder, String idleHandlerName) {
        this.config = config;
        this.services = services;
        this.tls = tlsOrNull;
        this.store = store;
        this.clock = clock;
        this.decoder = decoder;
        this.idleHandlerName = idleHandlerName;
    }

    // ---- what handlers use

    Pop3Config config() {
        return config;
    }

    FrontEndServices services() {
        return services;
    }

    Metrics metrics() {
        return services.metrics();
    }

    MailStore store() {
        return store;
    }

    Clock clock() {
        return clock;
    }

    ServerTls tls() {
        return tls;
    }

    Channel channel() {
        return ctx.channel();
    }

    SessionInfo info() {
        return info;
    }

    Pop3State state() {
        return state;
    }

    void state(Pop3State next) {
        state = next;
    }

    /** The maildrop; only valid in the TRANSACTION state (the command table guarantees it). */
    Maildrop maildrop() {
        return ((Pop3State.Transaction) state).maildrop();
    }

    boolean secure() {
        return StartTls.isActive(ctx.channel());
    }

    /** Whether a password may be sent in clear now (USER/PASS, SASL PLAIN/LOGIN). */
    boolean plaintextAllowed() {
        return services.plaintext().allows(info.remoteAddress(), secure());
    }

    AuthContext authContext(String mechanism) {
        return new AuthContext(Protocol.POP3, info.remoteAddress(), secure(), mechanism);
    }

    /** The APOP timestamp of the greeting, or null when APOP is not offered. */
    String apopChallenge() {
        return apopChallenge;
    }

    void utf8(boolean on) {
        utf8 = on;
    }

    boolean utf8() {
        return utf8;
    }

    /** Counts a failed login; true when that was one too many and the connection should close. */
    boolean authFailed() {
        return ++authFailures >= config.maxAuthFailures();
    }

    /** Takes the per-user connection slot once per user and connection (ConnectionLimits releases it at close). */
    boolean acceptUser(String user) {
        if (user.equalsIgnoreCase(userSlot)) {
            return true;
        }
        if (!services.limits().tryAcceptUser(ctx.channel(), user)) {
            return false;
        }
        userSlot = user;
        return true;
    }

    /** After login: the longer TRANSACTION idle timeout replaces the one for unauthenticated clients. */
    void loggedIn(String user) {
        info.user(user);
        Duration idle = config.idleTimeout();
        ctx.pipeline().replace(idleHandlerName, idleHandlerName, Pop3Pipeline.idleHandler(idle));
    }

    // ---- channel events

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        info = SessionInfo.of(ctx.channel());
        if (info == null) {
            info = new SessionInfo(Protocol.POP3, (InetSocketAddress) ctx.channel().remoteAddress(),
                    (InetSocketAddress) ctx.channel().localAddress(), false);
            ctx.channel().attr(SessionInfo.KEY).set(info);
        }
        if (ctx.channel().isActive()) {
            greet();
        }
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        greet();
        super.channelActive(ctx);
    }

    private void greet() {
        if (greeted) {
            return;
        }
        greeted = true;
        String text = config.greeting();
        if (services.authenticator().apopPossible()) {
            String host = services.hostname() == null || services.hostname().isBlank() ? "localhost" : services.hostname();
            apopChallenge = "<" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1) + "."
                    + System.currentTimeMillis() + "@" + host + ">";
            text = text + " " + apopChallenge;
        }
        log.debug("{} POP3 connection from {}", info.id(), info.remote());
        ctx.writeAndFlush(Pop3Response.ok(text));
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof Pop3Request request) {
            queue.add(request);
            drain();
        } else {
            ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof IdleStateEvent) {
            log.debug("{} POP3 idle timeout", info.id());
            closeWith(Pop3Response.err("Disconnected for inactivity."));
        } else if (evt == ServerShutdown.INSTANCE) {
            closeWith(Pop3Response.err("SYS/TEMP", "Server shutting down."));
        } else if (evt instanceof SslHandshakeCompletionEvent done) {
            SslHandler ssl = ctx.pipeline().get(SslHandler.class);
            if (done.isSuccess() && ssl != null) {
                info.tlsProtocol(ssl.engine().getSession().getProtocol());
            } else if (!done.isSuccess()) {
                log.debug("{} POP3 TLS handshake failed: {}", info.id(), done.cause().toString());
            }
        }
        ReferenceCountUtil.release(evt);
    }

    /** Closes without the UPDATE state: marked deletions are forgotten (RFC 1939 section 6). */
    private void closeWith(Pop3Response response) {
        if (!closing) {
            closing = true;
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        closing = true;
        if (state instanceof Pop3State.Transaction t) {
            t.maildrop().close();
            log.info("{} POP3 user={} disconnected without QUIT; nothing deleted", info.id(), info.user());
        }
        state = Pop3State.Authorization.START;
        while (!queue.isEmpty()) {
            queue.poll();
            decoder.requestDone();
        }
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof IOException || cause instanceof DecoderException) {
            // the client's doing: reset connections, failed TLS handshakes (old protocol versions, bad records)
            log.debug("{} POP3 connection error: {}", info.id(), cause.toString());
        } else {
            log.warn("{} POP3 session error", info.id(), cause);
        }
        closing = true;
        ctx.close();
    }

    // ---- running requests in order

    private void drain() {
        while (!busy && !queue.isEmpty()) {
            Pop3Request request = queue.poll();
            if (closing) {
                decoder.requestDone();
                continue;
            }
            busy = true;
            long started = System.nanoTime();
            String verb = Pop3Commands.metricName(request, state);
            settle(Pop3Commands.dispatch(request, this), request, verb, started);
        }
        if (needsFlush && (busy || queue.isEmpty())) {
            needsFlush = false;
            ctx.flush();
        }
    }

    private void settle(Reply reply, Pop3Request request, String verb, long started) {
        if (reply instanceof Reply.Later<?> later) {
            if (needsFlush) {
                needsFlush = false;
                ctx.flush(); // answers before a slow login leave now
            }
            awaitLater(later, request, verb, started);
            return;
        }
        Reply.Send send = (Reply.Send) reply;
        if (closing && send.after() != Reply.After.CLOSE) {
            closeResponse(send.response());
            finish(request, verb, started, false);
            return;
        }
        switch (send.after()) {
            case CLOSE -> {
                closing = true;
                ctx.writeAndFlush(send.response()).addListener(ChannelFutureListener.CLOSE);
                finish(request, verb, started, false);
            }
            case START_TLS -> {
                state = Pop3State.Authorization.START; // RFC 2595: forget what the client said in clear
                utf8 = false;
                needsFlush = false;
                StartTls.upgrade(ctx.channel(), tls, send.response());
                finish(request, verb, started, true);
            }
            default -> {
                if (send.response().streams()) {
                    stream(send.response(), request, verb, started);
                } else if (queue.isEmpty()) {
                    needsFlush = false;
                    ctx.writeAndFlush(send.response());
                    finish(request, verb, started, false);
                } else {
                    ctx.write(send.response()); // flushed with the answers behind it
                    needsFlush = true;
                    finish(request, verb, started, false);
                }
            }
        }
    }

    /**
     * A streamed answer (RETR, TOP, long lists) is handed to the ChunkedWriteHandler, which sends it while the
     * channel is writable. The next command may start at once, so answers queue in order behind it; but at
     * most two streams are in flight, so a client pipelining many RETRs holds two open messages, not fifty.
     * The request counts as pending (for the decoder's read-ahead limit) until its last byte is out.
     */
    private void stream(Pop3Response response, Pop3Request request, String verb, long started) {
        ChannelFuture previous = lastStream;
        ChannelFuture written = ctx.writeAndFlush(response);
        lastStream = written;
        needsFlush = false;
        written.addListener(f -> {
            decoder.requestDone();
            if (!f.isSuccess()) {
                log.debug("{} POP3 answer to {} not sent: {}", info.id(), verb, f.cause().toString());
                ctx.channel().close();
            }
        });
        if (previous == null || previous.isDone()) {
            settled(request, verb, started, false);
        } else {
            previous.addListener(f -> ctx.executor().execute(() -> {
                settled(request, verb, started, false);
                drain();
            }));
        }
    }

    private <T> void awaitLater(Reply.Later<T> later, Pop3Request request, String verb, long started) {
        later.stage().whenCompleteAsync((value, error) -> {
            Reply next;
            if (error != null) {
                log.warn("{} POP3 {} failed", info.id(), verb, error);
                next = Reply.err("SYS/TEMP", "Internal error, try again later.");
            } else {
                next = Pop3Commands.guarded(() -> later.then().apply(value), this);
            }
            settle(next, request, verb, started);
            drain();
        }, ctx.executor());
    }

    /** A response that arrives after the connection started closing (a login finishing late) goes nowhere. */
    private void closeResponse(Pop3Response response) {
        if (response instanceof Pop3Response.Message m) {
            m.source().close();
        }
    }

    private void finish(Pop3Request request, String verb, long started, boolean upgraded) {
        settled(request, verb, started, upgraded);
        decoder.requestDone();
    }

    /** The command is done as far as the session goes: the next one may run. */
    private void settled(Pop3Request request, String verb, long started, boolean upgraded) {
        metrics().command(PROTOCOL, verb, Duration.ofNanos(System.nanoTime() - started));
        if (request.heldForTls() && !upgraded) {
            StartTls.refuse(ctx.channel());
        }
        busy = false;
    }

    /** Counts a bad command: the answer is {@code text}, or a closing one when there were too many. */
    Reply bad(String text) {
        badCommands++;
        if (badCommands > config.maxBadCommands()) {
            log.info("{} POP3 too many bad commands; closing", info.id());
            return Reply.close(Pop3Response.err("Too many bad commands."));
        }
        return Reply.err(text);
    }

    /** The answer for a store failure; the text is safe to show (StoreException says so). */
    Reply storeError(StoreException e) {
        if (e.reason() == StoreException.Reason.MESSAGE_GONE) {
            return Reply.err("Message was removed by another session.");
        }
        log.warn("{} POP3 store error: {}", info.id(), e.getMessage());
        return e.reason() == StoreException.Reason.TEMPORARY
                ? Reply.err("SYS/TEMP", "Mail storage temporarily unavailable, try again later.")
                : Reply.err("SYS/PERM", "Mail storage error: " + e.getMessage());
    }
}
