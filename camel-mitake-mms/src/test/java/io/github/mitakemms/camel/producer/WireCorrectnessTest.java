package io.github.mitakemms.camel.producer;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.mitakemms.camel.MitakeMmsComponent;
import io.github.mitakemms.camel.MitakeMmsConstants;
import io.github.mitakemms.camel.exception.MitakeMmsAuthenticationException;
import io.github.mitakemms.camel.exception.MitakeMmsRejectedException;
import io.github.mitakemms.camel.exception.MitakeMmsValidationException;
import io.github.mitakemms.camel.model.Attachment;
import io.github.mitakemms.camel.model.MessageResult;
import io.github.mitakemms.camel.model.MmsMessage;
import io.github.mitakemms.camel.model.MmsStatus;
import io.github.mitakemms.camel.model.PushResult;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What goes on the wire and how its answers are read: tokens the gateway stops accepting, tokens per set of
 * credentials, requests that are valid JSON, one bad number among many, duplicate cIDs, points that are not whole.
 */
class WireCorrectnessTest extends GatewayTestSupport {

    private static final ObjectMapper STRICT_JSON = new ObjectMapper();
    private static final String PUSHED = "{\"batchID\":1,\"messages\":[{\"msgID\":2,\"status\":\"1\"}]}";

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:push").to("mitake-mms:push?subject=S");
                from("direct:strict").to("mitake-mms:push?subject=S&throwOnRejected=true");
                from("direct:single").to("mitake-mms:querySingleDR");
            }
        };
    }

    private static MmsMessage message(String... phones) {
        MmsMessage m = new MmsMessage();
        m.attach(Attachment.of("p.png", png()));
        for (String p : phones) {
            m.to(p);
        }
        return m;
    }

    private Exchange push(String route, MmsMessage m) {
        return template.request(route, e -> e.getMessage().setBody(m));
    }

    private List<JsonNode> mmsRequests() throws Exception {
        List<JsonNode> bodies = new java.util.ArrayList<>();
        for (var r : gateway.findAll(postRequestedFor(urlEqualTo("/msg/mms/json")))) {
            // a strict parser: what the gateway reads must be JSON
            bodies.add(STRICT_JSON.readTree(r.getBodyAsString()));
        }
        return bodies;
    }

    @ParameterizedTest
    @ValueSource(strings = { "1003", "1004", "1010", "HTTP 401" })
    void aTokenRefusedOnACallIsDroppedRenewedAndTheCallSentOnceMore(String refusal) {
        gateway.resetMappings();
        gateway.stubFor(post(urlEqualTo("/AuthorizationService/Token")).inScenario("token")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("second")
                .willReturn(aResponse().withBody("{\"accessToken\":\"revoked\",\"expiresIn\":\"86400\"}")));
        gateway.stubFor(post(urlEqualTo("/AuthorizationService/Token")).inScenario("token")
                .whenScenarioStateIs("second")
                .willReturn(aResponse().withBody("{\"accessToken\":\"fresh\",\"expiresIn\":\"86400\"}")));
        gateway.stubFor(post(urlEqualTo("/msg/mms/json")).withHeader("authorization", equalTo("bearer revoked"))
                .willReturn(refusal.startsWith("HTTP") ? aResponse().withStatus(401)
                        : aResponse().withBody("{\"code\":\"" + refusal + "\",\"description\":\"無效認證資訊\"}")));
        gateway.stubFor(post(urlEqualTo("/msg/mms/json")).withHeader("authorization", equalTo("bearer fresh"))
                .willReturn(aResponse().withBody(PUSHED)));

        assertThat(push("direct:push", message("0911111111")).getException()).isNull();
        // the revoked token is not kept until its planned renewal: the next push uses the fresh one at once
        assertThat(push("direct:push", message("0911111111")).getException()).isNull();

        assertThat(gateway.findAll(postRequestedFor(urlEqualTo("/AuthorizationService/Token")))).hasSize(2);
        assertThat(gateway.findAll(postRequestedFor(urlEqualTo("/msg/mms/json")))).hasSize(3);
    }

    @Test
    void everySetOfCredentialsProvesItselfWithItsOwnTokenRequest() throws Exception {
        MitakeMmsComponent other = new MitakeMmsComponent();
        other.getConfiguration().setBaseUrl(gateway.baseUrl());
        other.getConfiguration().setClientId(CLIENT_ID);
        other.getConfiguration().setClientSecret("revoked-secret");
        context.addComponent("other-mms", other);
        gateway.stubFor(post(urlEqualTo("/AuthorizationService/Token"))
                .withRequestBody(equalToJson("{\"clientId\":\"" + CLIENT_ID + "\",\"clientSecret\":\"revoked-secret\"}"))
                .willReturn(aResponse().withBody("{\"code\":\"1003\",\"description\":\"無效認證資訊\"}")));
        stubMms("push", PUSHED);

        assertThat(push("direct:push", message("0911111111")).getException()).isNull();
        assertThat(push("direct:push", message("0911111111")).getException()).isNull();
        Exchange wrong = template.request("other-mms:push?subject=S", e -> e.getMessage().setBody(message("0911111111")));

        assertThat(wrong.getException()).isInstanceOf(MitakeMmsAuthenticationException.class)
                .hasMessageContaining("1003").hasMessageNotContaining("revoked-secret");
        assertThat(gateway.findAll(postRequestedFor(urlEqualTo("/msg/mms/json")))).hasSize(2);
        assertThat(gateway.findAll(postRequestedFor(urlEqualTo("/AuthorizationService/Token")))).hasSize(2);
    }

    @Test
    void endpointsThatDifferOnlyInTheirTimeoutShareTheTokenAndThePool() {
        stubMms("push", PUSHED);
        for (String timeout : new String[] { "1000", "2000", "3000" }) {
            assertThat(template.request("mitake-mms:push?subject=S&requestTimeout=" + timeout,
                    e -> e.getMessage().setBody(message("0911111111"))).getException()).isNull();
        }
        assertThat(gateway.findAll(postRequestedFor(urlEqualTo("/AuthorizationService/Token")))).hasSize(1);
    }

    @Test
    void idsWithALeadingZeroAreWrittenAsStringsAndEveryRequestIsJson() throws Exception {
        stubMms("querySingleDR", "{\"batchID\":\"0000000001\",\"messages\":[]}");

        Exchange out = template.request("direct:single", e -> {
            e.getMessage().setHeader(MitakeMmsConstants.BATCH_ID, "0000000001");
            e.getMessage().setBody(List.of("0012", "304934980000714750", "7"));
        });

        assertThat(out.getException()).isNull();
        JsonNode body = mmsRequests().get(0);
        assertThat(body.get("batchID").isTextual()).isTrue();
        assertThat(body.get("batchID").textValue()).isEqualTo("0000000001");
        assertThat(body.get("msgIDs").get(0).textValue()).isEqualTo("0012");
        assertThat(body.get("msgIDs").get(1).isIntegralNumber()).isTrue();
        assertThat(body.get("msgIDs").get(1).bigIntegerValue().toString()).isEqualTo("304934980000714750");
        assertThat(body.get("msgIDs").get(2).asText()).isEqualTo("7");
    }

    @Test
    void theAttachmentTypeIsSentInLowerCase() throws Exception {
        stubMms("push", PUSHED);
        MmsMessage m = message("0911111111");
        m.getAttachments().get(0).setAttachType("PNG");

        assertThat(push("direct:push", m).getException()).isNull();

        assertThat(mmsRequests().get(0).get("attachments").get(0).get("attachType").textValue()).isEqualTo("png");
    }

    @Test
    void aBadNumberIsRefusedOnItsOwnAndTheOthersAreSent() throws Exception {
        stubMms("push", "{\"batchID\":7,\"messages\":[{\"msgID\":71,\"cID\":\"a\",\"status\":\"1\"},"
                        + "{\"msgID\":72,\"cID\":\"c\",\"status\":\"1\"}],\"costPoints\":6}");
        MmsMessage m = message("0911111111", "09-not-a-number", "0933333333");

        Exchange out = push("direct:push", m);

        assertThat(out.getException()).isNull();
        JsonNode sent = mmsRequests().get(0).get("destinations");
        assertThat(sent).hasSize(2);
        assertThat(sent.get(0).get("to").textValue()).isEqualTo("0911111111");
        assertThat(sent.get(1).get("to").textValue()).isEqualTo("0933333333");
        PushResult result = out.getMessage().getBody(PushResult.class);
        assertThat(result.getMessages()).extracting(MessageResult::getStatus).containsExactly("1", "2011", "1");
        MessageResult refused = result.getMessages().get(1);
        assertThat(refused.getMsgId()).isNull();
        assertThat(refused.isRejected()).isTrue();
        assertThat(refused.getStatusDesc()).isEqualTo("手機號碼格式錯誤");
        assertThat(refused.getCId()).isEqualTo(out.getMessage().getHeader(MitakeMmsConstants.CIDS, List.class).get(1));
        assertThat(result.getMsgIds()).containsExactly("71", "72");

        Exchange strict = push("direct:strict", message("0911111111", "09-not-a-number", "0933333333"));
        assertThat(strict.getException()).isInstanceOfSatisfying(MitakeMmsRejectedException.class,
                e -> assertThat(e.getResult().getRejected()).hasSize(1));
    }

    @Test
    void aPushWithoutAnyValidNumberSendsNothing() {
        Exchange out = push("direct:push", message("abc", "+"));

        assertThat(out.getException()).isInstanceOfSatisfying(MitakeMmsValidationException.class,
                e -> assertThat(e.getCode()).isEqualTo("2011"));
        assertThat(gateway.findAll(postRequestedFor(urlEqualTo("/msg/mms/json")))).isEmpty();
    }

    @Test
    void aDuplicateCidIsReportedAsADuplicateNotAsRefused() {
        stubMms("push", "{\"batchID\":7,\"messages\":[{\"msgID\":71,\"status\":\"1\"},"
                        + "{\"cID\":\"used-before\",\"status\":\"2018\",\"statusDesc\":\"cID重複\"}]}");

        Exchange out = push("direct:strict", message("0911111111", "0922222222"));

        assertThat(out.getException()).as("not counted for throwOnRejected").isNull();
        PushResult result = out.getMessage().getBody(PushResult.class);
        assertThat(result.getRejected()).isEmpty();
        assertThat(result.getDuplicates()).hasSize(1);
        assertThat(result.getDuplicates().get(0).getMmsStatus()).isEqualTo(MmsStatus.CID_DUPLICATE);
        assertThat(result.getAcceptedCount()).isEqualTo(1);
    }

    @Test
    void pointsThatAreNotWholeAreKeptExactly() {
        stubMms("push", "{\"batchID\":7,\"messages\":[{\"msgID\":71,\"status\":\"1\",\"point\":1.5}],"
                        + "\"costPoints\":\"1.5\",\"accountPoints\":9998.25}");

        Exchange out = push("direct:push", message("0911111111"));

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getHeader(MitakeMmsConstants.COST_POINTS, BigDecimal.class))
                .isEqualByComparingTo("1.5");
        assertThat(out.getMessage().getHeader(MitakeMmsConstants.ACCOUNT_POINTS, BigDecimal.class))
                .isEqualByComparingTo("9998.25");
        assertThat(out.getMessage().getBody(PushResult.class).getMessages().get(0).getPoint())
                .isEqualByComparingTo("1.5");
    }

    @Test
    void querySingleFromTheHeadersOfASplitPushIsRefusedRatherThanPairingEveryMsgIdWithTheFirstBatch() {
        Exchange out = template.request("direct:single", e -> {
            e.getMessage().setHeader(MitakeMmsConstants.BATCH_ID, "b1");
            e.getMessage().setHeader(MitakeMmsConstants.BATCH_IDS, List.of("b1", "b2"));
            e.getMessage().setHeader(MitakeMmsConstants.MSG_IDS, List.of("m1", "m2"));
        });

        assertThat(out.getException()).isInstanceOf(MitakeMmsValidationException.class)
                .hasMessageContaining("split").hasMessageContaining("PushResult");
        assertThat(gateway.findAll(postRequestedFor(urlEqualTo("/msg/mms/json")))).isEmpty();
    }
}
