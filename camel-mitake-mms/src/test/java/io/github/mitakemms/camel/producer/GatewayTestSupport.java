package io.github.mitakemms.camel.producer;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.github.mitakemms.camel.MitakeMmsComponent;
import io.github.mitakemms.camel.TestFiles;
import org.apache.camel.CamelContext;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

/**
 * A Camel context whose mitake-mms component talks to a WireMock server playing the gateway on a free loopback port.
 */
public abstract class GatewayTestSupport extends CamelTestSupport {

    protected static final String CLIENT_ID = "test";
    protected static final String CLIENT_SECRET = "s3cr3t-Pa55word";
    protected static final String TOKEN = "xTV1tbhjz1k67GnC";

    protected WireMockServer gateway;

    /** Starts the gateway before the routes, which are made with its port. */
    @Override
    protected CamelContext createCamelContext() throws Exception {
        gateway = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1")
                .containerThreads(40));
        gateway.start();
        stubToken(TOKEN, "33346");
        CamelContext context = super.createCamelContext();
        MitakeMmsComponent component = new MitakeMmsComponent();
        component.getConfiguration().setBaseUrl(gateway.baseUrl());
        component.getConfiguration().setClientId(CLIENT_ID);
        component.getConfiguration().setClientSecret(CLIENT_SECRET);
        context.addComponent("mitake-mms", component);
        return context;
    }

    @AfterEach
    void stopGateway() {
        if (gateway != null) {
            gateway.stop();
        }
    }

    protected void stubToken(String token, String expiresIn) {
        gateway.stubFor(post(urlEqualTo("/AuthorizationService/Token"))
                .withRequestBody(equalToJson("{\"clientId\":\"" + CLIENT_ID + "\",\"clientSecret\":\"" + CLIENT_SECRET + "\"}"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"accessToken\":\"" + token + "\",\"tokenType\":\"bearer\",\"expiresIn\":\"" + expiresIn
                                  + "\",\"refreshToken\":null,\"scope\":null}")));
    }

    protected void stubMms(String actionType, String responseBody) {
        gateway.stubFor(post(urlEqualTo("/msg/mms/json")).withHeader("actionType", equalTo(actionType))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(responseBody)));
    }

    /** A tiny but real PNG header: enough for the type check. */
    protected static byte[] png() {
        return TestFiles.PNG.clone();
    }

    protected static byte[] jpg() {
        return TestFiles.JPG.clone();
    }
}
