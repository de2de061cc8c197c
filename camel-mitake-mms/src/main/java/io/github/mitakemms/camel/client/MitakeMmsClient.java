package io.github.mitakemms.camel.client;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;

import javax.net.ssl.SSLContext;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JacksonException;
import io.github.mitakemms.camel.exception.MitakeMmsException;
import io.github.mitakemms.camel.exception.MitakeMmsRetryableException;
import io.github.mitakemms.camel.json.MitakeMmsJson;
import io.github.mitakemms.camel.model.ApiResponse;
import io.github.mitakemms.camel.model.BatchQuery;
import io.github.mitakemms.camel.model.MmsMessage;
import io.github.mitakemms.camel.model.PushResponse;
import io.github.mitakemms.camel.model.QueryResponse;
import io.github.mitakemms.camel.model.TokenResponse;
import org.apache.hc.client5.http.classic.ExecChain;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.ChainElement;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.message.BasicClassicHttpResponse;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * The wire: the API's three calls and the token call over pooled keep-alive HTTP connections, bounded in number. Knows
 * URLs and headers; knows nothing of tokens' lifetimes nor of Camel. One pool per gateway and connection settings,
 * shared by every account that uses them; the time to wait for an answer is given per call. Thread-safe.
 */
public class MitakeMmsClient implements Closeable {

    static final String TOKEN_PATH = "/AuthorizationService/Token";
    static final String MMS_PATH = "/msg/mms/json";
    /** Responses larger than this are not read: no gateway answer comes near it. */
    private static final int MAX_RESPONSE_BYTES = 16 * 1024 * 1024;

    /** Parsed once: parsing the URL again for every call costs a few per cent of a small push. */
    private final URI tokenUri;
    private final URI mmsUri;
    private final String baseUrl;
    private final int maxConnections;
    private final CloseableHttpClient http;
    private final PoolingHttpClientConnectionManager connections;

