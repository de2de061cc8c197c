package io.github.mitakemms.camel.example;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.mitakemms.camel.model.DeliveryReport;
import io.github.mitakemms.camel.model.MmsStatus;
import org.apache.camel.Exchange;

/**
 * The bean ({@code reports}) the delivery-report routes call: turns the reports of a callback or of a queryBatchDR
 * answer into rows for the delivery_report and sent_message tables.
 */
public class ReportService {

    /** Header: where the reports came from, callback or queryBatchDR. */
    public static final String SOURCE = "reportSource";
    /** Exchange property: the rows of the reports being stored. */
    public static final String ROWS = "reportRows";

    /**
     * One row per report (batchId, msgId, status, statusTime, point, final, source). Of a queryBatchDR answer only the
     * final statuses are kept: the others tell nothing new.
     */
    public List<Map<String, Object>> rows(Exchange exchange, List<DeliveryReport> reports) {
        String source = exchange.getMessage().getHeader(SOURCE, "callback", String.class);
        List<Map<String, Object>> rows = new ArrayList<>(reports.size());
        for (DeliveryReport r : reports) {
            MmsStatus status = r.getMmsStatus();
            if ("queryBatchDR".equals(source) && !status.isFinal()) {
                continue;
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("batchId", r.getBatchId());
            row.put("msgId", r.getMsgId());
            row.put("status", r.getStatus() == null ? null : r.getStatus().trim());
            row.put("statusTime", r.getStatusTime());
            row.put("point", r.getPoint());
            row.put("final", status.isFinal());
            row.put("source", source);
            rows.add(row);
        }
        exchange.setProperty(ROWS, rows);
        return rows;
    }

    /** The rows of the reports being stored whose status is final. */
    public List<Map<String, Object>> finalRows(Exchange exchange) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows = exchange.getProperty(ROWS, List.class);
        List<Map<String, Object>> finals = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            if (Boolean.TRUE.equals(row.get("final"))) {
                finals.add(row);
            }
        }
        return finals;
    }
}
