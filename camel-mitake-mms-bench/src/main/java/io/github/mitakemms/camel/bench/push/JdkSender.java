package io.github.mitakemms.camel.bench.push;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.mitakemms.camel.bench.LoopbackGateway;
import io.github.mitakemms.camel.bench.Payload;

/**
 * A second reference: {@code java.net.http.HttpClient} (HTTP/1.1) with the request of {@link PushJson}, one token taken
 * at start. No validation, no Camel.
 * <p>
 * The JDK's client (17) closes pooled connections under its senders here ({@code HTTP/1.1 header parser received no
 * bytes}, {@code connection closed locally} from its pool's cleanup): such a push is sent once more on a fresh
 * exchange, and counted ({@link #retries()}), so that the figures say how often it happened. A push that fails twice
 * fails the run. java.net.http has no bound on connections; the 16 sender threads each wait for their response, so at
 * most 16 are in use at once.
 */
public final class JdkSender implements Sender {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final URI pushUri;
    private final Payload payload;
    private final String clientId;
    private final String authorization;
    private final LongAdder retries = new LongAdder();

    public JdkSender(String baseUrl, String clientId, Payload payload) throws IOException, InterruptedException {
        this.payload = payload;
        this.clientId = clientId;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10))
                .build();
        this.pushUri = URI.create(baseUrl + "/msg/mms/json");
        HttpRequest tokenRequest = HttpRequest.newBuilder(URI.create(baseUrl + "/AuthorizationService/Token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"clientId\":\"" + clientId + "\",\"clientSecret\":\""
                                                          + LoopbackGateway.CLIENT_SECRET + "\"}"))
                .build();
        HttpResponse<byte[]> token;
        try {
            token = http.send(tokenRequest, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            retries.increment();
            token = http.send(tokenRequest, HttpResponse.BodyHandlers.ofByteArray());
        }
        this.authorization = "bearer " + JSON.readTree(token.body()).path("accessToken").asText();
    }

    @Override
    public void push() throws Exception {
        ByteArrayOutputStream body = new ByteArrayOutputStream(PushJson.expectedSize(payload, Payload.PHONES.size()));
        PushJson.write(body, payload, Payload.PHONES);
        HttpRequest request = HttpRequest.newBuilder(pushUri)
                .timeout(Duration.ofSeconds(30))
                .header("authorization", authorization)
                .header("clientID", clientId)
                .header("actionType", "push")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            retries.increment();
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Push failed: HTTP " + response.statusCode());
        }
        PushJson.check(PushJson.FACTORY.createParser(response.body()), Payload.PHONES.size());
    }

    @Override
    public long retries() {
        return retries.sum();
    }

    @Override
    public void close() {
        // java.net.http closes its connections when the client is collected (close() is Java 21+)
    }
}
