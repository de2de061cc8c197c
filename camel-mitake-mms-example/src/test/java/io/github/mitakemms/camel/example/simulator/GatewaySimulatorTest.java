package io.github.mitakemms.camel.example.simulator;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The simulator answers as the spec says: token, push, both queries, the refusals, and the webhook after a push.
 */
class GatewaySimulatorTest {

    private static final String TOKEN = "SimulatedAccessToken-5f1c8a2e";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static WireMockServer callbackReceiver;
    private static GatewaySimulator simulator;

    @BeforeAll
    static void start() {
        callbackReceiver = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        callbackReceiver.start();
        callbackReceiver.stubFor(post(urlEqualTo("/callback")).willReturn(aResponse().withStatus(200).withBody("OK")));
        simulator = GatewaySimulator.start(0, callbackReceiver.baseUrl() + "/callback");
    }

    @AfterAll
    static void stop() {
        simulator.close();
        callbackReceiver.stop();
    }

    @Test
    void tokenForTheSimulatorsAccount() throws Exception {
        JsonNode token = call("/AuthorizationService/Token", Map.of(),
                "{\"clientId\":\"example\",\"clientSecret\":\"simulator-secret\"}");
        assertThat(token.get("accessToken").asText()).isEqualTo(TOKEN);
        assertThat(token.get("tokenType").asText()).isEqualTo("bearer");
        assertThat(token.get("expiresIn").isTextual()).isTrue();
    }

    @Test
    void tokenRefusedForWrongOrMissingCredentials() throws Exception {
        assertThat(call("/AuthorizationService/Token", Map.of(), "{\"clientId\":\"example\",\"clientSecret\":\"nope\"}")
                .get("code").asText()).isEqualTo("1003");
        assertThat(call("/AuthorizationService/Token", Map.of(), "{\"clientId\":\"example\"}").get("code").asText())
                .isEqualTo("1001");
    }

    @Test
    void callsWithoutOrWithAWrongTokenAreRefused() throws Exception {
        assertThat(call("/msg/mms/json", Map.of("clientID", "example", "actionType", "push"), "{}").get("code").asText())
                .isEqualTo("1002");
        assertThat(call("/msg/mms/json", Map.of("authorization", "bearer stolen", "clientID", "example", "actionType",
                "push"), "{}").get("code").asText()).isEqualTo("1004");
        assertThat(call("/msg/mms/json", auth("sendLater"), "{}").get("code").asText()).isEqualTo("1008");
        assertThat(call("/msg/mms/json", auth("queryBatchDR"), "{}").get("code").asText()).isEqualTo("4001");
        assertThat(call("/msg/mms/json", auth("querySingleDR"), "{\"batchID\":1}").get("code").asText())
                .isEqualTo("4002");
    }