    /**
     * @param baseUrl        the gateway's base URL, such as https://host
     * @param connectTimeout milliseconds to connect
     * @param maxConnections the most connections open to the gateway at once
     * @param sslContext     TLS settings, or null for the JVM's defaults
     */
    public MitakeMmsClient(String baseUrl, long connectTimeout, int maxConnections, SSLContext sslContext) {
        String base = stripTrailingSlash(baseUrl);
        this.baseUrl = base;
        this.maxConnections = maxConnections;
        this.tokenUri = URI.create(base + TOKEN_PATH);
        this.mmsUri = URI.create(base + MMS_PATH);
        PoolingHttpClientConnectionManagerBuilder cm = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(maxConnections)
                .setMaxConnPerRoute(maxConnections)
                // never log headers or bytes: they hold the token and, on the token call, the secret
                .setConnectionFactory(QuietConnections.INSTANCE)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.ofMilliseconds(connectTimeout))
                        .setValidateAfterInactivity(TimeValue.ofSeconds(2))
                        .build());
        if (sslContext != null) {
            cm.setTlsSocketStrategy(new DefaultClientTlsStrategy(sslContext));
        }
        this.connections = cm.build();
        this.http = HttpClients.custom()
                .setConnectionManager(connections)
                // a push must never be re-sent behind the route's back: Camel's redelivery decides
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableAuthCaching()
                // a call may wait for a connection: its token is checked again once it has one
                .addExecInterceptorBefore(ChainElement.MAIN_TRANSPORT.name(), "mitake-token-expiry",
                        MitakeMmsClient::refuseExpiredToken)
                .evictExpiredConnections()
                .evictIdleConnections(TimeValue.ofSeconds(30))
                .build();
    }

    /**
     * The time a call may wait for a free connection and then for the gateway's answer.
     *
     * @param millis milliseconds
     */
    public static RequestConfig timeout(long millis) {
        Timeout t = Timeout.ofMilliseconds(millis);
        return RequestConfig.custom().setConnectionRequestTimeout(t).setResponseTimeout(t).build();
    }

    /** POST /AuthorizationService/Token. */
    public TokenResponse requestToken(String clientId, String clientSecret, RequestConfig timeout) {
        HttpPost post = new HttpPost(tokenUri);
        post.setConfig(timeout);
        post.setEntity(json(new TokenRequest(clientId, clientSecret)));
        return call("token", post, TokenResponse.class);
    }

    /**
     * POST /msg/mms/json with actionType push, unless the token expires before a connection is free: then nothing is
     * sent and an exception for which {@link ApiFailures#isTokenRefused} holds is thrown.
     */
    public PushResponse push(String clientId, AccessTokenCache.AccessToken token, MmsMessage message,
                             RequestConfig timeout) {
        return call("push", mmsRequest("push", clientId, token, message, timeout), PushResponse.class);
    }

    /**
     * POST /msg/mms/json with actionType queryBatchDR or querySingleDR, never sending a token that expired while the
     * call waited for a connection.
     */
    public QueryResponse query(String actionType, String clientId, AccessTokenCache.AccessToken token, BatchQuery query,
                               RequestConfig timeout) {
        return call(actionType, mmsRequest(actionType, clientId, token, query, timeout), QueryResponse.class);
    }

    private HttpPost mmsRequest(String actionType, String clientId, AccessTokenCache.AccessToken token, Object body,
                                RequestConfig timeout) {
        MmsPost post = new MmsPost(mmsUri, token);
        post.setConfig(timeout);
        post.setHeader("authorization", token.authorization());
        post.setHeader("clientID", clientId);
        post.setHeader("actionType", actionType);
        post.setEntity(json(body));
        return post;
    }

    private static ByteArrayEntity json(Object body) {
        try {
            MitakeMmsJson.Buffer json = MitakeMmsJson.writeToBuffer(body);
            return new ByteArrayEntity(json.array(), 0, json.size(), ContentType.APPLICATION_JSON);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write the request as JSON: " + e.getMessage(), e);
        }
    }

    private <T extends ApiResponse> T call(String action, HttpPost post, Class<T> type) {
        RawResponse raw;
        try {
            raw = http.execute(post, response -> new RawResponse(response.getCode(), body(response.getEntity())));
        } catch (InterruptedIOException e) {
            throw new MitakeMmsRetryableException("Mitake MMS " + action + " timed out: " + e.getClass().getSimpleName()
                                                  + " " + e.getMessage(), null, null, 0, e);
        } catch (IOException e) {
            throw new MitakeMmsRetryableException("Mitake MMS " + action + " I/O error: " + e.getClass().getSimpleName()
                                                  + " " + e.getMessage(), null, null, 0, e);
        }
        if (post instanceof MmsPost mms && mms.notSent) {
            throw new ApiFailures.TokenNotSentException(action);
        }
        return parse(action, raw, type);
    }

    /**
     * Last step before the request is written to its leased connection: if the call's token expired while it waited for
     * the connection, the request is not sent and the connection goes back to the pool untouched.
     */
    private static ClassicHttpResponse refuseExpiredToken(ClassicHttpRequest request, ExecChain.Scope scope,
                                                          ExecChain chain)
            throws IOException, HttpException {
        if (scope.originalRequest instanceof MmsPost post && post.token.hasExpired()) {
            post.notSent = true;
            scope.execRuntime.markConnectionReusable(null, TimeValue.ofSeconds(30));
            scope.execRuntime.releaseEndpoint();
            return new BasicClassicHttpResponse(599, "Not sent");
        }
        return chain.proceed(request, scope);
    }

    /**
     * The response's bytes, read into an array of the announced length when there is one (the gateway's answers are
     * small, and a scratch buffer per response would be most of what a call allocates).
     */
    private static byte[] body(HttpEntity entity) throws IOException {
        if (entity == null) {
            return new byte[0];
        }
        long length = entity.getContentLength();
        if (length > MAX_RESPONSE_BYTES) {
            throw new IOException("response of " + length + " bytes, more than the " + MAX_RESPONSE_BYTES + " read");
        }
        try (InputStream in = entity.getContent()) {
            if (in == null) {
                return new byte[0];
            }
            if (length >= 0) {
                byte[] bytes = new byte[(int) length];
                int read = in.readNBytes(bytes, 0, bytes.length);
                if (read < bytes.length) {
                    throw new IOException("response ended after " + read + " of " + length + " bytes");
                }
                return bytes;
            }
            byte[] bytes = in.readNBytes(MAX_RESPONSE_BYTES + 1);
            if (bytes.length > MAX_RESPONSE_BYTES) {
                throw new IOException("response of more than the " + MAX_RESPONSE_BYTES + " bytes read");
            }
            return bytes;
        }
    }

    static <T extends ApiResponse> T parse(String action, RawResponse raw, Class<T> type) {
        T body = null;
        JacksonException unreadable = null;
        if (raw.body.length > 0) {
            try {
                body = MitakeMmsJson.read(raw.body, type);
            } catch (JacksonException e) {
                unreadable = e;
            } catch (IOException e) {
                throw new MitakeMmsRetryableException("Mitake MMS " + action + " response could not be read", null, null,
                        raw.status, e);
            }
        }
        if (body != null && body.isFailure()) {
            throw ApiFailures.forCode(action, body.getCode(), body.getDescription(), raw.status);
        }
        if (raw.status != 200) {
            throw ApiFailures.forHttpStatus(action, raw.status);
        }
        if (body == null) {
            // the call may or may not have been carried out: retrying is safe for push because of the cIDs
            String why = unreadable == null ? "an empty response" : "a response that is not JSON of the expected shape ("
                                                                    + unreadable.getOriginalMessage() + ")";
            MitakeMmsException e = new MitakeMmsRetryableException(
                    "Mitake MMS " + action + " returned " + why, null, null, raw.status, null);
            throw e;
        }
        return body;
    }

    /** How many connections are open to the gateway now, leased or idle. */
    public int openConnections() {
        return connections.getTotalStats().getLeased() + connections.getTotalStats().getAvailable();
    }

    /** The bound on connections open at once. */
    public int maxConnections() {
        return maxConnections;
    }

    /** The gateway's base URL. */
    public String baseUrl() {
        return baseUrl;
    }

    @Override
    public void close() {
        http.close(CloseMode.GRACEFUL);
    }

    private static String stripTrailingSlash(String url) {
        String u = url.trim();
        while (u.endsWith("/")) {
            u = u.substring(0, u.length() - 1);
        }
        return u;
    }

    record RawResponse(int status, byte[] body) {
    }

    /**
     * A call to /msg/mms/json with the token in its authorization header, for the check once a connection is leased;
     * carried by the request rather than by a context of its own, which the client would otherwise make per call.
     */
    private static final class MmsPost extends HttpPost {

        private static final long serialVersionUID = 1L;

        private final transient AccessTokenCache.AccessToken token;
        /** Set when the token expired while the call waited for a connection: nothing was sent. */
        private volatile boolean notSent;

        MmsPost(URI uri, AccessTokenCache.AccessToken token) {
            super(uri);
            this.token = token;
        }
    }

    /** Body of the token call. Its toString never shows the secret. */
    record TokenRequest(@JsonProperty("clientId") String clientId, @JsonProperty("clientSecret") String clientSecret) {
        @Override
        public String toString() {
            return "TokenRequest[clientId=" + clientId + "]";
        }
    }
}
