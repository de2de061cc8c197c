package io.github.mitakemms.camel;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import io.github.mitakemms.camel.binding.MessageBinding;
import io.github.mitakemms.camel.client.AccessTokenCache;
import io.github.mitakemms.camel.client.ApiErrors;
import io.github.mitakemms.camel.client.MitakeMmsClient;
import io.github.mitakemms.camel.exception.MitakeMmsException;
import io.github.mitakemms.camel.exception.MitakeMmsRejectedException;
import io.github.mitakemms.camel.exception.MitakeMmsValidationException;
import io.github.mitakemms.camel.model.BatchQuery;
import io.github.mitakemms.camel.model.DeliveryReport;
import io.github.mitakemms.camel.model.Destination;
import io.github.mitakemms.camel.model.MessageResult;
import io.github.mitakemms.camel.model.MmsMessage;
import io.github.mitakemms.camel.model.PushResult;
import io.github.mitakemms.camel.model.QueryResponse;
import io.github.mitakemms.camel.validation.MmsValidator;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultProducer;

/**
 * Sends push, queryBatchDR and querySingleDR calls. Maps the exchange to a call and the response back to the exchange;
 * the wire lives in {@link MitakeMmsClient}, the token in {@link AccessTokenCache}.
 */
public class MitakeMmsProducer extends DefaultProducer {

    /** The most destinations the API takes in one push call. */
    static final int MAX_DESTINATIONS_PER_CALL = 500;

    private final MitakeMmsConfiguration config;
    private MitakeMmsClient client;
    private AccessTokenCache tokens;

    public MitakeMmsProducer(MitakeMmsEndpoint endpoint) {
        super(endpoint);
        this.config = endpoint.getConfiguration();
    }

    @Override
    public MitakeMmsEndpoint getEndpoint() {
        return (MitakeMmsEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        client = getEndpoint().client();
        tokens = getEndpoint().tokens();
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        switch (operation(exchange)) {
            case push -> push(exchange);
            case queryBatchDR -> queryBatch(exchange);
            case querySingleDR -> querySingle(exchange);
            default -> throw new IllegalArgumentException(
                    "mitake-mms operation callback cannot be sent; use push, queryBatchDR or querySingleDR");
        }
    }

    private MitakeMmsOperation operation(Exchange exchange) {
        Object header = exchange.getMessage().getHeader(MitakeMmsConstants.OPERATION);
        if (header == null) {
            return config.getOperation();
        }
        return header instanceof MitakeMmsOperation op ? op : MitakeMmsOperation.fromName(header.toString());
    }

    private void push(Exchange exchange) throws Exception {
        MmsMessage msg = MessageBinding.toMessage(exchange, config);
        if (config.isGenerateCid()) {
            assignCids(exchange, msg.getDestinations());
        }
        if (config.isValidate()) {
            MmsValidator.validate(msg, config.getMaxPayloadSize());
        }
        PushResult result = new PushResult();
        List<Destination> all = msg.getDestinations();
        for (int from = 0; from < Math.max(all.size(), 1); from += MAX_DESTINATIONS_PER_CALL) {
            MmsMessage call = all.size() <= MAX_DESTINATIONS_PER_CALL
                    ? msg : msg.withDestinations(all.subList(from, Math.min(all.size(), from + MAX_DESTINATIONS_PER_CALL)));
            result.add(withToken(token -> client.push(config.getClientId(), token, call)));
        }
        Message out = exchange.getMessage();
        out.setBody(result);
        out.setHeader(MitakeMmsConstants.BATCH_ID, result.getBatchId());
        out.setHeader(MitakeMmsConstants.BATCH_IDS, result.getBatchIds());
        out.setHeader(MitakeMmsConstants.MSG_IDS, result.getMsgIds());
        out.setHeader(MitakeMmsConstants.COST_POINTS, result.getCostPoints());
        out.setHeader(MitakeMmsConstants.ACCOUNT_POINTS, result.getAccountPoints());
        if (config.isThrowOnRejected() && !result.getRejected().isEmpty()) {
            throw new MitakeMmsRejectedException("Mitake MMS push: the gateway refused " + result.getRejected().size()
                                                 + " of " + result.getMessages().size() + " destinations "
                                                 + rejectedSummary(result),
                    result);
        }
    }

    /**
     * Gives every destination without a cID one, the same on every delivery attempt of this exchange: the cIDs are kept
     * in an exchange property, by position.
     */
    private static void assignCids(Exchange exchange, List<Destination> destinations) {
        @SuppressWarnings("unchecked")
        List<String> kept = exchange.getProperty(MitakeMmsConstants.GENERATED_CIDS_PROPERTY, List.class);
        List<String> cIds = new ArrayList<>(destinations.size());
        for (int i = 0; i < destinations.size(); i++) {
            Destination d = destinations.get(i);
            if (d.getCId() == null || d.getCId().isEmpty()) {
                String cId = kept != null && i < kept.size() && kept.get(i) != null ? kept.get(i) : UUID.randomUUID().toString();
                d.setCId(cId);
                cIds.add(cId);
            } else {
                cIds.add(null);
            }
        }
        exchange.setProperty(MitakeMmsConstants.GENERATED_CIDS_PROPERTY, cIds);
    }

    private static String rejectedSummary(PushResult result) {
        Map<String, Integer> byStatus = new LinkedHashMap<>();
        for (MessageResult m : result.getRejected()) {
            byStatus.merge(m.getStatus(), 1, Integer::sum);
        }
        return "(by status: " + byStatus + ")";
    }

    private void queryBatch(Exchange exchange) {
        Message in = exchange.getMessage();
        List<String> batchIds = batchIdsFromBody(in.getBody());
        if (batchIds.isEmpty()) {
            batchIds = batchIdsFromHeaders(in);
        }
        if (batchIds.isEmpty()) {
            throw new MitakeMmsValidationException("batchID",
                    "queryBatchDR needs a batch id in the body or the header " + MitakeMmsConstants.BATCH_ID, "4001",
                    ApiErrors.describe("4001"));
        }
        List<DeliveryReport> reports = new ArrayList<>();
        for (String batchId : batchIds) {
            reports.addAll(query(MitakeMmsOperation.queryBatchDR, new BatchQuery(batchId, null)));
        }
        in.setBody(reports);
        in.setHeader(MitakeMmsConstants.BATCH_ID, batchIds.get(0));
    }

    private void querySingle(Exchange exchange) {
        Message in = exchange.getMessage();
        Map<String, List<String>> byBatch = new LinkedHashMap<>();
        if (in.getBody() instanceof PushResult pushed) {
            for (MessageResult m : pushed.getMessages()) {
                if (m.getMsgId() != null && !m.isRejected()) {
                    byBatch.computeIfAbsent(m.getBatchId(), k -> new ArrayList<>()).add(m.getMsgId());
                }
            }
        } else {
            String batchId = in.getHeader(MitakeMmsConstants.BATCH_ID, String.class);
            List<String> msgIds = ids(in.getBody());
            if (msgIds.isEmpty()) {
                msgIds = ids(in.getHeader(MitakeMmsConstants.MSG_IDS));
            }
            if (batchId == null || batchId.isBlank()) {
                throw new MitakeMmsValidationException("batchID", "querySingleDR needs the header "
                                                                  + MitakeMmsConstants.BATCH_ID, "4001", ApiErrors.describe("4001"));
            }
            if (!msgIds.isEmpty()) {
                byBatch.put(batchId.trim(), msgIds);
            }
        }
        if (byBatch.isEmpty()) {
            throw new MitakeMmsValidationException("msgIDs", "querySingleDR needs msgIDs in the body (Collection, array "
                                                             + "or comma-separated String) or the header "
                                                             + MitakeMmsConstants.MSG_IDS,
                    "4002", ApiErrors.describe("4002"));
        }
        List<DeliveryReport> reports = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : byBatch.entrySet()) {
            reports.addAll(query(MitakeMmsOperation.querySingleDR, new BatchQuery(e.getKey(), e.getValue())));
        }
        in.setBody(reports);
        in.setHeader(MitakeMmsConstants.BATCH_ID, byBatch.keySet().iterator().next());
    }

