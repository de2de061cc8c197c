package io.github.mitakemms.camel.consumer;

/**
 * A callback request refused before any of its reports reached the route, with the HTTP status that answers it (400,
 * 403, 405 or 413) and the reason, which is sent back in the response body. The reason never quotes the request body.
 * A body refused with 400 or 413 is also handed to the callback consumer's exception handler.
 */
public class CallbackRejectedException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int httpStatus;

    public CallbackRejectedException(int httpStatus, String reason) {
        // no stack trace: the reason says what was wrong with the request, which is all there is to know
        super(reason, null, false, false);
        this.httpStatus = httpStatus;
    }

    /** 400: the body is not a callback of delivery reports. */
    static CallbackRejectedException badRequest(String reason) {
        return new CallbackRejectedException(400, reason);
    }

    /** The HTTP status code of the answer to the gateway. */
    public int getHttpStatus() {
        return httpStatus;
    }
}
