package io.github.mitakemms.camel.producer;

import org.apache.camel.Exchange;

/**
 * One operation of the producer: the exchange to a request, the call, the response to the exchange.
 */
public interface ProducerOperation {

    void process(Exchange exchange) throws Exception;
}
