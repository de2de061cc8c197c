package io.github.mitakemms.camel.producer;

import java.util.Collection;
import java.util.List;

import io.github.mitakemms.camel.MitakeMmsConfiguration;
import io.github.mitakemms.camel.MitakeMmsOperation;
import io.github.mitakemms.camel.binding.MessageBinding;
import io.github.mitakemms.camel.client.MitakeMmsClient;
import io.github.mitakemms.camel.client.MitakeMmsGateway;
import io.github.mitakemms.camel.model.BatchQuery;
import io.github.mitakemms.camel.model.DeliveryReport;
import io.github.mitakemms.camel.model.QueryResponse;
import org.apache.hc.client5.http.config.RequestConfig;

/** What both queries share: one call, and the batch id given to every report that lacks it. */
abstract class QueryOperation implements ProducerOperation {

    private final MitakeMmsOperation operation;
    private final MitakeMmsGateway gateway;
    private final RequestConfig timeout;

    QueryOperation(MitakeMmsOperation operation, MitakeMmsConfiguration config, MitakeMmsGateway gateway) {
        this.operation = operation;
        this.gateway = gateway;
        this.timeout = MitakeMmsClient.timeout(config.getRequestTimeout());
    }

    List<DeliveryReport> query(BatchQuery query) {
        QueryResponse response = gateway.query(operation.actionType(), query, timeout);
        String batchId = response.getBatchId() != null ? response.getBatchId() : query.getBatchId();
        for (DeliveryReport r : response.getMessages()) {
            if (r.getBatchId() == null) {
                r.setBatchId(batchId);
            }
        }
        return response.getMessages();
    }

    /** The ids of a body that is an id or ids (a number, a String, a Collection or an array); else none. */
    static List<String> ids(Object body) {
        if (body instanceof Number || body instanceof CharSequence || body instanceof Collection
                || body != null && body.getClass().isArray() && !(body instanceof byte[])) {
            return MessageBinding.values(body, false);
        }
        return List.of();
    }
}
