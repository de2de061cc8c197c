package io.github.mitakemms.camel.springboot;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

/**
 * WireMock playing the Mitake gateway on a free loopback port, one for the test JVM (the Spring contexts that use it
 * are cached for the whole run).
 */
final class Gateway {

    static final String CLIENT_ID = "acme-mms";
    static final String CLIENT_SECRET = "Pa55-from-the-environment";
    static final String TOKEN = "xTV1tbhjz1k67GnC";

    private static WireMockServer server;

    private Gateway() {
    }

    static synchronized WireMockServer server() {
        if (server == null) {
            server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
            server.start();
            server.stubFor(post(urlEqualTo("/AuthorizationService/Token"))
                    .withRequestBody(equalToJson("{\"clientId\":\"" + CLIENT_ID + "\",\"clientSecret\":\"" + CLIENT_SECRET
                                                 + "\"}"))
                    .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                            .withBody("{\"accessToken\":\"" + TOKEN + "\",\"tokenType\":\"bearer\",\"expiresIn\":\"33346\""
                                      + ",\"refreshToken\":null,\"scope\":null}")));
            server.stubFor(post(urlEqualTo("/msg/mms/json")).withHeader("actionType", equalTo("push"))
                    .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                            .withBody("{\"batchID\":304934976469110784,\"messages\":[{\"msgID\":304934980000714750,"
                                      + "\"cID\":\"c1\",\"status\":\"1\",\"statusDesc\":\"已送達三竹\","
                                      + "\"statusTime\":\"20200505160000\",\"point\":3}],"
                                      + "\"costPoints\":3,\"accountPoints\":9997}")));
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "gateway-stop"));
        }
        return server;
    }

    static String baseUrl() {
        return server().baseUrl();
    }
}
