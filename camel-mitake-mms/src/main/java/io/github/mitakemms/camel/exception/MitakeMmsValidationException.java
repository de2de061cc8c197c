package io.github.mitakemms.camel.exception;

/**
 * Local validation refused the message before anything was sent. Names the field, the rule and the API code the gateway
 * would have answered with.
 */
public class MitakeMmsValidationException extends MitakeMmsRequestException {

    private static final long serialVersionUID = 1L;

    private final String field;

    public MitakeMmsValidationException(String field, String rule, String code, String description) {
        super("Invalid MMS field '" + field + "': " + rule + " (API code " + code + " " + description + ")",
              code, description, 0);
        this.field = field;
    }

    /** The field that broke the rule, such as {@code subject} or {@code destinations[3].to}. */
    public String getField() {
        return field;
    }
}
