package io.github.mitakemms.camel.exception;

/**
 * The request was refused as invalid (codes 1008, 1009, 2xxx, 4001-4003), by the gateway or by local validation. Not
 * retryable: the same request would fail again.
 */
public class MitakeMmsRequestException extends MitakeMmsException {

    private static final long serialVersionUID = 1L;

    public MitakeMmsRequestException(String message, String code, String description, int httpStatus) {
        super(message, code, description, httpStatus, null);
    }
}
