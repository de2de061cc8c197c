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
        return "Destination[to=" + to + ", cID=" + cId + "]";
    }
}
