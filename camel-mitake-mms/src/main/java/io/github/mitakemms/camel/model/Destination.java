package io.github.mitakemms.camel.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One destination of a push: a phone number and an optional client-side id (cID) that makes a resend idempotent.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class Destination {

    private String to;
    private String cId;

    public Destination() {
    }

    public Destination(String to) {
        this.to = to;
    }

    public Destination(String to, String cId) {
        this.to = to;
        this.cId = cId;
    }

    public String getTo() {
        return to;
    }

    public void setTo(String to) {
        this.to = to;
    }

    @JsonProperty("cID")
    public String getCId() {
        return cId;
    }

    @JsonProperty("cID")
    public void setCId(String cId) {
        this.cId = cId;
    }

    @Override
    public String toString() {
        // phone numbers are personal data: only their last three digits are shown
        String masked = to == null || to.length() <= 3 ? to : "*".repeat(to.length() - 3) + to.substring(to.length() - 3);
        return "Destination[to=" + masked + ", cID=" + cId + "]";
    }
}
