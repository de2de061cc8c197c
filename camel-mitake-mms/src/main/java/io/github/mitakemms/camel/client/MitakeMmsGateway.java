package io.github.mitakemms.camel.client;

import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import io.github.mitakemms.camel.exception.MitakeMmsException;
import io.github.mitakemms.camel.exception.MitakeMmsRetryableException;
import io.github.mitakemms.camel.model.ApiCode;
import io.github.mitakemms.camel.model.BatchQuery;
import io.github.mitakemms.camel.model.MessageResult;
import io.github.mitakemms.camel.model.MmsMessage;
import io.github.mitakemms.camel.model.PushResponse;
import io.github.mitakemms.camel.model.QueryResponse;
import io.github.mitakemms.camel.model.TokenResponse;
import io.github.mitakemms.camel.monitoring.MitakeMmsStatistics;
import org.apache.hc.client5.http.config.RequestConfig;

/**
 * One account on one gateway: the shared HTTP client, the clientId, the account's access token, its concurrency
 * limit and its statistics. Every call carries a valid token; when the gateway refuses the token on a call (1003, 1004,
 * 1005, 1010 or HTTP 401), or it expired while the call waited for a connection, nothing was sent: the token is
 * dropped, a new one requested, and the call retried once.
 * <p>
 * The account's calls at once are bounded by a limit learnt from the gateway (see {@link ConcurrencyLimit}): a call
 * waits for a permit, and a call answered 1007 (too many connections, nothing sent) lowers the limit and is made again
 * once a permit frees, until its request timeout runs out. Thread-safe.
 */
public class MitakeMmsGateway {

    /** How long a failed token request answers the readiness check without a new request. */
    static final long READINESS_RETRY_NANOS = TimeUnit.SECONDS.toNanos(30);
    /** After a 1007 with no call of the account at the gateway: the first pause, doubled up to the longest. */
    private static final long MIN_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(5);
    private static final long MAX_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

    private final MitakeMmsClient client;
    private final String clientId;
    private final AccessTokenCache tokens;
    private final ConcurrencyLimit limit;
    private final MitakeMmsStatistics statistics;
    private volatile Failure tokenFailure;

    /**
     * @param client            the HTTP client of the gateway
     * @param clientId          the account
     * @param clientSecret      its secret, kept by the token request only
     * @param renewBeforeMillis how long before its expiry a token is renewed
     * @param tokenTimeout      how long the token request may take
     */
    public MitakeMmsGateway(MitakeMmsClient client, String clientId, String clientSecret, long renewBeforeMillis,
                            long tokenTimeout) {
        this.client = client;
        this.clientId = clientId;
        RequestConfig timeout = MitakeMmsClient.timeout(tokenTimeout);
        this.tokens = new AccessTokenCache(clientId, () -> requestToken(clientSecret, timeout), renewBeforeMillis);
        this.limit = new ConcurrencyLimit(client.maxConnections());
        this.statistics = new MitakeMmsStatistics(clientId + "@" + host(client.baseUrl()), new GatewayGauges());
    }

    /** Sends one push call of at most 500 destinations. */
    public PushResponse push(MmsMessage message, RequestConfig timeout) {
        PushResponse response;
        try {
            response = limited(timeout, "push", () -> {
                statistics.pushCall();
                return withToken(token -> client.push(clientId, token, message, timeout));
            });
        } catch (MitakeMmsException e) {
            statistics.pushRefused(codeOf(e), e.getMessage());
            throw e;
        }
        int accepted = 0;
        int duplicates = 0;
        List<String> refused = new ArrayList<>();
        for (MessageResult m : response.getMessages()) {
            if (m.isDuplicate()) {
                duplicates++;
            } else if (m.isRejected()) {
                refused.add(m.getStatus());
            } else {
                accepted++;
            }
        }
        statistics.pushAccepted(accepted, refused, duplicates, response.getCostPoints(), response.getAccountPoints());
        return response;
    }

    /**
     * Sends a queryBatchDR or querySingleDR call.
     *
     * @param actionType queryBatchDR or querySingleDR
     */
    public QueryResponse query(String actionType, BatchQuery query, RequestConfig timeout) {
        statistics.query();
        try {
            return limited(timeout, actionType,
                    () -> withToken(token -> client.query(actionType, clientId, token, query, timeout)));
        } catch (MitakeMmsException e) {
            statistics.queryFailed(codeOf(e), e.getMessage());
            throw e;
        }
    }

    /**
     * Whether the account can call the gateway, proven without sending anything: the token is valid, or one can be
     * obtained (credentials, caller's address, reachability). A cached token is never requested again for this; a failed
     * token request answers for {@value #READINESS_RETRY_NANOS} ns before the next one is tried.
     *
     * @return null when ready, else the failure
     */
    public MitakeMmsException readiness() {
        if (tokens.hasValidToken()) {
            return null;
        }
        Failure f = tokenFailure;
        if (f != null && System.nanoTime() - f.at < READINESS_RETRY_NANOS) {
            return f.exception;
        }
        try {
            tokens.token();
            return null;
        } catch (MitakeMmsException e) {
            return e;
        }
    }

