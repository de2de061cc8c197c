package io.github.mitakemms.camel.bench.push;

import io.github.mitakemms.camel.MitakeMmsConstants;
import io.github.mitakemms.camel.bench.Payload;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * The floor inside Camel: the exchange the component gets (the image as the body, the four headers), sent the same way
 * to a route {@code direct:push} whose processor is the floor's push ({@link Hc5Sender}) and which then sets a body and
 * the five headers the component sets on success (constant values: only the exchange's own cost is wanted). What it
 * costs over {@code hc5} is Camel's: the exchange, its headers, the routing, the copy of the message a request-reply
 * makes at the end. What the component costs over it is the component's own.
 */
public final class CamelFloorSender implements Sender {

    private static final Object RESULT = "pushed";

    private final Hc5Sender floor;
    private final CamelContext context;
    private final ProducerTemplate template;
    private final Endpoint push;
    private final Payload payload;

    public CamelFloorSender(String baseUrl, String clientId, Payload payload, int maxConnections) throws Exception {
        this.payload = payload;
        this.floor = new Hc5Sender(baseUrl, clientId, payload, maxConnections);
        context = new DefaultCamelContext();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:push").process(CamelFloorSender.this::push);
            }
        });
        context.start();
        template = context.createProducerTemplate();
        push = context.getEndpoint("direct:push");
    }

    private void push(Exchange exchange) throws Exception {
        floor.push();
        Message out = exchange.getMessage();
        out.setBody(RESULT);
        out.setHeader(MitakeMmsConstants.BATCH_ID, RESULT);
        out.setHeader(MitakeMmsConstants.BATCH_IDS, RESULT);
        out.setHeader(MitakeMmsConstants.MSG_IDS, RESULT);
        out.setHeader(MitakeMmsConstants.COST_POINTS, RESULT);
        out.setHeader(MitakeMmsConstants.ACCOUNT_POINTS, RESULT);
    }

    @Override
    public void push() throws Exception {
        Exchange out = template.request(push, e -> payload.setOn(e.getMessage()));
        if (out.getException() != null) {
            throw out.getException();
        }
        if (out.getMessage().getBody() != RESULT) {
            throw new IllegalStateException("Unexpected result " + out.getMessage().getBody());
        }
    }

    @Override
    public void close() throws Exception {
        context.close();
        floor.close();
    }
}
