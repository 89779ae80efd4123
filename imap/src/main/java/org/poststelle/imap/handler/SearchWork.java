package org.poststelle.imap.handler;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import org.poststelle.imap.session.ImapSession;
import org.poststelle.imap.session.Result;

/**
 * Where SEARCH, SORT and THREAD run when they read message files. A session executor is shared by many
 * connections, so a TEXT search over a large mailbox there would stall every session pinned to the same thread
 * for as long as it scans. Such searches run on a small pool of their own instead; the session waits for the
 * answer like a login waits for the authenticator (its later commands queue in order), and the answer is
 * written back on the session's executor. Searches the index alone answers stay where they are: a hop would
 * cost more than they do.
 */
final class SearchWork {
    private final ExecutorService pool;

    SearchWork(int threads) {
        AtomicInteger n = new AtomicInteger();
        // one search in flight per session at most (the dispatcher waits for it), so the queue is bounded by
        // the number of sessions
        this.pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "imap-search-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        ((ThreadPoolExecutor) pool).allowCoreThreadTimeOut(true);
    }

    static SearchWork forThisMachine() {
        return new SearchWork(Math.max(1, Runtime.getRuntime().availableProcessors()));
    }

    /**
     * Computes a search and answers it: at once when {@code readsMessages} is false, else on the pool, then
     * back on the session's executor, returning {@link Result#PENDING}.
     *
     * @param onFailure what the command undoes when the search fails (before the failure is answered)
     */
    <T> Result run(ImapSession s, boolean readsMessages, Supplier<T> search, Function<T, Result> answer,
            Runnable onFailure) {
        if (!readsMessages) {
            T found;
            try {
                found = search.get();
            } catch (RuntimeException e) {
                onFailure.run();
                throw e;
            }
            return answer.apply(found);
        }
        CompletableFuture.supplyAsync(search, pool).whenComplete((found, failure) -> s.execute(() -> {
            if (failure != null) {
                onFailure.run();
                throw asRuntime(failure);
            }
            s.complete(answer.apply(found));
        }));
        return Result.PENDING;
    }

    private static RuntimeException asRuntime(Throwable t) {
        Throwable cause = t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
        return cause instanceof RuntimeException re ? re : new IllegalStateException("search failed", cause);
    }
}
