package io.github.mitakemms.camel.client;

import java.util.concurrent.atomic.AtomicLong;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.github.mitakemms.camel.exception.MitakeMmsException;
import io.github.mitakemms.camel.exception.MitakeMmsRetryableException;
import io.github.mitakemms.camel.model.BatchQuery;
import io.github.mitakemms.camel.model.MmsMessage;
import org.apache.hc.client5.http.config.RequestConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A token that expired, or that the gateway answered 1005 for, between the moment a call took it and the moment the call
 * has a connection is not sent: the call ends with a retryable 1005 and the connection stays in the pool.
 */
class TokenExpiryBeforeSendTest {

    private static final RequestConfig TIMEOUT = MitakeMmsClient.timeout(10_000);

    private final AtomicLong clock = new AtomicLong();
    private WireMockServer gateway;
    private MitakeMmsClient client;
    private AccessTokenCache tokens;

    @BeforeEach
    void start() {
        gateway = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        gateway.start();
        gateway.stubFor(post(urlEqualTo(MitakeMmsClient.TOKEN_PATH)).willReturn(aResponse().withStatus(200)
                .withBody("{\"accessToken\":\"t-1\",\"expiresIn\":\"60\"}")));
        gateway.stubFor(post(urlEqualTo(MitakeMmsClient.MMS_PATH)).willReturn(aResponse().withStatus(200)
                .withBody("{\"batchID\":1,\"messages\":[]}")));
        client = new MitakeMmsClient(gateway.baseUrl(), 10_000, 1, null);
        tokens = new AccessTokenCache("id", () -> client.requestToken("id", "secret", TIMEOUT), 0, clock::get);
    }

    @AfterEach
    void stop() {
        client.close();
        gateway.stop();
    }

    @Test
    void aTokenPastItsLifetimeIsNotSent() {
        AccessTokenCache.AccessToken token = tokens.token();
        clock.addAndGet(60_000_000_000L);

        MitakeMmsException e = catchThrowableOfType(MitakeMmsException.class,
                () -> client.push("id", token, new MmsMessage().to("0911111111"), TIMEOUT));

        assertThat(e).isInstanceOf(MitakeMmsRetryableException.class);
        assertThat(ApiFailures.isTokenRefused(e)).isTrue();
        assertThat(e.getMessage()).contains("not sent").doesNotContain("t-1");
        assertThat(gateway.findAll(postRequestedFor(urlEqualTo(MitakeMmsClient.MMS_PATH)))).isEmpty();
        // the connection the token call opened is still there, idle, for the next call
        assertThat(client.openConnections()).isEqualTo(1);
    }

    @Test
    void aTokenTheGatewayExpiredIsNotSentByCallsStillWaiting() {
        AccessTokenCache.AccessToken token = tokens.token();
        tokens.expired(token);

        MitakeMmsException e = catchThrowableOfType(MitakeMmsException.class,
                () -> client.query("queryBatchDR", "id", token, new BatchQuery("1", null), TIMEOUT));

        assertThat(ApiFailures.isTokenRefused(e)).isTrue();
        assertThat(gateway.findAll(postRequestedFor(urlEqualTo(MitakeMmsClient.MMS_PATH)))).isEmpty();
        // the next token is a new one, requested once
        assertThat(tokens.token()).isNotSameAs(token);
        assertThat(tokens.renewals()).isEqualTo(2);
        assertThat(client.query("queryBatchDR", "id", tokens.token(), new BatchQuery("1", null), TIMEOUT)).isNotNull();
        assertThat(tokens.renewals()).isEqualTo(2);
    }

    @Test
    void aValidTokenIsSent() {
        assertThat(client.push("id", tokens.token(), new MmsMessage().to("0911111111"), TIMEOUT)).isNotNull();
        assertThat(gateway.findAll(postRequestedFor(urlEqualTo(MitakeMmsClient.MMS_PATH)))).hasSize(1);
        assertThat(tokens.token().toString()).doesNotContain("t-1");
    }
}
