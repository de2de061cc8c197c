package io.github.mitakemms.camel.springboot;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports camel.component.mitake-mms properties that cannot work as Spring Boot reports a missing property: what is
 * wrong and what to set.
 */
class MitakeMmsPropertiesFailureAnalyzer extends AbstractFailureAnalyzer<MitakeMmsPropertiesException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MitakeMmsPropertiesException cause) {
        return new FailureAnalysis(cause.getMessage() + ".", cause.getAction(), cause);
    }
}
