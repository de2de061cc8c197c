package io.github.mitakemms.camel.model;

/**
 * What every response of the gateway may carry: a failure code and description (Attachment 1 of the API), present only
 * when the call failed, with HTTP 200 or not.
 */
public abstract class ApiResponse {

    private String code;
    private String description;

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    /** Whether the response carries a failure code. */
    public boolean isFailure() {
        return code != null && !code.isBlank();
    }
}
