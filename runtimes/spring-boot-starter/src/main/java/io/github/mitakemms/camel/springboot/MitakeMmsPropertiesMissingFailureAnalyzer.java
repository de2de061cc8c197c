package io.github.mitakemms.camel.springboot;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports a sending route without the gateway URL or credentials as Spring Boot reports a missing property: what is
 * missing and what to set.
 */
class MitakeMmsPropertiesMissingFailureAnalyzer extends AbstractFailureAnalyzer<MitakeMmsPropertiesMissingException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MitakeMmsPropertiesMissingException cause) {
        StringBuilder action = new StringBuilder("Set ").append(String.join(", ", cause.getKeys()))
                .append(", for example in application.properties from the environment:\n\n");
        for (String key : cause.getKeys()) {
            String name = key.substring(key.lastIndexOf('.') + 1);
            action.append("    ").append(key).append("=${MITAKE_").append(name.replace('-', '_').toUpperCase())
                    .append("}\n");
        }
        action.append("\nor the option on the endpoint's URI. A route that only receives callbacks needs none of them.");
        return new FailureAnalysis(cause.getMessage() + ".", action.toString(), cause);
    }
}
