package io.github.mitakemms.camel.springboot;

import java.util.ArrayList;
import java.util.List;

import io.github.mitakemms.camel.MitakeMmsConfiguration;
import io.github.mitakemms.camel.MitakeMmsEndpoint;
import io.github.mitakemms.camel.MitakeMmsOperation;

/**
 * The check of a sending mitake-mms endpoint (push, queryBatchDR, querySingleDR) whose gateway URL or credentials are
 * set neither by the properties nor on the endpoint: it fails naming the Spring properties to set. A route that only
 * receives callbacks needs none of them.
 */
final class RequiredProducerProperties {

    private RequiredProducerProperties() {
    }

    static void check(MitakeMmsEndpoint endpoint) {
        MitakeMmsConfiguration config = endpoint.getConfiguration();
        if (config.getOperation() == null || config.getOperation() == MitakeMmsOperation.callback) {
            return;
        }
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

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
