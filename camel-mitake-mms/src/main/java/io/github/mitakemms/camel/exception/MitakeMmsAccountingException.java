package io.github.mitakemms.camel.exception;

/**
 * The gateway's accounting failed (code 3001), for example for lack of points. Not retried automatically.
 */
public class MitakeMmsAccountingException extends MitakeMmsException {

    private static final long serialVersionUID = 1L;

    public MitakeMmsAccountingException(String message, String code, String description, int httpStatus) {
        super(message, code, description, httpStatus, null);
    }
}
