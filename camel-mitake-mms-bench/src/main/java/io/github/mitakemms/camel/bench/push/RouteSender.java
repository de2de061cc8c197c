package io.github.mitakemms.camel.bench.push;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.github.mitakemms.camel.MitakeMmsConstants;
import io.github.mitakemms.camel.bench.LoopbackGateway;
import io.github.mitakemms.camel.bench.Payload;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.http.HttpComponent;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.dataformat.JsonLibrary;

/**
 * What users write today without the component: camel-http, camel-jackson and headers set by hand. The exchange that
 * comes in is the component's (image body, subject, content and phones in headers); a processor builds the request as a
 * Map, Jackson marshals it, camel-http posts it with the token taken once at start, Jackson reads the answer.
 */
public final class RouteSender implements Sender {

    private final CamelContext context;
    private final ProducerTemplate template;
    /** Resolved once, as a route's consumer would be: resolving "direct:push" per push is the driver's cost, not the contender's. */
    private final Endpoint push;
    private final Payload payload;
    private volatile String authorization;

    public RouteSender(String baseUrl, String clientId, Payload payload, int maxConnections) throws Exception {
        this.payload = payload;
        context = new DefaultCamelContext();
        HttpComponent http = new HttpComponent();
        http.setMaxTotalConnections(maxConnections);
        http.setConnectionsPerRoute(maxConnections);
        context.addComponent("http", http);
        String gateway = baseUrl;
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:token")
                        .setBody(constant(Map.of("clientId", clientId,
                                "clientSecret", LoopbackGateway.CLIENT_SECRET)))
                        .marshal().json(JsonLibrary.Jackson)
                        .setHeader(Exchange.HTTP_METHOD, constant("POST"))
                        .setHeader(Exchange.CONTENT_TYPE, constant("application/json"))
                        .to(gateway + "/AuthorizationService/Token")
                        .unmarshal().json(JsonLibrary.Jackson, Map.class);

                from("direct:push")
                        .process(RouteSender::toRequest)
                        .marshal().json(JsonLibrary.Jackson)
                        .removeHeaders("CamelMitakeMms*")
                        .setHeader("authorization", () -> authorization)
                        .setHeader("clientID", constant(clientId))
                        .setHeader("actionType", constant("push"))
                        .setHeader(Exchange.HTTP_METHOD, constant("POST"))
                        .setHeader(Exchange.CONTENT_TYPE, constant("application/json"))
                        .to(gateway + "/msg/mms/json")
                        .unmarshal().json(JsonLibrary.Jackson, Map.class)
                        .process(RouteSender::checkResponse);
            }
        });
        context.start();
        template = context.createProducerTemplate();
        push = context.getEndpoint("direct:push");
        Map<?, ?> token = template.requestBody("direct:token", null, Map.class);
        authorization = "bearer " + token.get("accessToken");
    }

    /** The request as a Map of the API's field names, each destination with a random UUID cID. */
    private static void toRequest(Exchange e) {
        byte[] image = e.getMessage().getBody(byte[].class);
        String name = e.getMessage().getHeader(MitakeMmsConstants.ATTACHMENT_NAME, String.class);
        List<Map<String, Object>> destinations = new ArrayList<>();
        for (String phone : e.getMessage().getHeader(MitakeMmsConstants.TO, String.class).split(",")) {
            destinations.add(Map.of("to", phone, "cID", UUID.randomUUID().toString()));
        }
        Map<String, Object> attachment = new LinkedHashMap<>();
        attachment.put("attachContent", Base64.getEncoder().encodeToString(image));
        attachment.put("attachType", name.substring(name.lastIndexOf('.') + 1));
        attachment.put("attachName", name);
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("subject", e.getMessage().getHeader(MitakeMmsConstants.SUBJECT));
        request.put("content", e.getMessage().getHeader(MitakeMmsConstants.CONTENT));
        request.put("destinations", destinations);
        request.put("attachments", List.of(attachment));
        e.getMessage().setBody(request);
    }

    private static void checkResponse(Exchange e) {
        Map<?, ?> body = e.getMessage().getBody(Map.class);
        if (body.containsKey("code") || body.get("batchID") == null
                || ((List<?>) body.get("messages")).size() != Payload.PHONES.size()) {
            throw new IllegalStateException("Push failed: " + body);
        }
    }

    @Override
    public void push() throws Exception {
        Exchange out = template.request(push, e -> payload.setOn(e.getMessage()));
        if (out.getException() != null) {
            throw out.getException();
        }
    }

    @Override
    public void close() throws Exception {
        context.close();
    }
}
