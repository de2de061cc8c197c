package io.github.mitakemms.camel.producer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.mitakemms.camel.MitakeMmsConstants;
import io.github.mitakemms.camel.exception.MitakeMmsRetryableException;
import io.github.mitakemms.camel.exception.MitakeMmsValidationException;
import io.github.mitakemms.camel.model.MmsMessage;
import io.github.mitakemms.camel.model.PushResult;
import org.apache.camel.Exchange;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PushBehaviourTest extends GatewayTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PUSHED = "{\"batchID\":1,\"messages\":[{\"msgID\":2,\"status\":\"1\"}],\"costPoints\":3,"
                                         + "\"accountPoints\":100}";

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                onException(MitakeMmsRetryableException.class).maximumRedeliveries(3).redeliveryDelay(0);
                from("direct:push").to("mitake-mms:push?subject=S");
                from("direct:forward").to("mitake-mms:push?subject=S").marshal().json()
                        .to("http://127.0.0.1:" + gateway.port() + "/next");
                from("direct:byHeader").to("mitake-mms:push");
            }
        };
    }

    private static MmsMessage message(int recipients) {
        MmsMessage m = new MmsMessage();
        m.setSubject("S");
        m.attach(io.github.mitakemms.camel.model.Attachment.of("p.png", png()));
        for (int i = 0; i < recipients; i++) {
            m.to(String.format("09%08d", i));
        }
        return m;
    }

    private List<JsonNode> pushRequests() throws Exception {
        List<JsonNode> bodies = new ArrayList<>();
        for (LoggedRequest r : gateway.findAll(postRequestedFor(urlEqualTo("/msg/mms/json")))) {
            bodies.add(JSON.readTree(r.getBodyAsString()));
        }
        return bodies;
    }

    @Test
    void moreThan500DestinationsAreSplitIntoSeveralCalls() throws Exception {
        gateway.stubFor(post(urlEqualTo("/msg/mms/json")).willReturn(aResponse().withBody(
                "{\"batchID\":\"{{randomValue length=8 type='NUMERIC'}}\",\"messages\":[],\"costPoints\":500}")
                .withTransformers("response-template")));

        Exchange out = template.request("direct:push", e -> e.getMessage().setBody(message(1201)));

        assertThat(out.getException()).isNull();
        List<JsonNode> calls = pushRequests();
        assertThat(calls).extracting(b -> b.get("destinations").size()).containsExactlyInAnyOrder(500, 500, 201);
        Set<String> cIds = new HashSet<>();
        Set<String> phones = new HashSet<>();
        for (JsonNode call : calls) {
            assertThat(call.get("attachments")).hasSize(1);
            call.get("destinations").forEach(d -> {
                cIds.add(d.get("cID").textValue());
                phones.add(d.get("to").textValue());
            });
        }
        assertThat(cIds).hasSize(1201);
        assertThat(phones).hasSize(1201);
        PushResult result = out.getMessage().getBody(PushResult.class);
        assertThat(result.isSplit()).isTrue();
        assertThat(result.getBatchIds()).hasSize(3).doesNotHaveDuplicates();
        assertThat(result.getCostPoints()).isEqualByComparingTo("1500");
        assertThat(out.getMessage().getHeader(MitakeMmsConstants.BATCH_IDS, List.class)).hasSize(3);
    }

    @Test
    void aRedeliveredPushSendsTheSameCids() throws Exception {
        gateway.stubFor(post(urlEqualTo("/msg/mms/json")).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("up").willReturn(aResponse().withStatus(503)));
        gateway.stubFor(post(urlEqualTo("/msg/mms/json")).inScenario("flaky").whenScenarioStateIs("up")
                .willReturn(aResponse().withBody(PUSHED)));
        MmsMessage body = message(3);
        body.getDestinations().get(1).setCId("mine");

        Exchange out = template.request("direct:push", e -> e.getMessage().setBody(body));

        assertThat(out.getException()).isNull();
        List<JsonNode> calls = pushRequests();
        assertThat(calls).hasSize(2);
        assertThat(calls.get(1).get("destinations")).isEqualTo(calls.get(0).get("destinations"));
        assertThat(calls.get(0).get("destinations").get(1).get("cID").textValue()).isEqualTo("mine");
        assertThat(body.getDestinations().get(0).getCId()).as("the body is not changed").isNull();
    }

    @Test
    void noAuthorizationLeavesTheProducer() {
        stubMms("push", PUSHED);
        gateway.stubFor(any(urlEqualTo("/next")).willReturn(aResponse().withStatus(200).withBody("ok")));

        Exchange out = template.request("direct:forward", e -> e.getMessage().setBody(message(1)));

        assertThat(out.getException()).isNull();
        LoggedRequest next = gateway.findAll(anyRequestedFor(urlEqualTo("/next"))).get(0);
        assertThat(next.containsHeader("authorization")).isFalse();
        next.getHeaders().all().forEach(h -> assertThat(h.values().toString()).doesNotContain(TOKEN)
                .doesNotContain(CLIENT_SECRET));
        out.getMessage().getHeaders().forEach((k, v) -> assertThat(String.valueOf(v)).doesNotContain(TOKEN));
    }

    @Test
    void theOperationHeaderOverridesTheUri() {
        stubMms("queryBatchDR", "{\"batchID\":5,\"messages\":[]}");
        Exchange out = template.request("direct:byHeader", e -> {
            e.getMessage().setHeader(MitakeMmsConstants.OPERATION, "queryBatchDR");
            e.getMessage().setBody("5");
        });
        assertThat(out.getException()).isNull();
        assertThat(gateway.findAll(postRequestedFor(urlEqualTo("/msg/mms/json"))).get(0).getHeader("actionType"))
                .isEqualTo("queryBatchDR");
    }

    @Test
    void anUnknownOperationHeaderIsAnErrorNotAPush() {
        Exchange out = template.request("direct:byHeader", e -> {
            e.getMessage().setHeader(MitakeMmsConstants.OPERATION, "send");
            e.getMessage().setBody(message(1));
        });
        assertThat(out.getException()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'send'").hasMessageContaining("push, queryBatchDR, querySingleDR");
        assertThat(gateway.findAll(postRequestedFor(urlEqualTo("/msg/mms/json")))).isEmpty();
    }

    @Test
    void anUnknownOperationInTheUriIsAnError() {
        assertThatThrownBy(() -> context.getEndpoint("mitake-mms:send"))
                .isInstanceOf(ResolveEndpointFailedException.class).hasMessageContaining("'send'");
    }

    @Test
    void validationFailsBeforeAnythingIsSent() {
        MmsMessage m = message(1);
        m.setSubject("x".repeat(41));
        Exchange out = template.request("direct:push", e -> e.getMessage().setBody(m));
        assertThat(out.getException()).isInstanceOfSatisfying(MitakeMmsValidationException.class, e -> {
            assertThat(e.getField()).isEqualTo("subject");
            assertThat(e.getCode()).isEqualTo("2002");
        });
        assertThat(gateway.findAll(anyRequestedFor(com.github.tomakehurst.wiremock.client.WireMock.anyUrl()))).isEmpty();
    }
}
