package io.github.mitakemms.camel.model;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;

/**
 * Response of one push call.
 */
public class PushResponse extends ApiResponse {

    private String batchId;
    private List<MessageResult> messages = new ArrayList<>();
    private BigDecimal costPoints;
    private BigDecimal accountPoints;

    @JsonProperty("batchID")
    @JsonDeserialize(using = Ids.Reader.class)
    @JsonSerialize(using = Ids.Writer.class)
    public String getBatchId() {
        return batchId;
    }

    @JsonProperty("batchID")
    public void setBatchId(String batchId) {
        this.batchId = batchId;
    }

    public List<MessageResult> getMessages() {
        return messages;
    }

    public void setMessages(List<MessageResult> messages) {
        this.messages = messages == null ? new ArrayList<>() : messages;
    }

    public BigDecimal getCostPoints() {
        return costPoints;
    }

    @JsonDeserialize(using = Points.Reader.class)
    public void setCostPoints(BigDecimal costPoints) {
        this.costPoints = costPoints;
    }

    public BigDecimal getAccountPoints() {
        return accountPoints;
    }

    @JsonDeserialize(using = Points.Reader.class)
    public void setAccountPoints(BigDecimal accountPoints) {
        this.accountPoints = accountPoints;
    }
}
