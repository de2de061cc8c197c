package io.github.mitakemms.camel.springboot;

import java.util.ArrayList;
import java.util.List;

import io.github.mitakemms.camel.MitakeMmsComponent;
import io.github.mitakemms.camel.MitakeMmsConfiguration;
import io.github.mitakemms.camel.MitakeMmsEndpoint;
import io.github.mitakemms.camel.MitakeMmsOperation;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.EndpointStrategy;

/**
 * Fails the creation of a sending mitake-mms endpoint (push, queryBatchDR, querySingleDR) whose gateway URL or
 * credentials are set neither by the properties nor on the endpoint, naming the Spring properties to set. A route that
 * only receives callbacks needs none of them; an endpoint with lazyStartProducer is left to fail on its first message.
 */
final class RequiredProducerProperties implements EndpointStrategy {

    private final MitakeMmsComponent component;

    RequiredProducerProperties(MitakeMmsComponent component) {
        this.component = component;
    }

    @Override
    public Endpoint registerEndpoint(String uri, Endpoint endpoint) {
        if (endpoint instanceof MitakeMmsEndpoint mms && mms.getComponent() == component && !mms.isLazyStartProducer()) {
            MitakeMmsConfiguration config = mms.getConfiguration();
            if (config.getOperation() != null && config.getOperation() != MitakeMmsOperation.callback) {
                List<String> missing = new ArrayList<>();
                if (isBlank(config.getBaseUrl())) {
                    missing.add("baseUrl");
                }
                if (isBlank(config.getClientId())) {
                    missing.add("clientId");
                }
                if (isBlank(config.getClientSecret())) {
                    missing.add("clientSecret");
                }
                if (!missing.isEmpty()) {
                    throw MitakeMmsPropertiesException.missing("mitake-mms:" + config.getOperation(), missing);
                }
            }
        }
        return endpoint;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
