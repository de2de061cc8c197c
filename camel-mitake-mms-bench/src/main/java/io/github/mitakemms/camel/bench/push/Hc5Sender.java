package io.github.mitakemms.camel.bench.push;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import io.github.mitakemms.camel.bench.LoopbackGateway;
import io.github.mitakemms.camel.bench.Payload;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * The floor: what a performance-minded user writes on the transport the component itself uses. Apache HttpClient 5
 * classic (the version camel-http brings) with a pool bound to 16 connections, the request of {@link PushJson} written
 * into a buffer sized for it and handed to the entity without a copy, the answer parsed from the response's stream;
 * one token taken at start. No Camel, no validation.
 */
public final class Hc5Sender implements Sender {

    private static final ContentType JSON = ContentType.APPLICATION_JSON;

    private final PoolingHttpClientConnectionManager connections;
    private final CloseableHttpClient http;
    private final URI pushUri;
    private final Payload payload;
    private final String clientId;
    private final String authorization;

    public Hc5Sender(String baseUrl, String clientId, Payload payload, int maxConnections) throws IOException {
        this.payload = payload;
        this.clientId = clientId;
        this.connections = pool(maxConnections);
        this.http = client(connections);
        this.pushUri = URI.create(baseUrl + "/msg/mms/json");
        HttpPost token = new HttpPost(URI.create(baseUrl + "/AuthorizationService/Token"));
        token.setEntity(new StringEntity("{\"clientId\":\"" + clientId + "\",\"clientSecret\":\""
                                         + LoopbackGateway.CLIENT_SECRET + "\"}", JSON));
        String answer = http.execute(token, r -> EntityUtils.toString(r.getEntity(), StandardCharsets.UTF_8));
        this.authorization = "bearer " + new com.fasterxml.jackson.databind.ObjectMapper().readTree(answer).path("accessToken").asText();
    }

    /** A pool bound to the given number of connections, checked before reuse after a second idle. */
    static PoolingHttpClientConnectionManager pool(int maxConnections) {
        return PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(maxConnections)
                .setMaxConnPerRoute(maxConnections)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.ofSeconds(10))
                        .setSocketTimeout(Timeout.ofSeconds(30))
                        .setValidateAfterInactivity(TimeValue.ofSeconds(1))
                        .build())
                .build();
    }

    static CloseableHttpClient client(PoolingHttpClientConnectionManager connections) {
        return HttpClients.custom()
                .setConnectionManager(connections)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectionRequestTimeout(Timeout.ofSeconds(30))
                        .setResponseTimeout(Timeout.ofSeconds(30))
                        .build())
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableAuthCaching()
                .evictIdleConnections(TimeValue.of(30, TimeUnit.SECONDS))
                .build();
    }

    @Override
    public void push() throws Exception {
        Buffer body = new Buffer(PushJson.expectedSize(payload, Payload.PHONES.size()));
        PushJson.write(body, payload, Payload.PHONES);
        HttpPost post = new HttpPost(pushUri);
        post.setHeader("authorization", authorization);
        post.setHeader("clientID", clientId);
        post.setHeader("actionType", "push");
        post.setEntity(body.entity());
        http.execute(post, response -> {
            if (response.getCode() != 200) {
                EntityUtils.consume(response.getEntity());
                throw new IllegalStateException("Push failed: HTTP " + response.getCode());
            }
            PushJson.check(PushJson.FACTORY.createParser(response.getEntity().getContent()), Payload.PHONES.size());
            return null;
        });
    }

    @Override
    public void close() throws IOException {
        http.close();
        connections.close();
    }

    /** A byte buffer whose content goes to the entity without a copy. */
    static final class Buffer extends ByteArrayOutputStream {
        Buffer(int size) {
            super(size);
        }

        ByteArrayEntity entity() {
            return new ByteArrayEntity(buf, 0, count, JSON);
        }
    }
}
