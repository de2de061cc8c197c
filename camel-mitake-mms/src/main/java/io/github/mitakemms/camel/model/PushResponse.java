package io.github.mitakemms.camel.model;

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
    private Integer costPoints;
    private Integer accountPoints;

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

    public Integer getCostPoints() {
        return costPoints;
    }

    public void setCostPoints(Integer costPoints) {
        this.costPoints = costPoints;
    }

    public Integer getAccountPoints() {
        return accountPoints;
    }

    public void setAccountPoints(Integer accountPoints) {
        this.accountPoints = accountPoints;
    }
}
