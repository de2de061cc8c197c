package io.github.mitakemms.camel.producer;

import java.util.List;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.mitakemms.camel.MitakeMmsConstants;
import io.github.mitakemms.camel.exception.MitakeMmsValidationException;
import io.github.mitakemms.camel.model.DeliveryReport;
import io.github.mitakemms.camel.model.MmsStatus;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

class QueryTest extends GatewayTestSupport {

    private static final String BATCH_RESPONSE = """
            {"batchID": 304934976469110800, "messages": [
              {"msgID": 304934980000714750, "statusTime": "20200515181442", "status": "0", "point": 3},
              {"msgID": 306379313648275460, "statusTime": "20200515181442", "status": "1000", "point": 3}]}""";

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:batch").to("mitake-mms:queryBatchDR");
                from("direct:single").to("mitake-mms:querySingleDR");
                from("direct:pushThenQuery").to("mitake-mms:push").to("mitake-mms:querySingleDR");
                from("direct:pushThenBatch").to("mitake-mms:push").to("mitake-mms:queryBatchDR");
            }
        };
    }

    @Test
    void queryBatchFromBody() {
        stubMms("queryBatchDR", BATCH_RESPONSE);
        Exchange out = template.request("direct:batch", e -> e.getMessage().setBody("304934976469110800"));
        assertThat(out.getException()).isNull();

        LoggedRequest r = gateway.findAll(postRequestedFor(urlEqualTo("/msg/mms/json"))).get(0);
        assertThat(r.getHeader("actionType")).isEqualTo("queryBatchDR");
        assertThat(r.getHeader("authorization")).isEqualTo("bearer " + TOKEN);
        assertThat(r.getHeader("clientID")).isEqualTo(CLIENT_ID);
        assertThat(r.getBodyAsString()).isEqualTo("{\"batchID\":304934976469110800}");

        List<DeliveryReport> reports = out.getMessage().getBody(List.class);
        assertThat(reports).extracting("msgId").containsExactly("304934980000714750", "306379313648275460");
        assertThat(reports).extracting("batchId").containsOnly("304934976469110800");
        assertThat(reports.get(0).getMmsStatus()).isEqualTo(MmsStatus.DELIVERED);
        assertThat(reports.get(0).getMmsStatus().isSuccess()).isTrue();
        assertThat(reports.get(1).getMmsStatus().isFinal()).isFalse();
    }

    @Test
    void queryBatchFromHeaderWhenBodyIsEmpty() {
        stubMms("queryBatchDR", BATCH_RESPONSE);
        Exchange out = template.request("direct:batch",
                e -> e.getMessage().setHeader(MitakeMmsConstants.BATCH_ID, "304934976469110800"));
        assertThat(out.getException()).isNull();
        assertThat(gateway.findAll(postRequestedFor(urlEqualTo("/msg/mms/json"))).get(0).getBodyAsString())
                .isEqualTo("{\"batchID\":304934976469110800}");
    }

    @Test
    void queryBatchWithoutBatchIdFailsBeforeSending() {
        Exchange out = template.request("direct:batch", e -> {
        });
        assertThat(out.getException()).isInstanceOf(MitakeMmsValidationException.class)
                .hasMessageContaining("batchID").hasMessageContaining("4001");
        assertThat(gateway.findAll(postRequestedFor(urlEqualTo("/msg/mms/json")))).isEmpty();
    }

    @Test
    void querySingleFromHeaderAndBody() {
        stubMms("querySingleDR", BATCH_RESPONSE);
        Exchange out = template.request("direct:single", e -> {
            e.getMessage().setHeader(MitakeMmsConstants.BATCH_ID, "304934976469110800");
            e.getMessage().setBody("304934980000714750, 306379313648275460");
        });
        assertThat(out.getException()).isNull();
        LoggedRequest r = gateway.findAll(postRequestedFor(urlEqualTo("/msg/mms/json"))).get(0);
        assertThat(r.getHeader("actionType")).isEqualTo("querySingleDR");
        assertThat(r.getBodyAsString())
                .isEqualTo("{\"batchID\":304934976469110800,\"msgIDs\":[304934980000714750,306379313648275460]}");
        assertThat(out.getMessage().getBody(List.class)).hasSize(2);
    }

    @Test
    void querySingleMsgIdsFromHeaderCollection() {
        stubMms("querySingleDR", BATCH_RESPONSE);
        Exchange out = template.request("direct:single", e -> {
            e.getMessage().setHeader(MitakeMmsConstants.BATCH_ID, "42");
            e.getMessage().setHeader(MitakeMmsConstants.MSG_IDS, List.of("1", "2"));
        });
        assertThat(out.getException()).isNull();
        assertThat(gateway.findAll(postRequestedFor(urlEqualTo("/msg/mms/json"))).get(0).getBodyAsString())
                .isEqualTo("{\"batchID\":42,\"msgIDs\":[1,2]}");
    }

    @Test
    void querySingleWithoutMsgIdsFails() {
        Exchange out = template.request("direct:single",
                e -> e.getMessage().setHeader(MitakeMmsConstants.BATCH_ID, "42"));
        assertThat(out.getException()).isInstanceOf(MitakeMmsValidationException.class)
                .hasMessageContaining("msgIDs").hasMessageContaining("4002");
    }

    @Test
    void aPushFeedsTheFollowingQueriesWithNoGlue() {
        stubMms("push", "{\"batchID\":304934976469110800,\"messages\":[{\"msgID\":304934980000714750,\"status\":\"1\"},"
                        + "{\"msgID\":306379313648275460,\"status\":\"1\"}],\"costPoints\":6,\"accountPoints\":1}");
        stubMms("querySingleDR", BATCH_RESPONSE);
        stubMms("queryBatchDR", BATCH_RESPONSE);

        Exchange single = template.request("direct:pushThenQuery", this::twoRecipients);
        assertThat(single.getException()).isNull();
        assertThat(gateway.findAll(postRequestedFor(urlEqualTo("/msg/mms/json"))
                .withHeader("actionType", equalTo("querySingleDR"))).get(0).getBodyAsString())
                .isEqualTo("{\"batchID\":304934976469110800,\"msgIDs\":[304934980000714750,306379313648275460]}");
        assertThat(single.getMessage().getBody(List.class)).hasSize(2);

        Exchange batch = template.request("direct:pushThenBatch", this::twoRecipients);
        assertThat(batch.getException()).isNull();
        assertThat(gateway.findAll(postRequestedFor(urlEqualTo("/msg/mms/json"))
                .withHeader("actionType", equalTo("queryBatchDR"))).get(0).getBodyAsString())
                .isEqualTo("{\"batchID\":304934976469110800}");
    }

    private void twoRecipients(Exchange e) {
        e.getMessage().setBody(png());
        e.getMessage().setHeader(MitakeMmsConstants.ATTACHMENT_NAME, "p.png");
        e.getMessage().setHeader(MitakeMmsConstants.SUBJECT, "S");
        e.getMessage().setHeader(MitakeMmsConstants.TO, List.of("0911111111", "0922222222"));
    }
}
