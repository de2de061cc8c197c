package io.github.mitakemms.camel.model;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;

/**
 * Response of queryBatchDR and querySingleDR.
 */
public class QueryResponse extends ApiResponse {

    private String batchId;
    private List<DeliveryReport> messages = new ArrayList<>();

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

    public List<DeliveryReport> getMessages() {
        return messages;
    }

    public void setMessages(List<DeliveryReport> messages) {
        this.messages = messages == null ? new ArrayList<>() : messages;
    }
}
