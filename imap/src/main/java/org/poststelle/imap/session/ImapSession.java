package org.poststelle.imap.session;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.poststelle.core.auth.Account;
import org.poststelle.core.auth.sasl.SaslMechanism;
import org.poststelle.core.net.SessionInfo;
import org.poststelle.imap.ImapConfig;
import org.poststelle.imap.protocol.DecodedFrame;
import org.poststelle.imap.protocol.FlowControl;
import org.poststelle.imap.protocol.ImapFrameDecoder;
import org.poststelle.imap.response.UntaggedStatus;
import org.poststelle.imap.session.ImapState.Authenticated;
import org.poststelle.imap.session.ImapState.LoggedOut;
import org.poststelle.imap.session.ImapState.NotAuthenticated;
import org.poststelle.imap.session.ImapState.Selected;
import org.poststelle.store.Mailbox;
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

    /** SEARCH, SORT and THREAD extensions (handler/SearchHandler, SortHandler, ThreadHandler). */
    private static final List<String> SEARCH_CAPABILITIES = List.of("ESEARCH", "SEARCHRES", "WITHIN", "SORT",
            "SORT=DISPLAY", "ESORT", "THREAD=ORDEREDSUBJECT", "THREAD=REFERENCES");

    private final ChannelHandlerContext ctx;
    private final ImapServices services;
    private final SessionInfo info;
    private final FlowControl flow;
    private final Responder out;
    private final Extensions extensions = new Extensions();
    private ImapState state = new NotAuthenticated();
    private int authFailures;
    private final Dispatcher dispatcher;
    private final Idle idle;
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
        this.dispatcher = new Dispatcher(this);
        this.idle = new Idle(this);
        out.whenWritable(dispatcher::onWritable);
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
        if (capability.equalsIgnoreCase("UTF8=ACCEPT") && !services.config().utf8Accept()) {
            return null; // not offered (imap.utf8_accept), so not enabled: RFC 5161 ignores it silently
        }
        boolean condstoreBefore = extensions.condstore();
        String enabled = extensions.enable(capability);
        if (!condstoreBefore && extensions.condstore()) {
            announceHighestModSeq();
        }
        out.writer().utf8(extensions.utf8Names());
        return enabled;
    }

    /**
     * A CONDSTORE enabling command (RFC 7162 section 3.1: SELECT/EXAMINE (CONDSTORE), STATUS HIGHESTMODSEQ,
     * FETCH MODSEQ or CHANGEDSINCE, STORE UNCHANGEDSINCE, SEARCH MODSEQ). The first one sent while a mailbox
     * is selected announces the mailbox's HIGHESTMODSEQ.
     */
    public void enableCondstore() {
        if (extensions.enableCondstore()) {
            announceHighestModSeq();
        }
    }

    private void announceHighestModSeq() {
        SelectedMailbox sel = selected();
        if (sel != null) {
            out.write(UntaggedStatus.ok("HIGHESTMODSEQ " + sel.highestModSeq(), "Highest"));
        }
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
        return dispatcher.tag();
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

    /**
     * The saved search result ({@code $}, RFC 5182); kept with the selected mailbox, so SELECT, EXAMINE, CLOSE
     * and UNSELECT reset it.
     */
    public UidSet savedSearch() {
        SelectedMailbox sel = selected();
        return sel == null ? UidSet.empty() : sel.savedSearch();
    }

    /** Selects an opened mailbox (closing any previous one) and returns its view. */
    public SelectedMailbox select(Mailbox mailbox) {
        deselect();
        SelectedMailbox sel = SelectedMailbox.open(mailbox, extensions, this::onMailboxHint);
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
        dispatcher.awaitLine(receiver);
    }

    /** Asks the decoder to treat the next line as a raw line; call before writing the "+" that asks for it. */
    public void requestRawLine() {
        ImapFrameDecoder.onEventLoop(ctx.channel(), ImapFrameDecoder::expectRawLine);
    }

    /** Starts a response written at the client's pace; returns the handler's result. */
    public Result stream(OutputPump p) {
        return dispatcher.stream(p);
    }

    /** Ends a pending command; must run on the session executor. */
    public void complete(Result result) {
        dispatcher.complete(result);
    }

    /**
     * Runs {@code r} on this session's executor, after what is already queued there. A failure ends the
     * running command like a failure in its handler, so a client never waits for an answer that cannot come.
     */
    public void execute(Runnable r) {
        ctx.executor().execute(() -> {
            if (closed) {
                return;
            }
            try {
                r.run();
            } catch (RuntimeException e) {
                dispatcher.fail(e);
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
            caps.addAll(SEARCH_CAPABILITIES);
        }
        if (!(state instanceof NotAuthenticated)) {
            caps.addAll(ExtensionCapabilities.afterLogin(services.config().utf8Accept()));
        }
        return caps;
    }

    // ---- IDLE ----

    /** Enters IDLE: keepalives, periodic re-checks, and pushes on every change hint until a line comes. */
    public void startIdle(Consumer<String> onLine) {
        dispatcher.awaitLine(line -> {
            idle.stop();
            onLine.accept(line);
        });
        idle.start(ctx.executor());
    }

    public boolean idling() {
        return idle.idling();
    }

    private void onMailboxHint() {
        if (idle.idling()) {
            execute(() -> idle.sync(false));
        }
    }

    // ---- events from the channel ----

    void onFrame(DecodedFrame frame) {
        dispatcher.onFrame(frame);
    }

    void onWritabilityChanged() {
        dispatcher.onWritable();
    }

    /** The client was silent too long; IDLE and running commands are exempt. */
    void onReaderIdle() {
        if (closed || idle.idling() || dispatcher.busy()) {
            return;
        }
        closeWithBye(state instanceof NotAuthenticated ? "Disconnected for inactivity"
                : "Autologout; idle for too long");
    }

    void onShutdown() {
        if (!closed) {
            idle.stop();
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

    void close() {
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
        idle.stop();
        SelectedMailbox sel = selected();
        if (sel != null) {
            closeQuietly(sel);
        }
        dispatcher.closed();
    }

    public boolean isClosed() {
        return closed;
    }

    FlowControl flow() {
        return flow;
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            LOG.debug("closing {} failed: {}", c, e.toString());
        }
    }
}