    private List<DeliveryReport> query(MitakeMmsOperation op, BatchQuery query) {
        QueryResponse response = withToken(token -> client.query(op.actionType(), config.getClientId(), token, query));
        String batchId = response.getBatchId() != null ? response.getBatchId() : query.getBatchId();
        for (DeliveryReport r : response.getMessages()) {
            if (r.getBatchId() == null) {
                r.setBatchId(batchId);
            }
        }
        return response.getMessages();
    }

    private static List<String> batchIdsFromBody(Object body) {
        if (body instanceof PushResult pushed) {
            return new ArrayList<>(pushed.getBatchIds());
        }
        if (body instanceof Number || body instanceof CharSequence || body instanceof Collection || body instanceof Object[]) {
            return ids(body);
        }
        return List.of();
    }

    private static List<String> batchIdsFromHeaders(Message in) {
        List<String> ids = ids(in.getHeader(MitakeMmsConstants.BATCH_IDS));
        return ids.isEmpty() ? ids(in.getHeader(MitakeMmsConstants.BATCH_ID)) : ids;
    }

    /** Ids from a Collection, an array, a comma-separated String or a single integral number. */
    static List<String> ids(Object value) {
        List<String> ids = new ArrayList<>();
        if (value instanceof Collection<?> c) {
            for (Object o : c) {
                addId(ids, o);
            }
        } else if (value instanceof Object[] array) {
            for (Object o : array) {
                addId(ids, o);
            }
        } else if (value instanceof long[] array) {
            for (long o : array) {
                ids.add(Long.toString(o));
            }
        } else if (value instanceof CharSequence s) {
            for (String part : s.toString().split(",")) {
                addId(ids, part);
            }
        } else if (value != null) {
            addId(ids, value);
        }
        return ids;
    }

    private static void addId(List<String> ids, Object o) {
        if (o == null) {
            return;
        }
        if (o instanceof Double || o instanceof Float) {
            throw new IllegalArgumentException("mitake-mms ids must be Strings or integral numbers: a "
                                               + o.getClass().getSimpleName() + " loses digits of ids beyond 2^53");
        }
        String id = o.toString().trim();
        if (!id.isEmpty()) {
            ids.add(id);
        }
    }

    /**
     * Runs a call with a valid token; when the gateway says the token expired (1005), or it expired while the call
     * waited for a connection, renews it once and retries once.
     */
    private <T> T withToken(Function<AccessTokenCache.AccessToken, T> call) {
        AccessTokenCache.AccessToken token = tokens.token(client);
        try {
            return call.apply(token);
        } catch (MitakeMmsException e) {
            // 1005 from the gateway, or the token expired before the call could be sent
            if (!ApiErrors.TOKEN_EXPIRED.equals(e.getCode())) {
                throw e;
            }
            tokens.expired(token);
            return call.apply(tokens.token(client));
        }
    }
}
