package io.github.mitakemms.camel.consumer;

/**
 * A delivery report of a callback that could not be read (it lacks batchID, msgID or status, is null, or holds a value
 * of the wrong type), handed to the callback consumer's exception handler while the other reports of the callback were
 * routed. With {@code bridgeErrorHandler=true} it reaches the route's error handler on an exchange whose body is the
 * report's JSON text, so a dead letter channel can keep it; the gateway is not asked to resend, since a resend could not
 * repair it. The message names the report's position and what is wrong, never a value of the body.
 */
public class UnreadableReportException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int index;

    public UnreadableReportException(int index, String message) {
        // no stack trace: it says where in the body the problem is, not where in the code
        super(message, null, false, false);
        this.index = index;
    }

    /** The position of the report in the messages array of the callback, from 0. */
    public int getIndex() {
        return index;
    }
}
