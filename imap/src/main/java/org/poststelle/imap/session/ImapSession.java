package org.poststelle.imap.session;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.poststelle.core.auth.Account;
import org.poststelle.core.auth.Protocol;
import org.poststelle.core.auth.sasl.SaslMechanism;
import org.poststelle.core.net.SessionInfo;
import org.poststelle.imap.ImapConfig;
import org.poststelle.imap.protocol.Args;
import org.poststelle.imap.protocol.BadCommandException;
import org.poststelle.imap.protocol.DecodedFrame;
import org.poststelle.imap.protocol.DecodedFrame.ContinuationLine;
import org.poststelle.imap.protocol.DecodedFrame.FrameError;
import org.poststelle.imap.protocol.DecodedFrame.LiteralContinuation;
import org.poststelle.imap.protocol.FlowControl;
import org.poststelle.imap.protocol.ImapFrameDecoder;
import org.poststelle.imap.protocol.ImapRequest;
import org.poststelle.imap.response.Continuation;
import org.poststelle.imap.response.Status;
import org.poststelle.imap.response.Tagged;
import org.poststelle.imap.response.UntaggedStatus;
import org.poststelle.imap.session.ImapState.Authenticated;
import org.poststelle.imap.session.ImapState.LoggedOut;
import org.poststelle.imap.session.ImapState.NotAuthenticated;
import org.poststelle.imap.session.ImapState.Selected;
import org.poststelle.store.Mailbox;
import org.poststelle.store.StoreException;
import org.poststelle.store.UserMailboxes;
import org.poststelle.store.model.UidSet;
import org.poststelle.tls.StartTls;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One IMAP connection: its state, what the client enabled, and the dispatcher. Everything here runs on the
 * channel's session executor, one frame at a time, so nothing needs a lock. A command that cannot finish at
 * once (waiting for the authenticator, IDLE, a FETCH paced by the client) returns {@link Result#PENDING};
 * frames arriving meanwhile wait in order in the backlog, apart from the continuation line it asked for.
 */
public final class ImapSession {
    private static final Logger LOG = LoggerFactory.getLogger(ImapSession.class);

    private final ChannelHandlerContext ctx;
    private final ImapServices services;
    private final SessionInfo info;
    private final FlowControl flow;
    private final Responder out;
    private final Extensions extensions = new Extensions();
    private ImapState state = new NotAuthenticated();
    private int badCommands;
    private int authFailures;

    private ImapRequest current;
    private CommandSpec<?> currentSpec;
    private long started;
    private final ArrayDeque<DecodedFrame> backlog = new ArrayDeque<>();
    private Consumer<String> lineReceiver;
    private OutputPump pump;
    private volatile boolean idling;
    private ScheduledFuture<?> keepalive;
    private ScheduledFuture<?> recheck;
    private boolean closed;

    /** A long response written in steps as the client reads it (FETCH of many messages). */
    @FunctionalInterface
    public interface OutputPump {
        /** Writes while {@link Responder#writable()}; the command's result when done, null when paused. */
        Result resume();
    }

    ImapSession(ChannelHandlerContext ctx, ImapServices services, SessionInfo info, FlowControl flow) {
        this.ctx = ctx;
        this.services = services;
        this.info = info;
        this.flow = flow;
        this.out = new Responder(ctx);
        out.whenWritable(this::onWritable);
    }

    // ---- what handlers use ----

    public ImapState state() {
        return state;
    }

    public void state(ImapState next) {
        this.state = next;
    }

    public Responder out() {
        return out;
    }

    public Extensions extensions() {
        return extensions;
    }

    /** ENABLE one capability; its canonical name, or null when the server cannot enable it. */
    public String enable(String capability) {
        String enabled = extensions.enable(capability);
        out.writer().utf8(extensions.utf8Names());
        return enabled;
    }

    public ImapServices services() {
        return services;
    }

    public ImapConfig config() {
        return services.config();
    }

    public SessionInfo info() {
        return info;
    }

    public Channel channel() {
        return ctx.channel();
    }

    /** The current command's tag. */
    public String tag() {
        return current == null ? "*" : current.tag();
    }

    public boolean secure() {
        return info.implicitTls() || StartTls.isActive(ctx.channel());
    }

    /** Whether passwords may be sent on this connection now (TLS, or allowed by policy for this address). */
    public boolean plaintextAllowed() {
        return services.shared().plaintext().allows(info.remoteAddress(), secure());
    }

    public Account account() {
        if (state instanceof Authenticated a) {
            return a.account();
        }
        if (state instanceof Selected s) {
            return s.account();
        }
        throw new IllegalStateException("not authenticated");
    }

    public UserMailboxes mailboxes() {
        if (state instanceof Authenticated a) {
            return a.mailboxes();
        }
        if (state instanceof Selected s) {
            return s.mailboxes();
        }
        throw new IllegalStateException("not authenticated");
    }

    /** The selected mailbox, or null. */
    public SelectedMailbox selected() {
        return state instanceof Selected s ? s.mailbox() : null;
    }

    /** The saved search result ({@code $}, RFC 5182); empty until SEARCHRES exists. */
    public UidSet savedSearch() {
        return UidSet.empty();
    }

    /** Selects an opened mailbox (closing any previous one) and returns its view. */
    public SelectedMailbox select(Mailbox mailbox) {
        deselect();
        SelectedMailbox sel = SelectedMailbox.open(mailbox, this::onMailboxHint);
        state = new Selected(account(), mailboxes(), sel);
        return sel;
    }

    /** Back to the authenticated state; closes the selected mailbox. */
    public void deselect() {
        if (state instanceof Selected s) {
            state = new Authenticated(s.account(), s.mailboxes());
            closeQuietly(s.mailbox());
        }
    }

    /** Login succeeded: switch to the authenticated state and the limits after login. */
    public void authenticated(Account account, UserMailboxes mailboxes) {
        state = new Authenticated(account, mailboxes);
        info.user(account.username());
        ImapFrameDecoder.onEventLoop(ctx.channel(), ImapFrameDecoder::loggedIn);
        ImapChannelHandler.setAutologout(ctx.channel(), services.config().autologout());
    }

    /** Counts a failed login; true when the connection has had too many and must close. */
    public boolean authFailed() {
        return ++authFailures >= services.config().maxAuthFailures();
    }

    /** The next raw line from the client goes to {@code receiver} (SASL response, DONE). */
    public void awaitLine(Consumer<String> receiver) {
        this.lineReceiver = receiver;
    }

    /** Asks the decoder to treat the next line as a raw line; call before writing the "+" that asks for it. */
    public void requestRawLine() {
        ImapFrameDecoder.onEventLoop(ctx.channel(), ImapFrameDecoder::expectRawLine);
    }

    /** Starts a response written at the client's pace; returns the handler's result. */
    public Result stream(OutputPump p) {
        Result r = p.resume();
        if (r != null) {
            return r;
        }
        pump = p;
        out.flush();
        return Result.PENDING;
    }

    /** Ends a pending command; must run on the session executor. */
    public void complete(Result result) {
        if (current == null || closed) {
            return;
        }
        finish(result);
        drain();
    }

    /** Runs {@code r} on this session's executor, after what is already queued there. */
    public void execute(Runnable r) {
        ctx.executor().execute(() -> {
            if (!closed) {
                r.run();
            }
        });
    }

    public List<String> capabilities() {
        List<String> caps = new ArrayList<>(List.of("IMAP4rev1", "IMAP4rev2", "LITERAL+", "ID", "ENABLE", "IDLE"));
        if (state instanceof NotAuthenticated) {
            caps.add("SASL-IR");
            if (services.tls() != null && !secure()) {
                caps.add("STARTTLS");
            }
            boolean plain = plaintextAllowed();
            if (!plain) {
                caps.add("LOGINDISABLED");
            }
            for (SaslMechanism m : services.shared().saslMechanisms()) {
                if (plain || !m.plaintext()) {
                    caps.add("AUTH=" + m.name());
                }
            }
        } else {
            caps.addAll(List.of("NAMESPACE", "UIDPLUS", "UNSELECT", "CHILDREN", "LIST-EXTENDED", "LIST-STATUS",
                    "SPECIAL-USE", "CREATE-SPECIAL-USE", "MOVE", "MULTIAPPEND",
                    "APPENDLIMIT=" + services.config().appendLimit()));
        }
        return caps;
    }

    // ---- IDLE ----

    /** Enters IDLE: keepalives, periodic re-checks, and pushes on every change hint until {@code DONE}. */
    public void startIdle(Consumer<String> onLine) {
        idling = true;
        ImapConfig cfg = services.config();
        long keep = cfg.idleKeepalive().toMillis();
        keepalive = ctx.executor().scheduleAtFixedRate(() -> {
            if (idling && !closed) {
                out.write(UntaggedStatus.ok(null, "Still here"));
                out.flush();
            }
        }, keep, keep, TimeUnit.MILLISECONDS);
        long every = cfg.idleRecheck().toMillis();
        recheck = ctx.executor().scheduleAtFixedRate(() -> idleSync(true), every, every, TimeUnit.MILLISECONDS);
        awaitLine(line -> {
            stopIdle();
            onLine.accept(line);
        });
        idleSync(true);
    }

    public boolean idling() {
        return idling;
    }

    private void stopIdle() {
        idling = false;
        if (keepalive != null) {
            keepalive.cancel(false);
            recheck.cancel(false);
            keepalive = null;
            recheck = null;
        }
    }

    private void onMailboxHint() {
        if (idling) {
            execute(() -> idleSync(false));
        }
    }

    private void idleSync(boolean force) {
        SelectedMailbox sel = selected();
        if (idling && sel != null && !closed) {
            try {
                sel.sync(out, extensions, true, force);
            } catch (StoreException e) {
                LOG.debug("session {}: idle sync failed: {}", info.id(), e.getMessage());
            }
            out.flush();
        }
    }

    // ---- dispatcher ----

    void onFrame(DecodedFrame frame) {
        if (closed) {
            if (frame instanceof ImapRequest r) {
                r.release();
            }
            return;
        }
        if (current != null || !backlog.isEmpty()) {
            if (frame instanceof ContinuationLine line && lineReceiver != null && backlog.isEmpty()) {
                deliverLine(line);
            } else {
                backlog.add(frame);
            }
            return;
        }
        process(frame);
    }

    private void drain() {
        while (!backlog.isEmpty() && !closed) {
            DecodedFrame next = backlog.peek();
            if (current == null) {
                process(backlog.poll());
            } else if (next instanceof ContinuationLine line && lineReceiver != null) {
                backlog.poll();
                deliverLine(line);
            } else {
                break;
            }
        }
    }

    private void deliverLine(ContinuationLine line) {
        Consumer<String> r = lineReceiver;
        lineReceiver = null;
        r.accept(line.line());
    }

    private void process(DecodedFrame frame) {
        if (frame instanceof ImapRequest request) {
            run(request);
        } else if (frame instanceof LiteralContinuation) {
            out.write(new Continuation("Ready for literal data"));
            out.flush();
        } else if (frame instanceof FrameError e) {
            frameError(e);
        } else if (frame instanceof ContinuationLine) {
            // a line nobody asked for (e.g. DONE after IDLE was refused): it is not a command
            out.write(new UntaggedStatus(Status.BAD, null, "Unexpected continuation line"));
            out.flush();
            countBad();
        }
    }

    private void frameError(FrameError e) {
        if (e.tag() != null) {
            out.write(new Tagged(e.tag(), e.no() ? Status.NO : Status.BAD, e.code(), e.text()));
        } else {
            out.write(new UntaggedStatus(e.no() ? Status.NO : Status.BAD, e.code(), e.text()));
        }
        if (e.close()) {
            closeWithBye("Protocol error");
            return;
        }
        if (!e.no()) {
            countBad();
        }
        out.flush();
    }

    private void run(ImapRequest request) {
        current = request;
        started = System.nanoTime();
        CommandSpec<?> spec = services.commands().get(request.command());
        currentSpec = spec;
        Result result;
        try {
            if (spec == null) {
                result = Result.bad("Unknown command " + abbreviate(request.command()));
            } else if (!spec.allowedIn(state)) {
                result = Result.bad(wrongState(request.command()));
            } else {
                result = spec.run(new Args(request.args(), extensions.utf8Names()), this);
            }
        } catch (BadCommandException e) {
            result = Result.bad(e.getMessage());
        } catch (StoreException e) {
            result = StoreErrors.result(e);
        } catch (RuntimeException e) {
            LOG.error("session {}: {} failed: {}", info.id(), request.command(), e.toString(), e);
            result = Result.no("SERVERBUG", "Internal error; the failure was logged");
        }
        if (!result.isPending() && request.command().equals("IDLE")) {
            ImapFrameDecoder.onEventLoop(ctx.channel(), ImapFrameDecoder::expectCommand);
        }
        if (request.command().equals("STARTTLS") && result.after() != Result.After.START_TLS
                && StartTls.holding(ctx.channel())) {
            StartTls.refuse(ctx.channel());
        }
        if (!result.isPending()) {
            finish(result);
        }
    }

    private String wrongState(String command) {
        if (state instanceof NotAuthenticated) {
            return command + " is not valid before login";
        }
        if (state instanceof Authenticated) {
            return command + " needs a selected mailbox";
        }
        return command + " is not valid in this state";
    }

    private void finish(Result result) {
        ImapRequest request = current;
        CommandSpec<?> spec = currentSpec;
        current = null;
        currentSpec = null;
        lineReceiver = null;
        pump = null;
        try {
            SelectedMailbox sel = selected();
            if (sel != null && result.after() == Result.After.CONTINUE) {
                boolean expungeAllowed = spec == null || !spec.usesSequenceNumbers();
                sel.sync(out, extensions, expungeAllowed, false);
            }
        } catch (StoreException e) {
            LOG.debug("session {}: sync failed: {}", info.id(), e.getMessage());
        }
        Tagged tagged = new Tagged(request.tag(), result.status(), result.code(), result.text());
        services.shared().metrics().command(Protocol.IMAP.id(), request.command(),
                java.time.Duration.ofNanos(System.nanoTime() - started));
        request.release();
        flow.done(ctx.channel());
        if (result.status() == Status.BAD && result.after() == Result.After.CONTINUE) {
            out.write(tagged);
            if (countBad()) {
                return;
            }
            out.flush();
            return;
        }
        switch (result.after()) {
            case CLOSE -> {
                out.write(tagged);
                out.flush();
                close();
            }
            case START_TLS -> {
                out.flush();
                StartTls.upgrade(ctx.channel(), services.tls(), out.encode(tagged));
            }
            default -> {
                out.write(tagged);
                if (backlog.isEmpty()) {
                    out.flush();
                } else {
                    out.push();
                }
            }
        }
    }

    /** Counts a BAD answer; closes the connection (true) when there were too many. */
    private boolean countBad() {
        if (++badCommands >= services.config().maxBadCommands()) {
            closeWithBye("Too many invalid commands");
            return true;
        }
        return false;
    }

    private void onWritable() {
        if (closed || pump == null || !out.writable()) {
            return;
        }
        OutputPump p = pump;
        Result r = p.resume();
        if (r != null) {
            pump = null;
            complete(r);
        } else {
            out.flush();
        }
    }

    void onWritabilityChanged() {
        onWritable();
    }

    /** The client was silent too long; IDLE and running commands are exempt. */
    void onReaderIdle() {
        if (closed || idling || current != null) {
            return;
        }
        closeWithBye(state instanceof NotAuthenticated ? "Disconnected for inactivity"
                : "Autologout; idle for too long");
    }

    void onShutdown() {
        if (!closed) {
            stopIdle();
            closeWithBye("Server shutting down");
        }
    }

    void onTlsHandshake(String protocol) {
        info.tlsProtocol(protocol);
    }

    /** Writes {@code * BYE text} and closes. */
    public void closeWithBye(String text) {
        if (closed) {
            return;
        }
        out.write(UntaggedStatus.bye(text));
        out.flush();
        close();
    }

    private void close() {
        closed();
        state = new LoggedOut();
        ctx.channel().writeAndFlush(io.netty.buffer.Unpooled.EMPTY_BUFFER)
                .addListener(ChannelFutureListener.CLOSE);
    }

    /** The channel closed: free the mailbox, timers and queued literals. */
    void closed() {
        if (closed) {
            return;
        }
        closed = true;
        stopIdle();
        SelectedMailbox sel = selected();
        if (sel != null) {
            closeQuietly(sel);
        }
        if (current != null) {
            current.release();
            current = null;
        }
        for (DecodedFrame f : backlog) {
            if (f instanceof ImapRequest r) {
                r.release();
            }
        }
        backlog.clear();
    }

    public boolean isClosed() {
        return closed;
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            LOG.debug("closing {} failed: {}", c, e.toString());
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 30 ? s.substring(0, 30) + "..." : s;
    }
}
