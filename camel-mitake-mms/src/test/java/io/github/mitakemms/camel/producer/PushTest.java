package io.github.mitakemms.camel.producer;

import java.math.BigDecimal;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.mitakemms.camel.MitakeMmsConstants;
import io.github.mitakemms.camel.model.MmsStatus;
import io.github.mitakemms.camel.model.PushResult;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

class PushTest extends GatewayTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:push").to("mitake-mms:push?subject=Hello");
            }
        };
    }

    @Test
    void sendsTheExactRequestOfThePush() throws Exception {
        stubMms("push", """
                {"batchID":304934976469110784,"messages":[
                  {"msgID":304934980000714750,"cID":"c1","status":"1","statusDesc":"已送達三竹","statusTime":"20200505160000","point":3},
                  {"msgID":"0000000002","cID":"c2","status":"1","statusDesc":"已送達三竹","statusTime":"20200505160000","point":3}],
                 "costPoints":6,"accountPoints":9994}""");

        Exchange out = template.request("direct:push", e -> {
            e.getMessage().setBody(png());
            e.getMessage().setHeader(MitakeMmsConstants.ATTACHMENT_NAME, "a.png");
            e.getMessage().setHeader(MitakeMmsConstants.CONTENT, "mms content");
            e.getMessage().setHeader(MitakeMmsConstants.TO, "0911111111,0922222222");
            e.getMessage().setHeader(MitakeMmsConstants.ORDER_TIME, "20300505160000");
        });
        assertThat(out.getException()).isNull();

        List<LoggedRequest> requests = gateway.findAll(postRequestedFor(urlEqualTo("/msg/mms/json")));
        assertThat(requests).hasSize(1);
        LoggedRequest r = requests.get(0);
        assertThat(r.getHeader("authorization")).isEqualTo("bearer " + TOKEN);
        assertThat(r.getHeader("clientID")).isEqualTo(CLIENT_ID);
        assertThat(r.getHeader("actionType")).isEqualTo("push");
        JsonNode body = JSON.readTree(r.getBodyAsString());
        assertThat(body.get("subject").textValue()).isEqualTo("Hello");
        assertThat(body.get("content").textValue()).isEqualTo("mms content");
        assertThat(body.get("orderTime").textValue()).isEqualTo("20300505160000");
        assertThat(body.has("expireTime")).isFalse();
        assertThat(body.get("destinations")).hasSize(2);
        assertThat(body.get("destinations").get(0).get("to").textValue()).isEqualTo("0911111111");
        assertThat(body.get("destinations").get(0).get("cID").textValue()).hasSize(36);
        JsonNode att = body.get("attachments").get(0);
        assertThat(att.get("attachType").textValue()).isEqualTo("png");
        assertThat(att.get("attachName").textValue()).isEqualTo("a.png");
        assertThat(Base64.getDecoder().decode(att.get("attachContent").textValue())).isEqualTo(png());

        PushResult result = out.getMessage().getBody(PushResult.class);
        assertThat(result.getBatchId()).isEqualTo("304934976469110784");
        assertThat(result.getMessages()).extracting("msgId").containsExactly("304934980000714750", "0000000002");
        assertThat(result.getMessages().get(0).getMmsStatus()).isEqualTo(MmsStatus.ACCEPTED);
        assertThat(out.getMessage().getHeader(MitakeMmsConstants.BATCH_ID)).isEqualTo("304934976469110784");
        assertThat(out.getMessage().getHeader(MitakeMmsConstants.COST_POINTS)).isEqualTo(new BigDecimal("6"));
        assertThat(out.getMessage().getHeader(MitakeMmsConstants.ACCOUNT_POINTS)).isEqualTo(new BigDecimal("9994"));
        assertThat(out.getMessage().getHeaders()).doesNotContainKey("authorization");
    }

    @Test
    void mapBody() {
        stubMms("push", "{\"batchID\":\"b-1\",\"messages\":[{\"msgID\":1,\"status\":\"1\"}],\"costPoints\":3}");
        Exchange out = template.request("direct:push", e -> e.getMessage().setBody(Map.of(
                "subject", "S", "content", "C", "to", "0911111111",
                "attachments", List.of(Map.of("attachName", "x.jpg", "attachType", "jpg",
                        "attachContent", Base64.getEncoder().encodeToString(jpg()))))));
        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getHeader(MitakeMmsConstants.BATCH_ID)).isEqualTo("b-1");
    }
}
