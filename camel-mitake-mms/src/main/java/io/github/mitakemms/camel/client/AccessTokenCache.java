package io.github.mitakemms.camel.client;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import io.github.mitakemms.camel.exception.MitakeMmsAuthenticationException;
import io.github.mitakemms.camel.model.TokenResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The access token of one set of credentials on one gateway. Renews the token before it expires, one renewal
 * at a time however many threads ask: while a renewal is under way, threads keep using the current token as long as it
 * has not expired, and wait only when it has. Never logs the token or the secret.
 */
public class AccessTokenCache {

    private static final Logger LOG = LoggerFactory.getLogger(AccessTokenCache.class);

    /** The most of a token's lifetime that is kept back so that a call made just before expiry arrives in time. */
    private static final long MAX_SEND_MARGIN_NANOS = 1_000_000_000L;

    private final String clientId;
    private final Supplier<TokenResponse> tokenRequest;
    private final long renewBeforeNanos;
    private final LongSupplier clock;
    private final ReentrantLock renewal = new ReentrantLock();
    private volatile AccessToken current;
    private volatile long renewals;

    /**
     * @param clientId          the account, named in the log only
     * @param tokenRequest      makes the token request (the only holder of the secret)
     * @param renewBeforeMillis how long before its expiry a token is renewed
     */
    public AccessTokenCache(String clientId, Supplier<TokenResponse> tokenRequest, long renewBeforeMillis) {
        this(clientId, tokenRequest, renewBeforeMillis, System::nanoTime);
    }

    AccessTokenCache(String clientId, Supplier<TokenResponse> tokenRequest, long renewBeforeMillis,
                     LongSupplier nanoClock) {
        this.clientId = clientId;
        this.tokenRequest = tokenRequest;
        this.renewBeforeNanos = renewBeforeMillis * 1_000_000L;
        this.clock = nanoClock;
    }

    /**
     * A token that has not expired, with the moment it expires, requesting a new one when needed. The client checks it
     * again once it has a connection, so that a token that expired while the call waited for one is never sent.
     */
    public AccessToken token() {
        AccessToken t = current;
        long now = clock.getAsLong();
        if (t != null && now - t.renewAt < 0) {
            return t;
        }
        if (t != null && now - t.expiresAt < 0) {
            // due for renewal but still valid: renew if nobody else is, else keep using it
            if (renewal.tryLock()) {
                try {
                    return renewIfStill(t);
                } finally {
                    renewal.unlock();
                }
            }
            return t;
        }
        renewal.lock();
        try {
            return renewIfStill(t);
        } finally {
            renewal.unlock();
        }
    }

    /**
     * Marks a token the gateway refused (1003, 1004, 1005, 1010, HTTP 401) as expired at once, so that calls still waiting for a
     * connection with it are not sent, and forgets it unless it was renewed meanwhile, so that the next {@link #token}
     * renews it once however many threads saw it expire.
     */
    public void expired(AccessToken token) {
        token.revoked = true;
        AccessToken t = current;
        if (t != null && t.value.equals(token.value)) {
            renewal.lock();
            try {
                if (current == t) {
                    current = null;
                }
            } finally {
                renewal.unlock();
            }
        }
    }

    /** How many times a token was requested. */
    public long renewals() {
        return renewals;
    }

    /** Whether a token is cached that has not expired: calls can use it without a token request. */
    public boolean hasValidToken() {
        AccessToken t = current;
        return t != null && !t.hasExpired();
    }

    /** Milliseconds since the cached token was requested, or -1 when none is cached. */
    public long ageMillis() {
        AccessToken t = current;
        return t == null ? -1 : (clock.getAsLong() - t.requestedAt) / 1_000_000L;
    }

    private AccessToken renewIfStill(AccessToken seen) {
        AccessToken t = current;
        if (t != seen && t != null && clock.getAsLong() - t.renewAt < 0) {
            return t;
        }
        AccessToken fresh = request();
        current = fresh;
        return fresh;
    }

    private AccessToken request() {
        long requestedAt = clock.getAsLong();
        TokenResponse r = tokenRequest.get();
        renewals++;
        if (r.getAccessToken() == null || r.getAccessToken().isBlank()) {
            throw new MitakeMmsAuthenticationException("Mitake MMS token response carries no accessToken", null, null,
                    200);
        }
        long lifetimeNanos = parseSeconds(r.getExpiresIn()) * 1_000_000_000L;
        // not sent in the last moments of its life (5%, at most a second), so that it does not expire on the way
        long expiresAt = requestedAt + lifetimeNanos - Math.min(MAX_SEND_MARGIN_NANOS, lifetimeNanos / 20);
        long margin = Math.min(renewBeforeNanos, lifetimeNanos / 2);
        LOG.debug("Obtained an access token for clientId {} valid for {} s", clientId, r.getExpiresIn());
        return new AccessToken(r.getAccessToken(), requestedAt, expiresAt - margin, expiresAt, clock);
    }

    private static long parseSeconds(String expiresIn) {
        if (expiresIn != null) {
            try {
                long s = (long) Double.parseDouble(expiresIn.trim());
                if (s > 0) {
                    return Math.min(s, 365L * 24 * 3600);
                }
            } catch (NumberFormatException e) {
                // fall through
            }
        }
        // no usable lifetime: use the token for this call and the next minute only
        return 60;
    }

    /**
     * An access token and the moment it expires, measured from before it was requested. Its toString never shows the
     * value.
     */
    public static final class AccessToken {
        private final String value;
        /** The authorization header's value, made once rather than for every call. */
        private final String authorization;
        private final long requestedAt;
        private final long renewAt;
        private final long expiresAt;
        private final LongSupplier clock;
        private volatile boolean revoked;

        AccessToken(String value, long requestedAt, long renewAt, long expiresAt, LongSupplier clock) {
            this.value = value;
            this.authorization = "bearer " + value;
            this.requestedAt = requestedAt;
            this.renewAt = renewAt;
            this.expiresAt = expiresAt;
            this.clock = clock;
        }

        /** The value of the authorization header that carries this token. */
        public String authorization() {
            return authorization;
        }

        /** Whether the token's lifetime has run out, or the gateway said it expired: it must not be sent any more. */
        public boolean hasExpired() {
            return revoked || clock.getAsLong() - expiresAt >= 0;
        }

        @Override
        public String toString() {
            return "AccessToken[xxxxxx]";
        }
    }
}
