package io.github.mitakemms.camel.producer;

import java.util.ArrayList;
import java.util.List;

import io.github.mitakemms.camel.MitakeMmsConfiguration;
import io.github.mitakemms.camel.MitakeMmsConstants;
import io.github.mitakemms.camel.MitakeMmsOperation;
import io.github.mitakemms.camel.binding.MessageBinding;
import io.github.mitakemms.camel.client.MitakeMmsGateway;
import io.github.mitakemms.camel.exception.MitakeMmsValidationException;
import io.github.mitakemms.camel.model.ApiCode;
import io.github.mitakemms.camel.model.BatchQuery;
import io.github.mitakemms.camel.model.DeliveryReport;
import io.github.mitakemms.camel.model.PushResult;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * queryBatchDR: the batch ids from the body (a {@link PushResult}, an id or ids) or else the headers, one call per
 * batch; the body becomes the List of the reports.
 */
public final class QueryBatchOperation extends QueryOperation {

    public QueryBatchOperation(MitakeMmsConfiguration config, MitakeMmsGateway gateway) {
        super(MitakeMmsOperation.queryBatchDR, config, gateway);
    }

    @Override
    public void process(Exchange exchange) {
        Message in = exchange.getMessage();
        List<String> batchIds = in.getBody() instanceof PushResult pushed
                ? new ArrayList<>(pushed.getBatchIds()) : ids(in.getBody());
        if (batchIds.isEmpty()) {
            batchIds = MessageBinding.values(in.getHeader(MitakeMmsConstants.BATCH_IDS), false);
        }
        if (batchIds.isEmpty()) {
            batchIds = MessageBinding.values(in.getHeader(MitakeMmsConstants.BATCH_ID), false);
        }
        if (batchIds.isEmpty()) {
            throw new MitakeMmsValidationException("batchID", "queryBatchDR needs a batch id in the body or the header "
                                                              + MitakeMmsConstants.BATCH_ID,
                    ApiCode.BATCH_ID_MISSING.code(), ApiCode.BATCH_ID_MISSING.text());
        }
        List<DeliveryReport> reports = new ArrayList<>();
        for (String batchId : batchIds) {
            reports.addAll(query(new BatchQuery(batchId, null)));
        }
        in.setBody(reports);
        in.setHeader(MitakeMmsConstants.BATCH_ID, batchIds.get(0));
    }
}
