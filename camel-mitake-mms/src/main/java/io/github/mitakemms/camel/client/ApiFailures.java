package io.github.mitakemms.camel.client;

import io.github.mitakemms.camel.exception.MitakeMmsAccountingException;
import io.github.mitakemms.camel.exception.MitakeMmsAuthenticationException;
import io.github.mitakemms.camel.exception.MitakeMmsException;
import io.github.mitakemms.camel.exception.MitakeMmsRequestException;
import io.github.mitakemms.camel.exception.MitakeMmsRetryableException;
import io.github.mitakemms.camel.model.ApiCode;

/**
 * Turns the gateway's whole-call failures (a code of Attachment 1, or an HTTP status) into the component's exception
 * kinds. Classified by code only, never by the description's text.
 */
final class ApiFailures {

    private ApiFailures() {
    }

    /**
     * @param action      what was called (push, queryBatchDR, querySingleDR, token)
     * @param code        the API's code
     * @param description the gateway's description, or null to use the spec's
     * @param httpStatus  the HTTP status of the response
     */
    static MitakeMmsException forCode(String action, String code, String description, int httpStatus) {
        String c = code.trim();
        ApiCode known = ApiCode.of(c);
        String desc = description != null && !description.isBlank() ? description : known == null ? null : known.text();
        String message = "Mitake MMS " + action + " failed with code " + c + (desc != null ? " " + desc : "")
                         + " (HTTP " + httpStatus + ")";
        if (known == null) {
            return new MitakeMmsRequestException(message, c, desc, httpStatus);
        }
        return switch (known.kind()) {
            case RETRYABLE -> new MitakeMmsRetryableException(message, c, desc, httpStatus, null);
            case AUTHENTICATION, TOKEN_REFUSED -> new MitakeMmsAuthenticationException(message, c, desc, httpStatus);
            case ACCOUNTING -> new MitakeMmsAccountingException(message, c, desc, httpStatus);
            default -> new MitakeMmsRequestException(message, c, desc, httpStatus);
        };
    }

    /** The exception for an HTTP status that is not 200 and a body without a failure code. */
    static MitakeMmsException forHttpStatus(String action, int httpStatus) {
        String message = "Mitake MMS " + action + " failed with HTTP " + httpStatus;
        if (httpStatus >= 500 || httpStatus == 429 || httpStatus == 408) {
            return new MitakeMmsRetryableException(message, null, null, httpStatus, null);
        }
        if (httpStatus == 401 || httpStatus == 403) {
            return new MitakeMmsAuthenticationException(message, null, null, httpStatus);
        }
        return new MitakeMmsRequestException(message, null, null, httpStatus);
    }

    /**
     * Whether a call's failure says that its access token was refused (1003, 1004, 1005, 1010 or HTTP 401 on a call):
     * nothing was sent, and the call may pass with a new token.
     */
    static boolean isTokenRefused(MitakeMmsException e) {
        if (e instanceof TokenNotSentException) {
            return true;
        }
        ApiCode code = ApiCode.of(e.getCode());
        return code != null ? code.kind() == ApiCode.Kind.TOKEN_REFUSED : e.getHttpStatus() == 401;
    }

    /** A call not sent because its token expired while it waited for a connection. */
    static final class TokenNotSentException extends MitakeMmsRetryableException {

        private static final long serialVersionUID = 1L;

        TokenNotSentException(String action) {
            super("Mitake MMS " + action + " not sent: its access token expired while it waited for a connection",
                  null, null, 0, null);
        }
    }
}
