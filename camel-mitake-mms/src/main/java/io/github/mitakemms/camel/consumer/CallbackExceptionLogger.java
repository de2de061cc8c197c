package io.github.mitakemms.camel.consumer;

import org.apache.camel.Exchange;
import org.apache.camel.spi.ExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The callback consumer's exception handler unless {@code bridgeErrorHandler} or {@code exceptionHandler} is set: logs
 * at WARN, never the body of the exchange. Each unreadable report gets a line, since each is a report not routed; bodies
 * refused whole (400, 413) are logged at WARN at most once a minute, so that a flood of bad requests cannot flood the
 * log; anything else with its stack trace.
 */
final class CallbackExceptionLogger implements ExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(MitakeMmsCallbackConsumer.class);

    private final RefusalLog refusals = new RefusalLog(LOG);

    @Override
    public void handleException(Throwable exception) {
        handleException(null, null, exception);
    }

    @Override
    public void handleException(String message, Throwable exception) {
        handleException(message, null, exception);
    }

    @Override
    public void handleException(String message, Exchange exchange, Throwable exception) {
        if (exception instanceof CallbackRejectedException refused) {
            refusals.refused(refused.getHttpStatus(), refused.getMessage());
        } else if (exception instanceof UnreadableReportException unreadable) {
            LOG.warn("{}: {}", message, unreadable.getMessage());
        } else {
            LOG.warn("{}", message != null ? message : "Error in the Mitake MMS callback consumer", exception);
        }
    }
}
