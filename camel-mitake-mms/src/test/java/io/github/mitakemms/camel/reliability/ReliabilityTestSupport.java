package io.github.mitakemms.camel.reliability;

import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.github.mitakemms.camel.MitakeMmsComponent;
import io.github.mitakemms.camel.MitakeMmsConstants;
import io.github.mitakemms.camel.TestFiles;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

/**
 * One Camel context and one WireMock gateway on a free loopback port for a whole test class; the tests add their own
 * routes and stubs. Fault stubs are named "fault..." so that the journal tells how many faults were served.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ReliabilityTestSupport {

    static final String TOKEN_PATH = "/AuthorizationService/Token";
    static final String MMS_PATH = "/msg/mms/json";
    static final String BATCH_ID = "304934976469110784";
    static final String PUSH_OK = "{\"batchID\":" + BATCH_ID + ",\"messages\":[{\"msgID\":304934980000714750,"
                                  + "\"cID\":\"c\",\"status\":\"1\",\"statusDesc\":\"已送達三竹\","
                                  + "\"statusTime\":\"20200505160000\",\"point\":3}],\"costPoints\":3,"
                                  + "\"accountPoints\":9994}";
    static final String QUERY_OK = "{\"batchID\":" + BATCH_ID + ",\"messages\":[{\"msgID\":304934980000714750,"
                                   + "\"statusTime\":\"20200515181442\",\"status\":\"0\",\"point\":3}]}";
    static final List<String> OPERATIONS = List.of("token", "push", "queryBatchDR", "querySingleDR");

    protected WireMockServer gateway;
    protected CamelContext context;
    protected ProducerTemplate template;
    protected MitakeMmsComponent component;
    /** The token the default token stub issues. */
    protected String token;

    @BeforeAll
    void startGatewayAndCamel() throws Exception {
        gateway = new WireMockServer(gatewayOptions());
        gateway.start();
        context = new DefaultCamelContext();
        component = new MitakeMmsComponent();
        component.getConfiguration().setBaseUrl(baseUrl());
        component.getConfiguration().setClientId("reliability");
        component.getConfiguration().setClientSecret(Secrets.CLIENT_SECRET);
        component.getConfiguration().setRequestTimeout(FaultCase.REQUEST_TIMEOUT);
        component.getConfiguration().setConnectTimeout(1_000);
        component.getConfiguration().setSubject("Reliability");
        configure(component);
        context.addComponent("mitake-mms", component);
        context.start();
        template = context.createProducerTemplate();
        token = Secrets.newToken("rt-");
        warmUp();
    }

    /** One healthy call of each kind, so that no measured call pays for class loading and the first connection. */
    protected void warmUp() throws Exception {
        stubHealthyGateway();
        for (String op : OPERATIONS.subList(1, OPERATIONS.size())) {
            Exchange out = template.send("mitake-mms:" + op + "?clientId=warm-up", e -> fill(e, op, "warm-up"));
            if (out.getException() != null) {
                throw out.getException();
            }
        }
        gateway.resetAll();
    }

    @AfterAll
    void stopGatewayAndCamel() {
        if (context != null) {
            context.stop();
        }
        if (gateway != null) {
            gateway.stop();
        }
    }

    protected WireMockConfiguration gatewayOptions() {
        return WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1").containerThreads(60);
    }

    /** The URL the component talks to: the gateway itself unless a subclass puts something in between. */
    protected String baseUrl() {
        return gateway.baseUrl();
    }

    /** Last changes to the component's configuration before the context starts. */
    protected void configure(MitakeMmsComponent component) {
    }

    /** A gateway that answers everything well (lowest priority, so that fault stubs win). */
    protected void stubHealthyGateway() {
        gateway.stubFor(post(urlEqualTo(TOKEN_PATH)).atPriority(10).withName("ok token")
                .willReturn(FaultCase.json("{\"accessToken\":\"" + token + "\",\"tokenType\":\"bearer\","
                                           + "\"expiresIn\":\"33346\",\"refreshToken\":null,\"scope\":null}")));
        gateway.stubFor(target("push").atPriority(10).withName("ok push").willReturn(FaultCase.json(PUSH_OK)));
        gateway.stubFor(target("queryBatchDR").atPriority(10).withName("ok queryBatchDR")
                .willReturn(FaultCase.json(QUERY_OK)));
        gateway.stubFor(target("querySingleDR").atPriority(10).withName("ok querySingleDR")
                .willReturn(FaultCase.json(QUERY_OK)));
    }

    /** The requests of one call: the token call or one of the three API operations. */
    static MappingBuilder target(String operation) {
        return "token".equals(operation)
                ? post(urlEqualTo(TOKEN_PATH))
                : post(urlEqualTo(MMS_PATH)).withHeader("actionType", equalTo(operation));
    }

    static RequestPatternBuilder requested(String operation) {
        return "token".equals(operation)
                ? postRequestedFor(urlEqualTo(TOKEN_PATH))
                : postRequestedFor(urlEqualTo(MMS_PATH)).withHeader("actionType", equalTo(operation));
    }

    /** The producer operation that exercises a call: the token call is exercised by a push. */
    static String producerOperation(String operation) {
        return "token".equals(operation) ? "push" : operation;
    }

    /** Fills an exchange for an operation; a push carries the marker as its content and three destinations. */
    static void fill(Exchange e, String operation, String marker) {
        switch (producerOperation(operation)) {
            case "push" -> {
                e.getMessage().setBody(png());
                e.getMessage().setHeader(MitakeMmsConstants.ATTACHMENT_NAME, "a.png");
                e.getMessage().setHeader(MitakeMmsConstants.CONTENT, marker);
                e.getMessage().setHeader(MitakeMmsConstants.TO, "0911111111,0922222222,0933333333");
            }
            case "queryBatchDR" -> e.getMessage().setBody(BATCH_ID);
            case "querySingleDR" -> {
                e.getMessage().setHeader(MitakeMmsConstants.BATCH_ID, BATCH_ID);
                e.getMessage().setBody("304934980000714750,306379313648275460");
            }
            default -> throw new IllegalArgumentException(operation);
        }
    }

    /** Requests the gateway served with a fault stub. */
    long faultsServed() {
        return gateway.getAllServeEvents().stream().map(ServeEvent::getStubMapping)
                .filter(s -> s != null && s.getName() != null && s.getName().startsWith("fault")).count();
    }

    long requestsServed() {
        return gateway.getAllServeEvents().size();
    }

    static byte[] png() {
        return TestFiles.PNG.clone();
    }
}
