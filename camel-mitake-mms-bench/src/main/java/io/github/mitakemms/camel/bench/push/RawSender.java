package io.github.mitakemms.camel.bench.push;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.mitakemms.camel.bench.LoopbackGateway;
import io.github.mitakemms.camel.bench.Payload;

/**
 * The floor: {@code java.net.http.HttpClient} (HTTP/1.1) and JSON written by hand with Jackson's streaming generator,
 * the attachment's base64 made by the JDK's encoder (several times faster than Jackson's own {@code writeBinary}) and
 * written as raw bytes, since base64 needs no escaping. The same request as the component's (subject,
 * content, destinations with a random UUID cID each, one attachment) with one token taken at start. No validation, no
 * Camel.
 * <p>
 * java.net.http has no bound on connections; the benchmark's 16 sender threads each wait for their response, so at most
 * 16 requests, hence 16 connections, are open at once, the same bound as the others'.
 */
public final class RawSender implements Sender {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonFactory FACTORY = JSON.getFactory();

    private final HttpClient http;
    private final URI pushUri;
    private final Payload payload;
    private final String clientId;
    private final String authorization;

    public RawSender(String baseUrl, String clientId, Payload payload) throws IOException, InterruptedException {
        this.payload = payload;
        this.clientId = clientId;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10))
                .build();
        this.pushUri = URI.create(baseUrl + "/msg/mms/json");
        HttpResponse<byte[]> token = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/AuthorizationService/Token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"clientId\":\"" + clientId + "\",\"clientSecret\":\""
                                                          + LoopbackGateway.CLIENT_SECRET + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        this.authorization = "bearer " + JSON.readTree(token.body()).path("accessToken").asText();
    }

    @Override
    public void push() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(pushUri)
                .timeout(Duration.ofSeconds(30))
                .header("authorization", authorization)
                .header("clientID", clientId)
                .header("actionType", "push")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json()))
                .build();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        JsonNode body = JSON.readTree(response.body());
        if (response.statusCode() != 200 || body.has("code") || body.path("messages").size() != Payload.PHONES.size()) {
            throw new IllegalStateException("Push failed: HTTP " + response.statusCode() + " " + body);
        }
        if (body.path("batchID").asText().isEmpty()) {
            throw new IllegalStateException("Push without batchID: " + body);
        }
    }

    private byte[] json() throws IOException {
        byte[] image = payload.image();
        ByteArrayOutputStream out = new ByteArrayOutputStream(image.length / 3 * 4 + 1024);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("subject", Payload.SUBJECT);
            g.writeStringField("content", Payload.CONTENT);
            g.writeArrayFieldStart("destinations");
            for (String phone : Payload.PHONES) {
                g.writeStartObject();
                g.writeStringField("to", phone);
                g.writeStringField("cID", UUID.randomUUID().toString());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("attachments");
            g.writeStartObject();
            g.writeFieldName("attachContent");
            // base64 needs no JSON escaping: the JDK's encoder's bytes go out as they are
            byte[] base64 = Base64.getEncoder().encode(image);
            g.writeRawUTF8String(base64, 0, base64.length);
            g.writeStringField("attachType", payload.type());
            g.writeStringField("attachName", payload.fileName());
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
        }
        return out.toByteArray();
    }

    @Override
    public void close() {
        // java.net.http closes its connections when the client is collected (close() is Java 21+)
    }
}
