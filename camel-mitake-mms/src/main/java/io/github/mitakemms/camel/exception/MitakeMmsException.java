package io.github.mitakemms.camel.exception;

/**
 * Base of the exceptions the {@code mitake-mms} component raises. Carries the API's error code (Attachment 1 of the
 * API, or a code of the component's own local validation) and its description. Subclasses tell the kind, so that routes
 * can write {@code onException(MitakeMmsRetryableException.class).maximumRedeliveries(3)}.
 */
public class MitakeMmsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String code;
    private final String description;
    private final int httpStatus;

    public MitakeMmsException(String message, String code, String description, int httpStatus, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.description = description;
        this.httpStatus = httpStatus;
    }

    /** The API error code, such as "1005", or null when the failure carries none (I/O error, HTTP status). */
    public String getCode() {
        return code;
    }

    /** The API's description of the code, or null. */
    public String getDescription() {
        return description;
    }

    /** The HTTP status of the gateway's response, or 0 when there was none. */
    public int getHttpStatus() {
        return httpStatus;
    }

    /** Whether sending the same request again may succeed. */
    public boolean isRetryable() {
        return false;
    }
}
