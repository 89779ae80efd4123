package org.poststelle.core.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.InstantSource;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.poststelle.core.auth.hash.PasswordSchemes;
import org.poststelle.core.auth.hash.StoredPassword;
import org.poststelle.core.auth.passwd.AccountDatabase;
import org.poststelle.core.auth.passwd.AccountRecord;
import org.poststelle.core.auth.passwd.UserNames;
import org.poststelle.core.auth.throttle.DelayScheduler;
import org.poststelle.core.auth.throttle.LoginThrottle;
import org.poststelle.core.net.Cidr;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Authenticator} over a Dovecot-style passwd-file.
 *
 * <p>Every failure looks the same from outside: unknown user, wrong password, disabled account, protocol not
 * allowed, address not in {@code allow_nets}, or a locked-out client address all answer {@link
 * AuthResult.Failure} after the same growing delay. An unknown user still pays a hash of the default scheme,
 * so the answer takes as long as for a wrong password. Hashes run on a bounded pool; a verified password is
 * remembered briefly ({@link CredentialsCache}). Results complete on an auth thread: callers hop back to their
 * own executor.
 *
 * <p>For tests of other modules: {@code PasswdFileAuthenticator.open(AuthConfig.of(usersFile).withoutFailureDelay())}.
 */
public final class PasswdFileAuthenticator implements Authenticator, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PasswdFileAuthenticator.class);
    private static final Duration FILE_CHECK_INTERVAL = Duration.ofSeconds(1);

    private final AccountDatabase database;
    private final LoginThrottle throttle;
    private final CredentialsCache cache;
    private final ThreadPoolExecutor hashPool;
    private final ScheduledThreadPoolExecutor ownScheduler;
    private final DelayScheduler delays;
    private final StoredPassword dummy;

    /** An authenticator with its own hash threads and delay timer; close it to stop them. */
    public static PasswdFileAuthenticator open(AuthConfig config) {
        return new PasswdFileAuthenticator(config, InstantSource.system(), null, FILE_CHECK_INTERVAL);
    }

    /**
     * @param clock time for the failure counters and the cache
     * @param delays runs the delayed failure answers; null for an own timer thread
     * @param fileCheckInterval how often the users file is stat'ed for changes
     */
    public PasswdFileAuthenticator(AuthConfig config, InstantSource clock, DelayScheduler delays,
            Duration fileCheckInterval) {
        this.database = new AccountDatabase(config.usersFile(), config.defaultDomain(), fileCheckInterval);
        this.throttle = new LoginThrottle(config.failureDelay(), clock);
        this.cache = new CredentialsCache(config.credentialsCacheTtl(), clock);
        this.hashPool = new ThreadPoolExecutor(config.hashThreads(), config.hashThreads(), 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(config.hashQueue()), daemonThreads("auth-hash-"));
        if (delays == null) {
            this.ownScheduler = new ScheduledThreadPoolExecutor(1, daemonThreads("auth-delay-"));
            this.ownScheduler.setRemoveOnCancelPolicy(true);
            this.delays = DelayScheduler.of(ownScheduler);
        } else {
            this.ownScheduler = null;
            this.delays = delays;
        }
        this.dummy = dummyPassword(config.defaultScheme());
    }

    /**
     * What an unknown user's login is checked against: same scheme and cost as new passwords. Made on a
     * hash thread, which keeps the scheme's working memory (Argon2's blocks) where it is reused anyway.
     */
    private StoredPassword dummyPassword(String scheme) {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        try {
            return hashPool.submit(() -> PasswordSchemes.parse(PasswordSchemes.hash(scheme, random))).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the authenticator", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("cannot hash with " + scheme, e.getCause());
        }
    }

    public AccountDatabase database() {
        return database;
    }

    public LoginThrottle throttle() {
        return throttle;
    }

    public CredentialsCache cache() {
        return cache;
    }

    @Override
    public CompletionStage<AuthResult> authenticate(String username, String password, AuthContext context) {
        byte[] pw = (password == null ? "" : password).getBytes(StandardCharsets.UTF_8);
        String login = UserNames.normalize(username).orElse("");
        if (throttle.lockedOut(context.remote())) {
            return fail(context, login, "client address locked out");
        }
        Optional<AccountRecord> found;
        try {
            found = database.find(username);
        } catch (AccountDatabase.UnavailableException e) {
            return unavailable();
        }
        Optional<AccountRecord> usable = found.filter(AccountRecord::usable);
        if (usable.isPresent() && cache.matches(usable.get().account().username(), usable.get().line(), pw)) {
            return decide(found, true, context, login);
        }
        CompletableFuture<AuthResult> result = new CompletableFuture<>();
        try {
            hashPool.execute(() -> {
                try {
                    check(usable, found, pw, context, login, result);
                } catch (RuntimeException e) {
                    LOG.error("password check for {} failed", login, e);
                    result.complete(new AuthResult.Temporary("internal error"));
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.warn("login of {} refused: {} password checks already waiting", login, hashPool.getQueue().size());
            return CompletableFuture.completedFuture(new AuthResult.Temporary("too many logins in progress"));
        }
        return result;
    }

    /** Runs on a hash thread: the expensive part of a login. */
    private void check(Optional<AccountRecord> usable, Optional<AccountRecord> found, byte[] pw, AuthContext context,
            String login, CompletableFuture<AuthResult> result) {
        boolean verified = false;
        if (usable.isPresent()) {
            verified = usable.get().password().orElseThrow().verify(pw);
            if (verified) {
                cache.put(usable.get().account().username(), usable.get().line(), pw);
            }
        } else {
            dummy.verify(pw);
        }
        decide(found, verified, context, login).thenAccept(result::complete);
    }

    @Override
    public CompletionStage<AuthResult> authenticateApop(String username, String challenge, String digestHex,
            AuthContext context) {
        String login = UserNames.normalize(username).orElse("");
        if (throttle.lockedOut(context.remote())) {
            return fail(context, login, "client address locked out");
        }
        Optional<AccountRecord> found;
        try {
            found = database.find(username);
        } catch (AccountDatabase.UnavailableException e) {
            return unavailable();
        }
        Optional<byte[]> plain = found.filter(AccountRecord::usable).flatMap(r -> r.password().orElseThrow().plaintext());
        byte[] expected = apopDigest(challenge, plain.orElse(new byte[0]));
        byte[] given = (digestHex == null ? "" : digestHex).toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        boolean verified = MessageDigest.isEqual(expected, given) && plain.isPresent();
        return decide(found, verified, context, login);
    }

    /** The detail (file path, error) is logged by the database; clients only learn to try again later. */
    private static CompletionStage<AuthResult> unavailable() {
        return CompletableFuture.completedFuture(new AuthResult.Temporary("account database unavailable"));
    }

    @Override
    public boolean apopPossible() {
        return database.anyPlaintext();
    }

    private CompletionStage<AuthResult> decide(Optional<AccountRecord> found, boolean verified, AuthContext context,
            String login) {
        String reason;
        if (found.isEmpty()) {
            reason = "unknown user";
        } else if (!verified) {
            reason = found.get().usable() ? "wrong password" : "account unusable: " + found.get().problem().orElse("");
        } else {
            Account account = found.get().account();
            if (account.policy().disabled()) {
                reason = "account disabled";
            } else if (!account.policy().allows(context.protocol())) {
                reason = context.protocol().id() + " not allowed for the account";
            } else if (!found.get().allowNets().isEmpty()
                    && (context.remote() == null || !Cidr.anyContains(found.get().allowNets(), context.remote()))) {
                reason = "client address not in allow_nets";
            } else {
                throttle.success(login);
                return CompletableFuture.completedFuture(new AuthResult.Success(account));
            }
        }
        return fail(context, login, reason);
    }

    private CompletionStage<AuthResult> fail(AuthContext context, String login, String reason) {
        Duration delay = throttle.failure(context.remote(), login);
        if (LOG.isDebugEnabled()) {
            LOG.debug("{} login failed for {} from {}: {} (answer in {} ms)", context.mechanism(), login,
                    context.remote() == null ? "?" : context.remote().getHostAddress(), reason, delay.toMillis());
        }
        CompletableFuture<AuthResult> result = new CompletableFuture<>();
        delays.schedule(delay, () -> result.complete(new AuthResult.Failure()));
        return result;
    }

    private static byte[] apopDigest(String challenge, byte[] password) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            md5.update(challenge.getBytes(StandardCharsets.UTF_8));
            md5.update(password);
            return HexFormat.of().formatHex(md5.digest()).getBytes(StandardCharsets.US_ASCII);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 missing from the JDK", e);
        }
    }

    @Override
    public void close() {
        hashPool.shutdownNow();
        if (ownScheduler != null) {
            ownScheduler.shutdownNow();
        }
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
