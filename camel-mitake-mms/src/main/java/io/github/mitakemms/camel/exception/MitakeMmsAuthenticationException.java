package io.github.mitakemms.camel.exception;

/**
 * The gateway refused the credentials or the token (codes 1001-1006, 1010). Not retryable: fix the configuration.
 */
public class MitakeMmsAuthenticationException extends MitakeMmsException {

    private static final long serialVersionUID = 1L;

    public MitakeMmsAuthenticationException(String message, String code, String description, int httpStatus) {
        super(message, code, description, httpStatus, null);
    }
}
