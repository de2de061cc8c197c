package io.github.mitakemms.camel.producer;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.mitakemms.camel.MitakeMmsConstants;
import io.github.mitakemms.camel.exception.MitakeMmsAuthenticationException;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

class TokenTest extends GatewayTestSupport {

    private static final String PUSHED = "{\"batchID\":1,\"messages\":[{\"msgID\":2,\"status\":\"1\"}],\"costPoints\":3}";

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:push").to("mitake-mms:push?subject=S");
                from("direct:batch").to("mitake-mms:queryBatchDR");
            }
        };
    }

    private Exchange push() {
        return template.request("direct:push", e -> {
            e.getMessage().setBody(png());
            e.getMessage().setHeader(MitakeMmsConstants.ATTACHMENT_NAME, "p.png");
            e.getMessage().setHeader(MitakeMmsConstants.TO, "0911111111");
        });
    }

    @Test
    void manyCallsFromManyThreadsShareOneToken() throws Exception {
        stubMms("push", PUSHED);
        stubMms("queryBatchDR", "{\"batchID\":1,\"messages\":[]}");
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<Exchange>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 64; i++) {
                results.add(pool.submit(this::push));
            }
            for (Future<Exchange> f : results) {
                assertThat(f.get(30, TimeUnit.SECONDS).getException()).isNull();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(template.request("direct:batch", e -> e.getMessage().setBody("1")).getException()).isNull();
        assertThat(gateway.findAll(postRequestedFor(urlEqualTo("/AuthorizationService/Token")))).hasSize(1);
        assertThat(gateway.findAll(postRequestedFor(urlEqualTo("/msg/mms/json")))).hasSize(65);
    }

    @Test
    void expiredTokenIsRenewedOnceAndTheCallRetriedOnce() {
        // the gateway answers 1005 to the first token, the renewal gives a second one that works
        gateway.resetMappings();
        gateway.stubFor(post(urlEqualTo("/AuthorizationService/Token")).inScenario("token")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("second")
                .willReturn(aResponse().withBody("{\"accessToken\":\"first-token\",\"expiresIn\":\"3600\"}")));
        gateway.stubFor(post(urlEqualTo("/AuthorizationService/Token")).inScenario("token")
                .whenScenarioStateIs("second")
                .willReturn(aResponse().withBody("{\"accessToken\":\"second-token\",\"expiresIn\":\"3600\"}")));
        gateway.stubFor(post(urlEqualTo("/msg/mms/json")).withHeader("authorization", equalTo("bearer first-token"))
                .willReturn(aResponse().withBody("{\"code\":\"1005\",\"description\":\"認證資訊已過期\"}")));
        gateway.stubFor(post(urlEqualTo("/msg/mms/json")).withHeader("authorization", equalTo("bearer second-token"))
                .willReturn(aResponse().withBody(PUSHED)));

        Exchange out = push();

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getHeader(MitakeMmsConstants.BATCH_ID)).isEqualTo("1");
        assertThat(gateway.findAll(postRequestedFor(urlEqualTo("/AuthorizationService/Token")))).hasSize(2);
        assertThat(gateway.findAll(postRequestedFor(urlEqualTo("/msg/mms/json")))).hasSize(2);
    }

    @Test
    void aTokenStillRefusedAfterRenewalFailsWithoutLooping() {
        gateway.stubFor(post(urlEqualTo("/msg/mms/json"))
                .willReturn(aResponse().withBody("{\"code\":\"1005\",\"description\":\"認證資訊已過期\"}")));

        Exchange out = push();

        assertThat(out.getException()).isInstanceOf(MitakeMmsAuthenticationException.class)
                .hasMessageContaining("1005");
        assertThat(gateway.findAll(postRequestedFor(urlEqualTo("/AuthorizationService/Token")))).hasSize(2);
        assertThat(gateway.findAll(postRequestedFor(urlEqualTo("/msg/mms/json")))).hasSize(2);
    }

    @Test
    void wrongCredentialsFailWithTheSpecsCode() {
        gateway.resetMappings();
        gateway.stubFor(post(urlEqualTo("/AuthorizationService/Token"))
                .willReturn(aResponse().withBody("{\"code\":\"1003\",\"description\":\"無效認證資訊\"}")));

        Exchange out = push();

        assertThat(out.getException()).isInstanceOfSatisfying(MitakeMmsAuthenticationException.class, e -> {
            assertThat(e.getCode()).isEqualTo("1003");
            assertThat(e.getDescription()).isEqualTo("無效認證資訊");
            assertThat(e.isRetryable()).isFalse();
            assertThat(e.getMessage()).contains("token").doesNotContain(CLIENT_SECRET);
        });
        assertThat(gateway.findAll(postRequestedFor(urlEqualTo("/msg/mms/json")))).isEmpty();
    }

    @Test
    void aTokenAboutToExpireIsRenewedBeforeUse() {
        // a lifetime of 1 s is renewed at half of it, so two calls 600 ms apart use two tokens
        gateway.resetMappings();
        stubToken(TOKEN, "1");
        stubMms("push", PUSHED);
        assertThat(push().getException()).isNull();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(600);
        org.awaitility.Awaitility.await().until(() -> System.nanoTime() - deadline > 0);
        assertThat(push().getException()).isNull();
        assertThat(gateway.findAll(postRequestedFor(urlEqualTo("/AuthorizationService/Token")))).hasSize(2);
    }
}
