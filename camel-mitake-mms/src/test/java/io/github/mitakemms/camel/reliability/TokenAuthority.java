package io.github.mitakemms.camel.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

/**
 * A gateway that issues a new token on every token request and holds every call to its tokens: a token is good for
 * {@code lifetimeMillis} from the arrival of the request that obtained it, after which calls made with it are answered
 * 1005. It announces {@code expiresIn} to the client, which may be longer than the real lifetime.
 */
final class TokenAuthority implements ResponseDefinitionTransformerV2 {

    private final Map<String, Long> issuedAt = new ConcurrentHashMap<>();
    private final List<Long> issues = new ArrayList<>();
    private final AtomicLong tokenRequests = new AtomicLong();
    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong expiredCalls = new AtomicLong();
    private final AtomicLong unknownTokenCalls = new AtomicLong();
    private volatile String announcedExpiresIn = "33346";
    private volatile long lifetimeNanos = Long.MAX_VALUE / 4;
    private volatile String responseBody = ReliabilityTestSupport.PUSH_OK;

    /** Starts again with the given lifetimes; tokens issued before are forgotten. */
    synchronized void reset(String announcedExpiresIn, long lifetimeMillis) {
        this.announcedExpiresIn = announcedExpiresIn;
        this.lifetimeNanos = lifetimeMillis * 1_000_000L;
        issuedAt.clear();
        issues.clear();
        tokenRequests.set(0);
        calls.set(0);
        expiredCalls.set(0);
        unknownTokenCalls.set(0);
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        Request request = serveEvent.getRequest();
        long now = System.nanoTime();
        if (serveEvent.getStubMapping() != null && serveEvent.getStubMapping().getName() != null
                && serveEvent.getStubMapping().getName().startsWith("fault")) {
            return serveEvent.getResponseDefinition();
        }
        if (request.getUrl().startsWith(ReliabilityTestSupport.TOKEN_PATH)) {
            String token = Secrets.newToken("ct-");
            issuedAt.put(token, now);
            synchronized (this) {
                issues.add(now);
            }
            tokenRequests.incrementAndGet();
            return json("{\"accessToken\":\"" + token + "\",\"tokenType\":\"bearer\",\"expiresIn\":\""
                        + announcedExpiresIn + "\",\"refreshToken\":null,\"scope\":null}").build();
        }
        calls.incrementAndGet();
        String auth = request.getHeader("authorization");
        String token = auth != null && auth.startsWith("bearer ") ? auth.substring(7) : "";
        Long at = issuedAt.get(token);
        if (at == null) {
            unknownTokenCalls.incrementAndGet();
            return json("{\"code\":\"1003\",\"description\":\"無效認證資訊\"}").build();
        }
        if (now - at >= lifetimeNanos) {
            expiredCalls.incrementAndGet();
            return json("{\"code\":\"1005\",\"description\":\"認證資訊已過期\"}").build();
        }
        return json(responseBody).withFixedDelay(2).build();
    }

    private static ResponseDefinitionBuilder json(String body) {
        return ResponseDefinitionBuilder.responseDefinition().withStatus(200)
                .withHeader("Content-Type", "application/json; charset=utf-8").withBody(body);
    }

    /** Every token issued so far expires now. */
    void revokeAll() {
        issuedAt.replaceAll((token, at) -> at - lifetimeNanos);
    }

    @Override
    public String getName() {
        return "token-authority";
    }

    long tokenRequests() {
        return tokenRequests.get();
    }

    long calls() {
        return calls.get();
    }

    long expiredCalls() {
        return expiredCalls.get();
    }

    long unknownTokenCalls() {
        return unknownTokenCalls.get();
    }

    /** Milliseconds between one token request and the next. */
    synchronized List<Long> gapsMillis() {
        List<Long> gaps = new ArrayList<>();
        for (int i = 1; i < issues.size(); i++) {
            gaps.add((issues.get(i) - issues.get(i - 1)) / 1_000_000L);
        }
        return gaps;
    }
}
