package io.github.mitakemms.camel.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;

/**
 * Request body of queryBatchDR ({@code batchID}) and querySingleDR ({@code batchID} and {@code msgIDs}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class BatchQuery {

    private final String batchId;
    private final List<String> msgIds;

    public BatchQuery(String batchId, List<String> msgIds) {
        this.batchId = batchId;
        this.msgIds = msgIds;
    }

    @JsonProperty("batchID")
    @JsonSerialize(using = Ids.Writer.class)
    public String getBatchId() {
        return batchId;
    }

    @JsonProperty("msgIDs")
    @JsonSerialize(contentUsing = Ids.Writer.class)
    public List<String> getMsgIds() {
        return msgIds;
    }
}
