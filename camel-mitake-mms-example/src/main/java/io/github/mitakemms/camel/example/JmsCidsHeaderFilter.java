package io.github.mitakemms.camel.example;

import io.github.mitakemms.camel.MitakeMmsConstants;
import org.apache.camel.Exchange;
import org.apache.camel.component.jms.JmsHeaderFilterStrategy;

/**
 * camel-jms's header filter, except that {@code CamelMitakeMmsCids} crosses the broker: camel-jms keeps every
 * {@code Camel*} header off JMS messages, both ways, and the cIDs a batch was sent with must travel with it to the
 * dead-letter queue, and back from it to a push that sends it again.
 */
public class JmsCidsHeaderFilter extends JmsHeaderFilterStrategy {

    @Override
    public boolean applyFilterToCamelHeaders(String headerName, Object headerValue, Exchange exchange) {
        return !MitakeMmsConstants.CIDS.equals(headerName)
               && super.applyFilterToCamelHeaders(headerName, headerValue, exchange);
    }

    @Override
    public boolean applyFilterToExternalHeaders(String headerName, Object headerValue, Exchange exchange) {
        return !MitakeMmsConstants.CIDS.equals(headerName)
               && super.applyFilterToExternalHeaders(headerName, headerValue, exchange);
    }
}
