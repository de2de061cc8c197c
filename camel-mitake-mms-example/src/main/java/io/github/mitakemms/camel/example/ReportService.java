package io.github.mitakemms.camel.example;

import io.github.mitakemms.camel.MitakeMmsConstants;
import io.github.mitakemms.camel.model.DeliveryReport;
import io.github.mitakemms.camel.model.MmsStatus;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * The bean ({@code reports}) the delivery-report routes call. A report is handled the same whether the callback
 * consumer or a queryBatchDR brought it: as the consumer's headers (batch id, msg id, status, status time, point).
 */
public class ReportService {

    /** Header: where the report came from, callback or queryBatchDR. */
    public static final String SOURCE = "reportSource";
    /** Header: whether the status is final (no later report changes it). */
    public static final String FINAL = "reportFinal";

    /** Sets the header reportFinal from the status code (Attachment 3 of the API). */
    public void classify(Exchange exchange) {
        Message m = exchange.getMessage();
        MmsStatus status = MmsStatus.fromCode(m.getHeader(MitakeMmsConstants.STATUS, String.class));
        m.setHeader(FINAL, status.isFinal());
    }

    /** A report of a queryBatchDR answer, turned into the headers the callback consumer gives. */
    public void fromQuery(Exchange exchange, DeliveryReport report) {
        Message m = exchange.getMessage();
        m.setHeader(MitakeMmsConstants.BATCH_ID, report.getBatchId());
        m.setHeader(MitakeMmsConstants.MSG_ID, report.getMsgId());
        m.setHeader(MitakeMmsConstants.STATUS, report.getStatus());
        m.setHeader(MitakeMmsConstants.STATUS_TIME, report.getStatusTime());
        m.setHeader(MitakeMmsConstants.POINT, report.getPoint());
        m.setHeader(SOURCE, "queryBatchDR");
        classify(exchange);
    }
}
