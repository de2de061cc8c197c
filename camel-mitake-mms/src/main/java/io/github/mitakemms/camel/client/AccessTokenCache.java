package io.github.mitakemms.camel.client;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

import io.github.mitakemms.camel.exception.MitakeMmsAuthenticationException;
import io.github.mitakemms.camel.model.TokenResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The access token of one account on one gateway (baseUrl, clientId). Renews the token before it expires, one renewal
 * at a time however many threads ask: while a renewal is under way, threads keep using the current token as long as it
 * has not expired, and wait only when it has. Never logs the token or the secret.
 */
public class AccessTokenCache {

    private static final Logger LOG = LoggerFactory.getLogger(AccessTokenCache.class);

    private final String clientId;
    private final String clientSecret;
    private final long renewBeforeNanos;
    private final LongSupplier clock;
    private final ReentrantLock renewal = new ReentrantLock();
    private volatile Token current;
    private volatile long renewals;

    public AccessTokenCache(String clientId, String clientSecret, long renewBeforeMillis) {
        this(clientId, clientSecret, renewBeforeMillis, System::nanoTime);
    }

    AccessTokenCache(String clientId, String clientSecret, long renewBeforeMillis, LongSupplier nanoClock) {
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.renewBeforeNanos = renewBeforeMillis * 1_000_000L;
        this.clock = nanoClock;
    }

    /**
     * A token that has not expired, requesting a new one through the client when needed.
     */
    public String get(MitakeMmsClient client) {
        Token t = current;
        long now = clock.getAsLong();
        if (t != null && now - t.renewAt < 0) {
            return t.value;
        }
        if (t != null && now - t.expiresAt < 0) {
            // due for renewal but still valid: renew if nobody else is, else keep using it
            if (renewal.tryLock()) {
                try {
                    return renewIfStill(client, t);
                } finally {
                    renewal.unlock();
                }
            }
            return t.value;
        }
        renewal.lock();
        try {
            return renewIfStill(client, t);
        } finally {
            renewal.unlock();
        }
    }

    /**
     * Forgets a token the gateway said had expired (code 1005), unless it was renewed meanwhile, so that the next
     * {@link #get} renews it once however many threads saw it expire.
     */
    public void expired(String token) {
        Token t = current;
        if (t != null && t.value.equals(token)) {
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

    private String renewIfStill(MitakeMmsClient client, Token seen) {
        Token t = current;
        if (t != seen && t != null && clock.getAsLong() - t.renewAt < 0) {
            return t.value;
        }
        Token fresh = request(client);
        current = fresh;
        return fresh.value;
    }

    private Token request(MitakeMmsClient client) {
        long requestedAt = clock.getAsLong();
        TokenResponse r = client.requestToken(clientId, clientSecret);
        renewals++;
        if (r.getAccessToken() == null || r.getAccessToken().isBlank()) {
            throw new MitakeMmsAuthenticationException("Mitake MMS token response carries no accessToken", null, null,
                    200);
        }
        long lifetimeNanos = parseSeconds(r.getExpiresIn()) * 1_000_000_000L;
        long expiresAt = requestedAt + lifetimeNanos;
        long margin = Math.min(renewBeforeNanos, lifetimeNanos / 2);
        LOG.debug("Obtained an access token for clientId {} valid for {} s", clientId, r.getExpiresIn());
        return new Token(r.getAccessToken(), expiresAt - margin, expiresAt);
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

    private record Token(String value, long renewAt, long expiresAt) {
        @Override
        public String toString() {
            return "Token[xxxxxx]";
        }
    }
}
