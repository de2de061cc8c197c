package io.github.mitakemms.camel.exception;

import io.github.mitakemms.camel.model.PushResult;

/**
 * A push split into several API calls (more than 500 destinations) failed after some of its calls had been accepted.
 * The cause is the failure of the call that failed, of its own kind (so {@code onException} by kind matches it, as Camel
 * looks at the causes too); {@link #getResult()} holds what the accepted calls returned. The message of the exchange
 * carries the same in its headers. A redelivery sends the same cIDs again, so the gateway answers the calls it took
 * already with their earlier results and sends nothing twice.
 */
public class MitakeMmsIncompletePushException extends MitakeMmsException {

    private static final long serialVersionUID = 1L;

    private final transient PushResult result;
    private final int accepted;
    private final int destinations;

    public MitakeMmsIncompletePushException(MitakeMmsException cause, PushResult result, int destinations) {
        super("Mitake MMS push failed after " + result.getMessages().size() + " of " + destinations
              + " destinations had been answered in " + result.getBatchIds().size() + " call(s) (" + result.getAcceptedCount()
              + " accepted): " + cause.getMessage(),
              cause.getCode(), cause.getDescription(), cause.getHttpStatus(), cause);
        this.result = result;
        this.accepted = result.getAcceptedCount();
        this.destinations = destinations;
    }

    /** What the calls answered before the failure. */
    public PushResult getResult() {
        return result;
    }

    /** How many destinations were accepted before the failure. */
    public int getAcceptedCount() {
        return accepted;
    }

    /** How many destinations the push had. */
    public int getDestinationCount() {
        return destinations;
    }

    /** Whether the failed call may pass on a later attempt. */
    @Override
    public boolean isRetryable() {
        return getCause() instanceof MitakeMmsException e && e.isRetryable();
    }
}
