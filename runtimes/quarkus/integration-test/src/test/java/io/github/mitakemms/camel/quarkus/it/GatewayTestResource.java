package io.github.mitakemms.camel.quarkus.it;

import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * Plays the Mitake gateway: WireMock on a free loopback port, answering the token and push calls as the spec shows
 * them. Started before the application, it hands the application its URL as {@code mitake.gateway.url}.
 */
public class GatewayTestResource implements QuarkusTestResourceLifecycleManager {

    static final String TOKEN = "qTk-5c1e0b7a";
    static final String BATCH_ID = "11111111-2222-3333-4444-555555555555";
    static final String MSG_ID = "0000000001";

    private WireMockServer gateway;

    @Override
    public Map<String, String> start() {
        gateway = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        gateway.start();
        gateway.stubFor(post(urlEqualTo("/AuthorizationService/Token"))
                .willReturn(okJson("{\"accessToken\":\"" + TOKEN + "\",\"tokenType\":\"bearer\",\"expiresIn\":\"33346\","
                                   + "\"refreshToken\":null,\"scope\":null}")));
        // the shape of the spec's push response: an unquoted UUID batchID, a zero-padded msgID, a trailing comma
        gateway.stubFor(post(urlEqualTo("/msg/mms/json")).withHeader("actionType", equalTo("push"))
                .willReturn(okJson("{\"batchID\":" + BATCH_ID + ",\"messages\":[{\"msgID\":" + MSG_ID
                                   + ",\"cID\":\"order-1\",\"status\":\"1\",\"statusDesc\":\"已送達三竹\","
                                   + "\"statusTime\":\"20200505160000\",\"point\":3},],"
                                   + "\"costPoints\":3,\"accountPoints\":9997}")));
        return Map.of("mitake.gateway.url", gateway.baseUrl());
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(gateway, new TestInjector.AnnotatedAndMatchesType(InjectGateway.class, WireMockServer.class));
    }

    @Override
    public void stop() {
        if (gateway != null) {
            gateway.stop();
        }
    }
}
