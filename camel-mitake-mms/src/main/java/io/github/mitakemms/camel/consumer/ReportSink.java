package io.github.mitakemms.camel.consumer;

import java.util.Map;

/**
 * Where the callback processor hands the reports of a callback: the consumer, which runs its route on those that can be
 * routed and gives the others to its exception handler.
 */
interface ReportSink {

    /**
     * Runs the consumer's route on a new exchange and waits for it to complete.
     *
     * @return null when the exchange completed without exception (including a failure the route handled itself, with
     *         onException handled or a dead letter channel); else the failure
     */
    Exception route(Object body, Map<String, Object> headers);

    /**
     * Hands what cannot be routed to the consumer's exception handler, on a new exchange with the given body: with
     * {@code bridgeErrorHandler=true} the route's error handler gets it, else it is logged without the body.
     */
    void unroutable(String message, Object body, Exception cause);
}
