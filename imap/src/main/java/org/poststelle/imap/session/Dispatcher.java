package org.poststelle.imap.session;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.function.Consumer;
import org.poststelle.core.auth.Protocol;
import org.poststelle.imap.protocol.Args;
import org.poststelle.imap.protocol.BadCommandException;
import org.poststelle.imap.protocol.DecodedFrame;
import org.poststelle.imap.protocol.DecodedFrame.ContinuationLine;
import org.poststelle.imap.protocol.DecodedFrame.FrameError;
import org.poststelle.imap.protocol.DecodedFrame.LiteralContinuation;
import org.poststelle.imap.protocol.ImapFrameDecoder;
import org.poststelle.imap.protocol.ImapRequest;
import org.poststelle.imap.response.Continuation;
import org.poststelle.imap.response.Status;
import org.poststelle.imap.response.Tagged;
import org.poststelle.imap.response.UntaggedStatus;
import org.poststelle.imap.session.ImapState.Authenticated;
import org.poststelle.imap.session.ImapState.NotAuthenticated;
import org.poststelle.store.StoreException;
import org.poststelle.tls.StartTls;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a session's frames in order: looks the command up in the table, checks the state, parses, runs the
 * handler, maps failures to answers, syncs the selected mailbox where RFC 3501 section 7.4.1 allows, and
 * writes the tagged line. A command that returns {@link Result#PENDING} keeps the dispatcher busy: later
 * frames wait in the backlog, apart from the continuation line the command asked for.
 */
final class Dispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

    private final ImapSession s;
    private final Responder out;
    private ImapRequest current;
    private CommandSpec<?> currentSpec;
    private long started;
    private final ArrayDeque<DecodedFrame> backlog = new ArrayDeque<>();
    private Consumer<String> lineReceiver;
    private ImapSession.OutputPump pump;
    private int badCommands;

    Dispatcher(ImapSession session) {
        this.s = session;
        this.out = session.out();
    }

    String tag() {
        return current == null ? "*" : current.tag();
    }

    /** Whether a command is running (also one waiting for its completion). */
    boolean busy() {
        return current != null;
    }

    void awaitLine(Consumer<String> receiver) {
        this.lineReceiver = receiver;
    }

    Result stream(ImapSession.OutputPump p) {
        Result r = p.resume();
        if (r != null) {
            return r;
        }
        pump = p;
        out.flush();
        return Result.PENDING;
    }

    void complete(Result result) {
        if (current == null || s.isClosed()) {
            return;
        }
        finish(result);
        drain();
    }

    /** A failure outside a handler's own call (a callback): the running command ends with its answer. */
    void fail(RuntimeException e) {
        if (current != null) {
            complete(failure(e));
        }
    }

    void onFrame(DecodedFrame frame) {
        if (s.isClosed()) {
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
        while (!backlog.isEmpty() && !s.isClosed()) {
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
        try {
            r.accept(line.line());
        } catch (RuntimeException e) {
            fail(e);
        }
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
            if (!countBad()) {
                out.flush();
            }
        }
    }

    private void frameError(FrameError e) {
        if (e.tag() != null) {
            out.write(new Tagged(e.tag(), e.no() ? Status.NO : Status.BAD, e.code(), e.text()));
        } else {
            out.write(new UntaggedStatus(e.no() ? Status.NO : Status.BAD, e.code(), e.text()));
        }
        if (e.close()) {
            s.closeWithBye("Protocol error");
            return;
        }
        if (!e.no() && countBad()) {
            return;
        }
        out.flush();
    }

    private void run(ImapRequest request) {
        current = request;
        started = System.nanoTime();
        CommandSpec<?> spec = s.services().commands().get(request.command());
        currentSpec = spec;
        Result result;
        try {
            if (spec == null) {
                result = Result.bad("Unknown command " + abbreviate(request.command()));
            } else if (!spec.allowedIn(s.state())) {
                result = Result.bad(wrongState(request.command()));
            } else {
                result = spec.run(new Args(request.args(), s.extensions().utf8Names()), s);
            }
        } catch (BadCommandException e) {
            result = Result.bad(e.getMessage());
        } catch (RuntimeException e) {
            lineReceiver = null;
            pump = null;
            result = failure(e);
        }
        if (!result.isPending() && request.command().equals("IDLE")) {
            ImapFrameDecoder.onEventLoop(s.channel(), ImapFrameDecoder::expectCommand);
        }
        if (request.command().equals("STARTTLS") && result.after() != Result.After.START_TLS
                && StartTls.holding(s.channel())) {
            StartTls.refuse(s.channel());
        }
        if (!result.isPending()) {
            finish(result);
        }
    }

    /** The answer for an exception out of a handler: store failures by reason, anything else SERVERBUG. */
    private Result failure(RuntimeException e) {
        if (e instanceof StoreException se) {
            return StoreErrors.result(se);
        }
        LOG.error("session {}: {} failed: {}", s.info().id(), current == null ? "-" : current.command(),
                e.toString(), e);
        return Result.no("SERVERBUG", "Internal error; the failure was logged");
    }

    private String wrongState(String command) {
        if (s.state() instanceof NotAuthenticated) {
            return command + " is not valid before login";
        }
        if (s.state() instanceof Authenticated) {
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
        SelectedMailbox sel = s.selected();
        try {
            if (sel != null && result.after() == Result.After.CONTINUE) {
                boolean expungeAllowed = spec == null || !spec.usesSequenceNumbers();
                sel.sync(out, s.extensions(), expungeAllowed, false);
            }
        } catch (StoreException e) {
            LOG.debug("session {}: sync failed: {}", s.info().id(), e.getMessage());
        }
        if (sel != null && sel.takeVanishedReported() && result.status() == Status.OK && result.code() == null) {
            // VANISHED carries no modseq: the client learns the mailbox's new one here (as the reference does)
            result = result.withCode("HIGHESTMODSEQ " + sel.highestModSeq());
        }
        Tagged tagged = new Tagged(request.tag(), result.status(), result.code(), result.text());
        // the tag value must come from the command table: a client-chosen name would grow the metrics without bound
        s.services().shared().metrics().command(Protocol.IMAP.id(), spec == null ? "unknown" : spec.name(),
                Duration.ofNanos(System.nanoTime() - started));
        request.release();
        s.flow().done(s.channel());
        switch (result.after()) {
            case CLOSE -> {
                out.write(tagged);
                out.flush();
                s.close();
            }
            case START_TLS -> {
                out.flush();
                StartTls.upgrade(s.channel(), s.services().tls(), out.encode(tagged));
            }
            case COMPRESS -> {
                out.flush();
                Deflate.start(s.channel(), out.encode(tagged));
            }
            default -> {
                out.write(tagged);
                if (result.status() == Status.BAD && countBad()) {
                    return;
                }
                if (backlog.isEmpty()) {
                    out.flush();
                } else {
                    out.push();
                }
            }
        }
    }

    /** Counts a BAD answer; says BYE and closes (true) when there were too many. */
    private boolean countBad() {
        if (++badCommands >= s.config().maxBadCommands()) {
            s.closeWithBye("Too many invalid commands");
            return true;
        }
        return false;
    }

    /** The channel can take output again: continue a paused response. */
    void onWritable() {
        if (s.isClosed() || pump == null || !out.writable()) {
            return;
        }
        Result r;
        try {
            r = pump.resume();
        } catch (RuntimeException e) {
            r = failure(e);
        }
        if (r != null) {
            pump = null;
            complete(r);
        } else {
            out.flush();
        }
    }

    /** The connection closed: release what waits. */
    void closed() {
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

    private static String abbreviate(String text) {
        return text.length() > 30 ? text.substring(0, 30) + "..." : text;
    }
}
