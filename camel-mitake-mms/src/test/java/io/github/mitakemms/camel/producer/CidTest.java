package io.github.mitakemms.camel.producer;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.mitakemms.camel.MitakeMmsConstants;
import io.github.mitakemms.camel.exception.MitakeMmsIncompletePushException;
import io.github.mitakemms.camel.exception.MitakeMmsRetryableException;
import io.github.mitakemms.camel.model.Attachment;
import io.github.mitakemms.camel.model.MmsMessage;
import io.github.mitakemms.camel.model.PushResult;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The cIDs of a push: a push never goes out with the cIDs of another push (which the gateway would answer with the
 * earlier reply and not send), a failed push's cIDs travel with the message, and cidSeed derives the same cIDs for the
 * same input in any process.
 */
class CidTest extends GatewayTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PUSHED = "{\"batchID\":1,\"messages\":[{\"msgID\":2,\"status\":\"1\"}]}";

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                // the same message pushed twice, on purpose: two pushes, both sent
                from("direct:twice").setProperty("request", body())
                        .to("mitake-mms:push").setBody(exchangeProperty("request")).to("mitake-mms:push");
                from("direct:loop").setProperty("request", body())
                        .loop(3).setBody(exchangeProperty("request")).to("mitake-mms:push").end();
                from("direct:handledThenAgain")
                        .doTry().to("mitake-mms:push").doCatch(MitakeMmsRetryableException.class).end()
                        .to("mitake-mms:push");
                from("direct:push").to("mitake-mms:push");
                from("direct:seeded").to("mitake-mms:push?cidSeed=${header.orderId}");
                // the dead-letter recipe of the documentation, a List header turned into the String JMS can carry
                from("direct:deadLettered").errorHandler(deadLetterChannel("direct:dead")).to("mitake-mms:push");
                from("direct:dead")
                        .process(e -> e.getIn().setHeader(MitakeMmsConstants.CIDS,
                                String.join(",", e.getIn().getHeader(MitakeMmsConstants.CIDS, List.class))))
                        .to("mock:dead");
            }
        };
    }

    private static MmsMessage message(String... phones) {
        MmsMessage m = new MmsMessage();
        m.setSubject("S");
        m.attach(Attachment.of("p.png", png()));
        for (String p : phones) {
            m.to(p);
        }
        return m;
    }

    private List<List<String>> cIdsPerCall() throws Exception {
        List<List<String>> calls = new ArrayList<>();
        for (LoggedRequest r : gateway.findAll(postRequestedFor(urlEqualTo("/msg/mms/json")))) {
            List<String> cIds = new ArrayList<>();
            for (JsonNode d : JSON.readTree(r.getBodyAsString()).get("destinations")) {
                cIds.add(d.get("cID").textValue());
            }
            calls.add(cIds);
        }
        return calls;
    }

    @Test
    void twoPushesOnOneExchangeHaveCidsOfTheirOwn() throws Exception {
        stubMms("push", PUSHED);

        Exchange out = template.request("direct:twice", e -> e.getMessage().setBody(message("0911111111")));

        assertThat(out.getException()).isNull();
        List<List<String>> calls = cIdsPerCall();
        assertThat(calls).hasSize(2);
        assertThat(calls.get(1)).doesNotContainAnyElementsOf(calls.get(0));
        assertThat(out.getMessage().getHeader(MitakeMmsConstants.CIDS, List.class)).isEqualTo(calls.get(1));
    }

    @Test
    void everyPushOfALoopHasCidsOfItsOwn() throws Exception {
        stubMms("push", PUSHED);

        template.request("direct:loop", e -> e.getMessage().setBody(message("0911111111", "0922222222")));

        List<List<String>> calls = cIdsPerCall();
        assertThat(calls).hasSize(3);
        assertThat(calls.stream().flatMap(List::stream).distinct().count()).isEqualTo(6);
    }

    @Test
    void aResendOfAFailedPushInTheRouteKeepsItsCids() throws Exception {
        gateway.stubFor(post(urlEqualTo("/msg/mms/json")).inScenario("once").whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("up").willReturn(aResponse().withStatus(503)));
        gateway.stubFor(post(urlEqualTo("/msg/mms/json")).inScenario("once").whenScenarioStateIs("up")
                .willReturn(aResponse().withBody(PUSHED)));

        Exchange out = template.request("direct:handledThenAgain", e -> e.getMessage().setBody(message("0911111111")));

        assertThat(out.getException()).isNull();
        List<List<String>> calls = cIdsPerCall();
        assertThat(calls).hasSize(2);
        assertThat(calls.get(1)).as("the same message sent again after a failure").isEqualTo(calls.get(0));
    }

    @Test
    void theCidsAreOnTheMessageWhenThePushFails() throws Exception {
        gateway.stubFor(post(urlEqualTo("/msg/mms/json")).willReturn(aResponse().withStatus(503)));

        Exchange out = template.request("direct:push", e -> e.getMessage().setBody(message("0911111111", "0922222222")));

        assertThat(out.getException()).isInstanceOf(MitakeMmsRetryableException.class);
        assertThat(out.getMessage().getHeader(MitakeMmsConstants.CIDS, List.class)).isEqualTo(cIdsPerCall().get(0))
                .hasSize(2).doesNotContainNull();
    }

    @Test
    void theHeaderGivesANewExchangeItsCidsByPosition() throws Exception {
        stubMms("push", PUSHED);

        // as a JMS dead-letter queue hands it back: a String
        template.request("direct:push", e -> {
            e.getMessage().setBody(message("0911111111", "0922222222"));
            e.getMessage().setHeader(MitakeMmsConstants.CIDS, "a-1, b-2");
        });
        // a List's text
        template.request("direct:push", e -> {
            e.getMessage().setBody(message("0911111111", "0922222222"));
            e.getMessage().setHeader(MitakeMmsConstants.CIDS, "[c-1, d-2]");
        });
        // a List, with a gap the component fills
        template.request("direct:push", e -> {
            e.getMessage().setBody(message("0911111111", "0922222222"));
            e.getMessage().setHeader(MitakeMmsConstants.CIDS, java.util.Arrays.asList("e-1", null));
        });

        List<List<String>> calls = cIdsPerCall();
        assertThat(calls.get(0)).containsExactly("a-1", "b-2");
        assertThat(calls.get(1)).containsExactly("c-1", "d-2");
        assertThat(calls.get(2).get(0)).isEqualTo("e-1");
        assertThat(calls.get(2).get(1)).isNotBlank().isNotEqualTo("e-1");
    }

    @Test
    void aResendFromADeadLetterQueueSendsTheSameCids() throws Exception {
        gateway.stubFor(post(urlEqualTo("/msg/mms/json")).inScenario("down").whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("up").willReturn(aResponse().withStatus(503)));
        gateway.stubFor(post(urlEqualTo("/msg/mms/json")).inScenario("down").whenScenarioStateIs("up")
                .willReturn(aResponse().withBody(PUSHED)));
        MmsMessage original = message("0911111111", "0922222222");

        template.request("direct:deadLettered", e -> e.getMessage().setBody(original));
        Exchange dead = getMockEndpoint("mock:dead").getReceivedExchanges().get(0);
        // later, in a new exchange (as from the dead-letter queue): the body and the String header it kept
        Exchange resent = template.request("direct:push", e -> {
            e.getMessage().setBody(dead.getIn().getBody());
            e.getMessage().setHeader(MitakeMmsConstants.CIDS, dead.getIn().getHeader(MitakeMmsConstants.CIDS));
        });

        assertThat(resent.getException()).isNull();
        assertThat(dead.getIn().getHeader(MitakeMmsConstants.CIDS)).isInstanceOf(String.class);
        List<List<String>> calls = cIdsPerCall();
        assertThat(calls).hasSize(2);
        assertThat(calls.get(1)).isEqualTo(calls.get(0));
    }

    @Test
    void aHeaderWithAnotherNumberOfCidsIsRefused() {
        Exchange out = template.request("direct:push", e -> {
            e.getMessage().setBody(message("0911111111", "0922222222"));
            e.getMessage().setHeader(MitakeMmsConstants.CIDS, "a-1");
        });

        assertThat(out.getException()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(MitakeMmsConstants.CIDS).hasMessageContaining("1 cIDs").hasMessageContaining("2");
        assertThat(gateway.findAll(postRequestedFor(urlEqualTo("/msg/mms/json")))).isEmpty();
    }

    @Test
    void theSeedGivesTheSameInputTheSameCidsAndOtherInputOthers() throws Exception {
        stubMms("push", PUSHED);

        for (String orderId : new String[] { "order-1", "order-1", "order-2" }) {
            template.request("direct:seeded", e -> {
                e.getMessage().setBody(message("0911111111", "0922222222", "0911111111"));
                e.getMessage().setHeader("orderId", orderId);
            });
        }

        List<List<String>> calls = cIdsPerCall();
        assertThat(calls.get(1)).as("the same input, as after a crash").isEqualTo(calls.get(0));
        assertThat(calls.get(0)).as("the same number twice in a push").doesNotHaveDuplicates();
        assertThat(calls.get(2)).doesNotContainAnyElementsOf(calls.get(0));
        assertThat(calls.get(0)).allSatisfy(c -> assertThat(c).hasSize(36));
        // derived, not random: the value any other process computes
        assertThat(calls.get(0).get(1)).isEqualTo(PushCids.derive("order-1", 1, "0922222222"));
    }

    @Test
    void aSeedWithoutValueFailsThePushBeforeAnythingIsSent() {
        Exchange out = template.request("direct:seeded", e -> e.getMessage().setBody(message("0911111111")));

        assertThat(out.getException()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cidSeed");
        assertThat(gateway.findAll(postRequestedFor(urlEqualTo("/msg/mms/json")))).isEmpty();
    }

    @Test
    void aConstantSeedIsRefused() {
        // at the endpoint's creation, so a route with it fails to be created
        assertThatThrownBy(() -> context.getEndpoint("mitake-mms:push?cidSeed=orderId"))
                .rootCause().isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cidSeed")
                .hasMessageContaining("constant");
        // Spring's own placeholders leave $simple{...} alone: that form is an expression too
        assertThat(context.getEndpoint("mitake-mms:push?cidSeed=$simple{header.orderId}")).isNotNull();
        assertThatThrownBy(() -> context.getEndpoint("mitake-mms:push?generateCid=false&cidSeed=${header.x}"))
                .rootCause().isInstanceOf(IllegalArgumentException.class).hasMessageContaining("generateCid");
    }

    @Test
    void aSplitPushFailingMidwayKeepsWhatWasAccepted() throws Exception {
        gateway.stubFor(post(urlEqualTo("/msg/mms/json")).inScenario("split").whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("second").willReturn(aResponse().withBody(
                        "{\"batchID\":\"b1\",\"messages\":[{\"msgID\":\"m1\",\"status\":\"1\"}],\"costPoints\":3,"
                        + "\"accountPoints\":97}")));
        gateway.stubFor(post(urlEqualTo("/msg/mms/json")).inScenario("split").whenScenarioStateIs("second")
                .willReturn(aResponse().withBody("{\"code\":\"9999\",\"description\":\"系統錯誤\"}")));
        String[] phones = new String[501];
        for (int i = 0; i < phones.length; i++) {
            phones[i] = String.format("09%08d", i);
        }

        Exchange out = template.request("direct:push", e -> e.getMessage().setBody(message(phones)));

        assertThat(out.getException()).isInstanceOfSatisfying(MitakeMmsIncompletePushException.class, e -> {
            assertThat(e.getAcceptedCount()).isEqualTo(1);
            assertThat(e.getDestinationCount()).isEqualTo(501);
            assertThat(e.getResult().getBatchIds()).containsExactly("b1");
            assertThat(e.getCode()).isEqualTo("9999");
            assertThat(e.isRetryable()).isTrue();
            assertThat(e.getCause()).isInstanceOf(MitakeMmsRetryableException.class);
            assertThat(e.getMessage()).contains("1 accepted").contains("501");
        });
        assertThat(out.getMessage().getHeader(MitakeMmsConstants.BATCH_IDS, List.class)).containsExactly("b1");
        assertThat(out.getMessage().getHeader(MitakeMmsConstants.MSG_IDS, List.class)).containsExactly("m1");
        assertThat(out.getMessage().getHeader(MitakeMmsConstants.COST_POINTS).toString()).isEqualTo("3");
        assertThat(out.getMessage().getHeader(MitakeMmsConstants.ACCOUNT_POINTS).toString()).isEqualTo("97");
        assertThat(out.getMessage().getHeader(MitakeMmsConstants.CIDS, List.class)).hasSize(501);
        assertThat(out.getMessage().getBody()).as("the request stays, for a redelivery").isInstanceOf(MmsMessage.class);
        assertThat(out.getMessage().getBody()).isNotInstanceOf(PushResult.class);
    }
}
