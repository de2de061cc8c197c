package io.github.mitakemms.camel.client;

import java.util.function.Function;

import io.github.mitakemms.camel.exception.MitakeMmsException;
import io.github.mitakemms.camel.model.BatchQuery;
import io.github.mitakemms.camel.model.MmsMessage;
import io.github.mitakemms.camel.model.PushResponse;
import io.github.mitakemms.camel.model.QueryResponse;
import org.apache.hc.client5.http.config.RequestConfig;

/**
 * One account on one gateway: the shared HTTP client, the clientId and the account's access token. Every call carries
 * a valid token; when the gateway refuses the token on a call (1003, 1004, 1005, 1010 or HTTP 401), or it expired while
 * the call waited for a connection, nothing was sent: the token is dropped, a new one requested, and the call retried
 * once. Thread-safe.
 */
public class MitakeMmsGateway {

    private final MitakeMmsClient client;
    private final String clientId;
    private final AccessTokenCache tokens;

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
        this.tokens = new AccessTokenCache(clientId, () -> client.requestToken(clientId, clientSecret, timeout),
                renewBeforeMillis);
    }

    /** Sends one push call of at most 500 destinations. */
    public PushResponse push(MmsMessage message, RequestConfig timeout) {
        return withToken(token -> client.push(clientId, token, message, timeout));
    }

    /**
     * Sends a queryBatchDR or querySingleDR call.
     *
     * @param actionType queryBatchDR or querySingleDR
     */
    public QueryResponse query(String actionType, BatchQuery query, RequestConfig timeout) {
        return withToken(token -> client.query(actionType, clientId, token, query, timeout));
    }

    /** The account's token cache. */
    public AccessTokenCache tokens() {
        return tokens;
    }

    /** The HTTP client, shared with the other accounts of the gateway. */
    public MitakeMmsClient client() {
        return client;
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
}
