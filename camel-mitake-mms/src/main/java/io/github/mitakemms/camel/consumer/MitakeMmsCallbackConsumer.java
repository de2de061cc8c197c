package io.github.mitakemms.camel.consumer;

import io.github.mitakemms.camel.MitakeMmsEndpoint;
import org.apache.camel.Processor;
import org.apache.camel.support.DefaultConsumer;

/**
 * Receives the delivery reports the gateway posts (placeholder until the callback consumer lands).
 */
public class MitakeMmsCallbackConsumer extends DefaultConsumer {

    public MitakeMmsCallbackConsumer(MitakeMmsEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }
}
