package io.github.mitakemms.camel.exception;

/**
 * A failure that may pass on a later attempt: gateway system error (9999), too many connections (1007), HTTP 5xx, an
 * I/O error, a timeout or a response that could not be read. A redelivered push sends the same cIDs, so the gateway
 * answers a message it already took with its earlier result instead of sending it twice.
 */
public class MitakeMmsRetryableException extends MitakeMmsException {

    private static final long serialVersionUID = 1L;

    public MitakeMmsRetryableException(String message, String code, String description, int httpStatus, Throwable cause) {
        super(message, code, description, httpStatus, cause);
    }

    @Override
    public boolean isRetryable() {
        return true;
    }
}
