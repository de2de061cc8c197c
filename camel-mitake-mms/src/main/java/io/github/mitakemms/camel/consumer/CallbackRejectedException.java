package io.github.mitakemms.camel.consumer;

/**
 * A callback request refused before any of its reports reached the route, with the HTTP status that answers it (400,
 * 403, 405 or 413) and the reason, which is sent back in the response body. The reason never quotes the request body.
 */
public class CallbackRejectedException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int statusCode;

    public CallbackRejectedException(int statusCode, String reason) {
        super(reason);
        this.statusCode = statusCode;
    }

    /** 400: the body is not a callback of delivery reports. */
    static CallbackRejectedException badRequest(String reason) {
        return new CallbackRejectedException(400, reason);
    }

    /** The HTTP status code of the answer. */
    public int getStatusCode() {
        return statusCode;
    }
}