    @Test
    void pushThenWebhookThenQueries() throws Exception {
        String body = "{\"subject\":\"s\",\"content\":\"c\",\"destinations\":["
                      + "{\"to\":\"0911111111\",\"cID\":\"c1\"},"
                      + "{\"to\":\"0223456789\",\"cID\":\"c2\"},"
                      + "{\"to\":\"0911111404\",\"cID\":\"c3\"},"
                      + "{\"to\":\"0911111777\",\"cID\":\"c4\"}],"
                      + "\"attachments\":[{\"attachContent\":\"AAAA\",\"attachType\":\"png\",\"attachName\":\"a.png\"}]}";
        JsonNode push = call("/msg/mms/json", auth("push"), body);
        assertThat(push.get("batchID").isIntegralNumber()).as(push.toString()).isTrue();
        String batchId = push.get("batchID").asText();
        assertThat(batchId).hasSize(18);
        JsonNode messages = push.get("messages");
        assertThat(messages).hasSize(4);
        assertThat(messages.get(0).get("cID").asText()).isEqualTo("c1");
        assertThat(messages.get(0).get("status").asText()).isEqualTo("1");
        assertThat(messages.get(0).get("statusDesc").asText()).isEqualTo("已送達三竹");
        assertThat(messages.get(0).get("point").asInt()).isEqualTo(3);
        assertThat(messages.get(1).get("status").asText()).isEqualTo("2011");
        assertThat(messages.get(1).has("msgID")).isFalse();
        assertThat(messages.get(2).get("msgID").asText()).isNotEqualTo(messages.get(0).get("msgID").asText());
        assertThat(push.get("costPoints").asInt()).isEqualTo(9);
        assertThat(push.get("accountPoints").asInt()).isLessThan(100_000);

        String callback = await("the webhook's callback").atMost(Duration.ofSeconds(10))
                .until(() -> callbackReceiver.getAllServeEvents().stream().map(e -> e.getRequest().getBodyAsString())
                        .filter(b -> b.contains(batchId)).findFirst().orElse(null), Objects::nonNull);
        JsonNode reports = JSON.readTree(callback).get("messages");
        assertThat(reports).hasSize(3);
        assertThat(reports.get(0).get("status").asText()).isEqualTo("0");
        assertThat(reports.get(1).get("status").asText()).isEqualTo("2001");
        assertThat(reports.get(2).get("status").asText()).isEqualTo("2");
        assertThat(reports.get(0).get("batchID").asText()).isEqualTo(batchId);

        JsonNode batch = call("/msg/mms/json", auth("queryBatchDR"), "{\"batchID\":" + batchId + "}");
        assertThat(batch.get("batchID").asText()).isEqualTo(batchId);
        assertThat(batch.get("messages")).hasSize(3);
        assertThat(batch.get("messages").get(2).get("status").asText()).isEqualTo("0");

        String msgId = messages.get(2).get("msgID").asText();
        JsonNode single = call("/msg/mms/json", auth("querySingleDR"),
                "{\"batchID\":" + batchId + ",\"msgIDs\":[" + msgId + "]}");
        assertThat(single.get("messages")).hasSize(1);
        assertThat(single.get("messages").get(0).get("msgID").asText()).isEqualTo(msgId);
        assertThat(single.get("messages").get(0).get("status").asText()).isEqualTo("2001");
    }

    @Test
    void aCidSeenBeforeIsAnsweredWithTheEarlierAnswerAndNotSentAgain() throws Exception {
        String first = "{\"subject\":\"s\",\"content\":\"c\",\"destinations\":["
                       + "{\"to\":\"0933000001\",\"cID\":\"r1\"},{\"to\":\"0933000002\",\"cID\":\"r2\"}],"
                       + "\"attachments\":[{\"attachContent\":\"AAAA\",\"attachType\":\"png\",\"attachName\":\"a.png\"}]}";
        GatewayLedger.Counts before = simulator.counts();
        JsonNode push = call("/msg/mms/json", auth("push"), first);
        JsonNode again = call("/msg/mms/json", auth("push"), first);
        // the same request again (a redelivery): the earlier reply, whole, and nothing sent
        assertThat(again).isEqualTo(push);
        GatewayLedger.Counts after = simulator.counts();
        assertThat(after.sent() - before.sent()).isEqualTo(2);
        assertThat(after.repeatedCids() - before.repeatedCids()).isEqualTo(2);
        assertThat(after.duplicateSends()).isEqualTo(before.duplicateSends());

        // the same number under a new cID (a client that lost its cIDs): sent again, and counted as a duplicate send
        JsonNode other = call("/msg/mms/json", auth("push"), first.replace("\"r1\"", "\"r3\""));
        assertThat(other.get("batchID").asText()).isNotEqualTo(push.get("batchID").asText());
        assertThat(other.get("messages").get(0).get("msgID").asText())
                .isNotEqualTo(push.get("messages").get(0).get("msgID").asText());
        assertThat(other.get("messages").get(1).get("msgID").asText())
                .isEqualTo(push.get("messages").get(1).get("msgID").asText());
        GatewayLedger.Counts last = simulator.counts();
        assertThat(last.sent() - after.sent()).isEqualTo(1);
        assertThat(last.duplicateSends() - after.duplicateSends()).isEqualTo(1);
        assertThat(last.repeatedCids() - after.repeatedCids()).isEqualTo(1);
    }

    private static Map<String, String> auth(String actionType) {
        return Map.of("authorization", "bearer " + TOKEN, "clientID", "example", "actionType", actionType);
    }

    private static JsonNode call(String path, Map<String, String> headers, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(simulator.baseUrl() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
