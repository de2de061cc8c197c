package io.github.mitakemms.camel.producer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.mitakemms.camel.MitakeMmsConfiguration;
import io.github.mitakemms.camel.MitakeMmsConstants;
import io.github.mitakemms.camel.MitakeMmsOperation;
import io.github.mitakemms.camel.binding.MessageBinding;
import io.github.mitakemms.camel.client.MitakeMmsGateway;
import io.github.mitakemms.camel.exception.MitakeMmsValidationException;
import io.github.mitakemms.camel.model.ApiCode;
import io.github.mitakemms.camel.model.BatchQuery;
import io.github.mitakemms.camel.model.DeliveryReport;
import io.github.mitakemms.camel.model.MessageResult;
import io.github.mitakemms.camel.model.PushResult;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * querySingleDR: from a {@link PushResult} body, every accepted msgID with its own batch (one call per batch); else
 * the msgIDs of the body or the header, all of the one batch the header names. Headers name a single batch: after a
 * push split into several calls, query from its PushResult body, or with queryBatchDR.
 */
public final class QuerySingleOperation extends QueryOperation {

    public QuerySingleOperation(MitakeMmsConfiguration config, MitakeMmsGateway gateway) {
        super(MitakeMmsOperation.querySingleDR, config, gateway);
    }

    @Override
    public void process(Exchange exchange) {
        Message in = exchange.getMessage();
        Map<String, List<String>> byBatch = in.getBody() instanceof PushResult pushed ? byBatch(pushed) : fromHeaders(in);
        if (byBatch.isEmpty()) {
            throw new MitakeMmsValidationException("msgIDs", "querySingleDR needs msgIDs in the body (Collection, array "
                                                             + "or comma-separated String) or the header "
                                                             + MitakeMmsConstants.MSG_IDS,
                    ApiCode.MSG_IDS_MISSING.code(), ApiCode.MSG_IDS_MISSING.text());
        }
        List<DeliveryReport> reports = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : byBatch.entrySet()) {
            reports.addAll(query(new BatchQuery(e.getKey(), e.getValue())));
        }
        in.setBody(reports);
        in.setHeader(MitakeMmsConstants.BATCH_ID, byBatch.keySet().iterator().next());
    }

    private static Map<String, List<String>> byBatch(PushResult pushed) {
        Map<String, List<String>> byBatch = new LinkedHashMap<>();
        for (MessageResult m : pushed.getMessages()) {
            if (m.getMsgId() != null && !m.isRejected() && !m.isDuplicate()) {
                byBatch.computeIfAbsent(m.getBatchId(), k -> new ArrayList<>()).add(m.getMsgId());
            }
        }
        return byBatch;
    }

    private static Map<String, List<String>> fromHeaders(Message in) {
        String batchId = in.getHeader(MitakeMmsConstants.BATCH_ID, String.class);
        if (batchId == null || batchId.isBlank()) {
            throw new MitakeMmsValidationException("batchID", "querySingleDR needs the header "
                                                              + MitakeMmsConstants.BATCH_ID,
                    ApiCode.BATCH_ID_MISSING.code(), ApiCode.BATCH_ID_MISSING.text());
        }
        List<String> msgIds = ids(in.getBody());
        boolean fromHeader = msgIds.isEmpty();
        if (fromHeader) {
            msgIds = MessageBinding.values(in.getHeader(MitakeMmsConstants.MSG_IDS), false);
        }
        List<String> batchIds = MessageBinding.values(in.getHeader(MitakeMmsConstants.BATCH_IDS), false);
        if (fromHeader && batchIds.size() > 1 && batchIds.get(0).equals(batchId.trim())) {
            // the headers a split push left: its msgIDs belong to several batches, and the header names only the first
            throw new MitakeMmsValidationException("batchID", "querySingleDR from headers names one batch, but the "
                                                              + "headers are those of a push split into "
                                                              + batchIds.size() + " batches: query from the push's "
                                                              + "PushResult body, or each batch with queryBatchDR",
                    ApiCode.BATCH_ID_MISSING.code(), ApiCode.BATCH_ID_MISSING.text());
        }
        Map<String, List<String>> byBatch = new LinkedHashMap<>();
        if (!msgIds.isEmpty()) {
            byBatch.put(batchId.trim(), msgIds);
        }
        return byBatch;
    }
}