    /** The account's token cache. */
    public AccessTokenCache tokens() {
        return tokens;
    }

    /** The HTTP client, shared with the other accounts of the gateway. */
    public MitakeMmsClient client() {
        return client;
    }

    /** The account's counters. */
    public MitakeMmsStatistics statistics() {
        return statistics;
    }

    public String clientId() {
        return clientId;
    }

    private TokenResponse requestToken(String clientSecret, RequestConfig timeout) {
        try {
            TokenResponse r = client.requestToken(clientId, clientSecret, timeout);
            tokenFailure = null;
            return r;
        } catch (MitakeMmsException e) {
            tokenFailure = new Failure(e, System.nanoTime());
            statistics.error(codeOf(e), e.getMessage());
            throw e;
        }
    }

    /**
     * Makes the call under a permit of the account's concurrency limit, again after every 1007 answer, until the
     * request timeout runs out.
     */
    private <T> T limited(RequestConfig timeout, String action, java.util.function.Supplier<T> call) {
        long deadline = ConcurrencyLimit.deadline(timeout.getConnectionRequestTimeout().toMilliseconds());
        MitakeMmsException refused = null;
        long pause = MIN_PAUSE_NANOS;
        while (true) {
            ConcurrencyLimit.Permit permit;
            try {
                if (refused != null) {
                    if (System.nanoTime() - deadline >= 0) {
                        throw refused;
                    }
                    if (limit.inFlight() == 0) {
                        // no call of the account to wait for: other instances hold the connections
                        limit.awaitRelease(Math.min(deadline, System.nanoTime() + pause));
                        pause = Math.min(MAX_PAUSE_NANOS, pause * 2);
                    }
                }
                permit = limit.acquire(deadline);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new MitakeMmsRetryableException("Mitake MMS " + action + " not sent: interrupted while waiting"
                                                      + " for a connection permit",
                        null, null, 0, e);
            }
            if (permit == null) {
                if (refused != null) {
                    throw refused;
                }
                throw new MitakeMmsRetryableException("Mitake MMS " + action + " not sent: no connection permit freed"
                                                      + " within the request timeout (" + limit.inFlight() + " calls at"
                                                      + " the gateway, limit " + limit.limit() + " of "
                                                      + limit.max() + ")",
                        ApiCode.TOO_MANY_CONNECTIONS.code(), ApiCode.TOO_MANY_CONNECTIONS.text(), 0, null);
            }
            boolean answered = false;
            try {
                T result = call.get();
                answered = true;
                return result;
            } catch (MitakeMmsException e) {
                if (!ApiCode.TOO_MANY_CONNECTIONS.code().equals(e.getCode())) {
                    // the gateway answered: the call reached it, and the limit may grow
                    answered = e.getCode() != null || e.getHttpStatus() != 0;
                    throw e;
                }
                // 1007: nothing was sent; once a permit frees, again
                limit.refused(permit);
                permit = null;
                refused = e;
            } finally {
                if (permit != null) {
                    limit.release(permit, answered);
                }
            }
        }
    }

    private <T> T withToken(Function<AccessTokenCache.AccessToken, T> call) {
        AccessTokenCache.AccessToken token = tokens.token();
        try {
            return call.apply(token);
        } catch (MitakeMmsException e) {
            if (!ApiFailures.isTokenRefused(e)) {
                throw e;
            }
            // nothing was sent: a new token, one more try
            tokens.expired(token);
            return call.apply(tokens.token());
        }
    }

    /** The API code of a failure, else {@code HTTP <status>}, else {@code I/O}. */
    static String codeOf(MitakeMmsException e) {
        if (e.getCode() != null) {
            return e.getCode();
        }
        return e.getHttpStatus() != 0 ? "HTTP " + e.getHttpStatus() : "I/O";
    }

    private static String host(String baseUrl) {
        try {
            URI uri = URI.create(baseUrl.trim());
            return uri.getPort() > 0 ? uri.getHost() + ":" + uri.getPort() : uri.getHost();
        } catch (RuntimeException e) {
            return "gateway";
        }
    }

    private record Failure(MitakeMmsException exception, long at) {
    }

    private final class GatewayGauges implements MitakeMmsStatistics.Gauges {
        @Override
        public int openConnections() {
            return client.openConnections();
        }

        @Override
        public int maxConnections() {
            return limit.max();
        }

        @Override
        public int concurrencyLimit() {
            return limit.limit();
        }

        @Override
        public int inFlight() {
            return limit.inFlight();
        }

        @Override
        public long tokenAgeMillis() {
            return tokens.ageMillis();
        }

        @Override
        public long tokenRequests() {
            return tokens.renewals();
        }

        @Override
        public long tooManyConnections() {
            return limit.refusals();
        }

        @Override
        public long limitDecreases() {
            return limit.decreases();
        }
    }
}
