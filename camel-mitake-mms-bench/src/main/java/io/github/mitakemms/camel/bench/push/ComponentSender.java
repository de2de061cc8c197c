package io.github.mitakemms.camel.bench.push;

import io.github.mitakemms.camel.MitakeMmsComponent;
import io.github.mitakemms.camel.bench.LoopbackGateway;
import io.github.mitakemms.camel.bench.Payload;
import io.github.mitakemms.camel.model.PushResult;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * The component: a route {@code direct:push} to {@code mitake-mms:push}, the image as the body and the rest in headers,
 * as a user of the component writes it.
 */
public final class ComponentSender implements Sender {

    private final CamelContext context;
    private final ProducerTemplate template;
    /** Resolved once, as a route's consumer would be: resolving "direct:push" per push is the driver's cost, not the contender's. */
    private final Endpoint push;
    private final Payload payload;

    public ComponentSender(String baseUrl, String clientId, Payload payload, int maxConnections) throws Exception {
        this.payload = payload;
        context = new DefaultCamelContext();
        MitakeMmsComponent mms = new MitakeMmsComponent();
        mms.getConfiguration().setBaseUrl(baseUrl);
        mms.getConfiguration().setClientId(clientId);
        mms.getConfiguration().setClientSecret(LoopbackGateway.CLIENT_SECRET);
        mms.getConfiguration().setMaxConnections(maxConnections);
        context.addComponent("mitake-mms", mms);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:push").to("mitake-mms:push");
            }
        });
        context.start();
        template = context.createProducerTemplate();
        push = context.getEndpoint("direct:push");
    }

    @Override
    public void push() throws Exception {
        Exchange out = template.request(push, e -> payload.setOn(e.getMessage()));
        if (out.getException() != null) {
            throw out.getException();
        }
        PushResult result = out.getMessage().getBody(PushResult.class);
        if (result.getBatchId() == null || result.getMessages().size() != Payload.PHONES.size()) {
            throw new IllegalStateException("Unexpected push result " + result);
        }
    }

    @Override
    public void close() throws Exception {
        context.close();
    }
}
