package io.github.mitakemms.camel.consumer;

import java.util.Map;

/**
 * Runs the consumer's route on a new exchange and waits for it to complete.
 */
@FunctionalInterface
interface ReportRoute {

    /**
     * @return null when the exchange completed without exception (including a failure the route handled itself, with
     *         onException handled or a dead letter channel); else the failure
     */
    Exception run(Object body, Map<String, Object> headers);
}
