package io.github.mitakemms.camel.springboot;

import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.mitakemms.camel.MitakeMmsComponent;
import io.github.mitakemms.camel.MitakeMmsConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's application on the real embedded Tomcat, configured only by the README's application.properties: the
 * values its ${...} placeholders name are given here as an environment would give them, and the gateway is WireMock.
 */
@SpringBootTest(classes = TestApplications.PushAndCallback.class,
                webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
                properties = {
                        "MITAKE_CLIENT_ID=" + Gateway.CLIENT_ID,
                        "MITAKE_CLIENT_SECRET=" + Gateway.CLIENT_SECRET,
                        "MITAKE_CALLBACK_TOKEN=7f3c9e2a51d84b6c",
                        "MITAKE_CALLBACK_SOURCES=127.0.0.1,::1",
                        "server.servlet.context-path=/app" })
class PushAndCallbackOnTomcatTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D',
            'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0 };

    @DynamicPropertySource
    static void gateway(DynamicPropertyRegistry registry) {
        registry.add("MITAKE_BASE_URL", Gateway::baseUrl);
    }

    @LocalServerPort
    int port;

    @Autowired
    CamelContext camelContext;

    @Autowired
    ProducerTemplate template;

    @Autowired
    TestApplications.Reports reports;

    @Test
    void pushConfiguredOnlyByApplicationProperties() throws Exception {
        Exchange out = template.request("direct:mms", e -> e.getMessage().setBody(Map.of(
                "subject", "Spring Boot", "content", "hello", "to", "0911111111",
                "attachments", List.of(Map.of("attachName", "a.png", "attachType", "png",
                        "attachContent", Base64.getEncoder().encodeToString(PNG))))));

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getHeader("CamelMitakeMmsBatchId")).isEqualTo("304934976469110784");

        List<LoggedRequest> tokens = Gateway.server().findAll(postRequestedFor(urlEqualTo("/AuthorizationService/Token")));
        assertThat(tokens).isNotEmpty();
        JsonNode credentials = JSON.readTree(tokens.get(0).getBodyAsString());
        assertThat(credentials.get("clientId").textValue()).isEqualTo(Gateway.CLIENT_ID);
        assertThat(credentials.get("clientSecret").textValue()).isEqualTo(Gateway.CLIENT_SECRET);

        List<LoggedRequest> pushes = Gateway.server().findAll(postRequestedFor(urlEqualTo("/msg/mms/json")));
        assertThat(pushes).hasSize(1);
        LoggedRequest push = pushes.get(0);
        assertThat(push.getHeader("authorization")).isEqualTo("bearer " + Gateway.TOKEN);
        assertThat(push.getHeader("clientID")).isEqualTo(Gateway.CLIENT_ID);
        assertThat(push.getHeader("actionType")).isEqualTo("push");
        JsonNode body = JSON.readTree(push.getBodyAsString());
        assertThat(body.get("subject").textValue()).isEqualTo("Spring Boot");
        assertThat(body.get("content").textValue()).isEqualTo("hello");
        assertThat(body.get("destinations").get(0).get("to").textValue()).isEqualTo("0911111111");
        assertThat(body.get("attachments").get(0).get("attachType").textValue()).isEqualTo("png");
    }

    @Test
    void propertiesReachTheComponentWithSpringsDurationSyntax() {
        MitakeMmsConfiguration config = camelContext.getComponent("mitake-mms", MitakeMmsComponent.class)
                .getConfiguration();
        assertThat(config.getBaseUrl()).isEqualTo(Gateway.baseUrl());
        assertThat(config.getClientId()).isEqualTo(Gateway.CLIENT_ID);
        assertThat(config.getRequestTimeout()).isEqualTo(20_000L); // request-timeout=20s
        assertThat(config.getConnectTimeout()).isEqualTo(10_000L); // not set: the component's default stays
        assertThat(config.getPath()).isEqualTo("/mitake/7f3c9e2a51d84b6c");
        assertThat(config.getAllowedSources()).isEqualTo("127.0.0.1,::1");
    }

    @Test
    void callbackAnsweredOnTheServersPortUnderTheContextPath() {
        reports.received.clear();

        HttpResponse<String> response = Http.postJson(
                "http://127.0.0.1:" + port + "/app/mitake/7f3c9e2a51d84b6c", Http.specCallbackExample());

        assertThat(response.statusCode()).isEqualTo(200);
        // the answer comes once the route has handled every report: nothing to wait for
        assertThat(reports.msgIds()).containsExactlyInAnyOrder("301786034575282175", "301786034986323969");
        Exchange first = reports.received.get(0);
        assertThat(first.getMessage().getHeader("CamelMitakeMmsBatchId")).isEqualTo("301786034222960645");
        assertThat(first.getMessage().getHeader("CamelMitakeMmsStatusTime")).isNotNull();
    }

    @Test
    void callbackPathIsNotServedOutsideTheContextPath() {
        HttpResponse<String> response = Http.postJson(
                "http://127.0.0.1:" + port + "/mitake/7f3c9e2a51d84b6c", Http.specCallbackExample());

        assertThat(response.statusCode()).isEqualTo(404);
    }
}
