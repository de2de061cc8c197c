package io.github.mitakemms.camel.monitoring;

import io.github.mitakemms.camel.MitakeMmsConstants;
import io.github.mitakemms.camel.producer.GatewayTestSupport;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.health.HealthCheckRepository;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

/** The gateway's WireMock, with Camel's producer health checks turned on as camel.health.producersEnabled does. */
abstract class OperationsTestSupport extends GatewayTestSupport {

    static final String PUSH_OK = """
            {"batchID":304934976469110784,"messages":[
              {"msgID":304934980000714750,"cID":"c1","status":"1","statusDesc":"已送達三竹","statusTime":"20200505160000","point":3},
              {"msgID":"0000000002","cID":"c2","status":"1","statusDesc":"已送達三竹","statusTime":"20200505160000","point":3},
              {"msgID":"0000000003","cID":"c3","status":"2011","statusDesc":"手機號碼格式錯誤","statusTime":"20200505160000","point":0}],
             "costPoints":6,"accountPoints":%s}""";

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        HealthCheckRegistry.get(context).setEnabled(true);
        HealthCheckRepository producers = HealthCheckHelper.getHealthCheckRepository(context, "producers");
        producers.setEnabled(true);
        return context;
    }

    @Override
    public boolean isUseRouteBuilder() {
        return false;
    }

    protected int tokenRequests() {
        return gateway.findAll(postRequestedFor(urlEqualTo("/AuthorizationService/Token"))).size();
    }

    protected void stubTokenRefused(String code, String description) {
        gateway.stubFor(post(urlEqualTo("/AuthorizationService/Token")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"code\":\"" + code + "\",\"description\":\"" + description + "\"}")));
    }

    protected Exchange push(String uri) {
        return template.request(uri, e -> {
            e.getMessage().setBody(png());
            e.getMessage().setHeader(MitakeMmsConstants.ATTACHMENT_NAME, "a.png");
            e.getMessage().setHeader(MitakeMmsConstants.CONTENT, "mms content");
            e.getMessage().setHeader(MitakeMmsConstants.TO, "0911111111,0922222222,0933333333");
        });
    }
}
