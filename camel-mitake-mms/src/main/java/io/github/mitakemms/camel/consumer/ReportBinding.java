package io.github.mitakemms.camel.consumer;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.mitakemms.camel.MitakeMmsConstants;
import io.github.mitakemms.camel.model.DeliveryReport;

/**
 * The headers an exchange of one delivery report carries.
 */
final class ReportBinding {

    private ReportBinding() {
    }

    static Map<String, Object> headers(DeliveryReport report) {
        Map<String, Object> headers = new LinkedHashMap<>();
        headers.put(MitakeMmsConstants.BATCH_ID, report.getBatchId());
        headers.put(MitakeMmsConstants.MSG_ID, report.getMsgId());
        headers.put(MitakeMmsConstants.STATUS, report.getStatus());
        if (report.getStatusTime() != null) {
            headers.put(MitakeMmsConstants.STATUS_TIME, report.getStatusTime());
        }
        if (report.getPoint() != null) {
            headers.put(MitakeMmsConstants.POINT, report.getPoint());
        }
        return headers;
    }
}
