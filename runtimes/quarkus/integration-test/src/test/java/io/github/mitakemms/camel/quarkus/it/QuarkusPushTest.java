package io.github.mitakemms.camel.quarkus.it;

import java.util.Base64;
import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.mitakemms.camel.MitakeMmsConstants;
import io.github.mitakemms.camel.model.PushResult;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** A push from a Quarkus application whose component is configured by application.properties alone. */
@QuarkusTest
@WithTestResource(GatewayTestResource.class)
class QuarkusPushTest {

    /** The leading bytes of a PNG: enough for the component's type check. */
    private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R',
            0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0 };

    @InjectGateway
    WireMockServer gateway;

    @Inject
    ProducerTemplate producer;

    @Test
    void pushConfiguredByApplicationPropertiesReachesTheGateway() {
        Exchange result = producer.request("mitake-mms:push", exchange -> {
            exchange.getMessage().setBody(PNG);
            exchange.getMessage().setHeader(Exchange.FILE_NAME, "logo.png");
            exchange.getMessage().setHeader(MitakeMmsConstants.SUBJECT, "Quarkus");
            exchange.getMessage().setHeader(MitakeMmsConstants.CONTENT, "sent from a Quarkus application");
            exchange.getMessage().setHeader(MitakeMmsConstants.TO, "0912345678");
            exchange.getMessage().setHeader(MitakeMmsConstants.CID, "order-1");
        });

        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getBody()).isInstanceOf(PushResult.class);
        assertThat(result.getMessage().getHeader(MitakeMmsConstants.BATCH_ID)).isEqualTo(GatewayTestResource.BATCH_ID);
        assertThat(result.getMessage().getHeader(MitakeMmsConstants.MSG_IDS, List.class))
                .containsExactly(GatewayTestResource.MSG_ID);
        assertThat(result.getMessage().getHeader(MitakeMmsConstants.COST_POINTS)).isEqualTo(new java.math.BigDecimal("3"));

        gateway.verify(1, postRequestedFor(urlEqualTo("/AuthorizationService/Token"))
                .withRequestBody(equalToJson("{\"clientId\":\"quarkus-it\",\"clientSecret\":\"quarkus-it-Pa55word\"}")));
        gateway.verify(1, postRequestedFor(urlEqualTo("/msg/mms/json"))
                .withHeader("actionType", equalTo("push"))
                .withHeader("clientID", equalTo("quarkus-it"))
                .withHeader("authorization", equalTo("bearer " + GatewayTestResource.TOKEN))
                .withRequestBody(matchingJsonPath("$.subject", equalTo("Quarkus")))
                .withRequestBody(matchingJsonPath("$.content", equalTo("sent from a Quarkus application")))
                .withRequestBody(matchingJsonPath("$.destinations[0].to", equalTo("0912345678")))
                .withRequestBody(matchingJsonPath("$.destinations[0].cID", equalTo("order-1")))
                .withRequestBody(matchingJsonPath("$.attachments[0].attachName", equalTo("logo.png")))
                .withRequestBody(matchingJsonPath("$.attachments[0].attachType", equalTo("png")))
                .withRequestBody(matchingJsonPath("$.attachments[0].attachContent",
                        equalTo(Base64.getEncoder().encodeToString(PNG)))));
    }
}
