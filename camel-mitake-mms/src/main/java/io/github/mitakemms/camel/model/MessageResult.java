package io.github.mitakemms.camel.model;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;

/**
 * The gateway's answer for one destination of a push: its msgID, the cID it was sent with, and the status (Attachment 3,
 * or a refusal of Attachment 2).
 */
public class MessageResult {

    private String batchId;
    private String msgId;
    private String cId;
    private String status;
    private String statusDesc;
    private String statusTime;
    private BigDecimal point;

    /** The batch this message belongs to (from the response's envelope). */
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

    @JsonProperty("msgID")
    @JsonDeserialize(using = Ids.Reader.class)
    @JsonSerialize(using = Ids.Writer.class)
    public String getMsgId() {
        return msgId;
    }

    @JsonProperty("msgID")
    public void setMsgId(String msgId) {
        this.msgId = msgId;
    }

    @JsonProperty("cID")
    public String getCId() {
        return cId;
    }

    @JsonProperty("cID")
    public void setCId(String cId) {
        this.cId = cId;
    }

    /** The raw status code. */
    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    /** The status as an enum that knows whether it is final, a success or a refusal. */
    @JsonIgnore
    public MmsStatus getMmsStatus() {
        return MmsStatus.fromCode(status);
    }

    /**
     * Whether this destination was refused (Attachment 2, by the gateway or by local validation), so nothing was sent
     * to it.
     */
    @JsonIgnore
    public boolean isRejected() {
        return getMmsStatus().isRejected();
    }

    /**
     * Whether the gateway had seen this destination's cID before (2018): it did not send it again, but the earlier
     * message with that cID may have gone out.
     */
    @JsonIgnore
    public boolean isDuplicate() {
        return getMmsStatus().isDuplicate();
    }

    public String getStatusDesc() {
        return statusDesc;
    }

    public void setStatusDesc(String statusDesc) {
        this.statusDesc = statusDesc;
    }

    public String getStatusTime() {
        return statusTime;
    }

    public void setStatusTime(String statusTime) {
        this.statusTime = statusTime;
    }

    public BigDecimal getPoint() {
        return point;
    }

    @JsonDeserialize(using = Points.Reader.class)
    public void setPoint(BigDecimal point) {
        this.point = point;
    }

    @Override
    public String toString() {
        return "MessageResult[msgID=" + msgId + ", cID=" + cId + ", status=" + status + "]";
    }
}
