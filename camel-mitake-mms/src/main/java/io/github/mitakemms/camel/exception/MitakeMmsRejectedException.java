package io.github.mitakemms.camel.exception;

import io.github.mitakemms.camel.model.PushResult;

/**
 * Raised with {@code throwOnRejected=true} when the gateway accepted a push but refused some of its destinations
 * (Attachment 2 of the API). The accepted messages were sent: the result tells which.
 */
public class MitakeMmsRejectedException extends MitakeMmsException {

    private static final long serialVersionUID = 1L;

    private final transient PushResult result;

    public MitakeMmsRejectedException(String message, PushResult result) {
        super(message, null, null, 200, null);
        this.result = result;
    }

    /** The push result, with the accepted and the refused destinations. */
    public PushResult getResult() {
        return result;
    }
}
