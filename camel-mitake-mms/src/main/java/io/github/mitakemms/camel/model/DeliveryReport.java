package io.github.mitakemms.camel.model;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;

/**
 * The delivery status of one message, as a query returns it or a callback reports it.
 */
public class DeliveryReport {

    private String batchId;
    private String msgId;
    private String status;
    private String statusTime;
    private BigDecimal point;

    public DeliveryReport() {
    }

    public DeliveryReport(String batchId, String msgId, String status, String statusTime, BigDecimal point) {
        this.batchId = batchId;
        this.msgId = msgId;
        this.status = status;
        this.statusTime = statusTime;
        this.point = point;
    }

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

    /** The raw status code (Attachment 3 of the API). */
    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    /** The status as an enum that knows its text and whether it is final and a success. */
    @JsonIgnore
    public MmsStatus getMmsStatus() {
        return MmsStatus.fromCode(status);
    }

    /** The time of the status, yyyyMMddHHmmss. */
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
        return "DeliveryReport[batchID=" + batchId + ", msgID=" + msgId + ", status=" + status + ", statusTime="
               + statusTime + ", point=" + point + "]";
    }
}
