package io.github.mitakemms.camel.producer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

import io.github.mitakemms.camel.MitakeMmsConfiguration;
import io.github.mitakemms.camel.MitakeMmsConstants;
import io.github.mitakemms.camel.binding.MessageBinding;
import io.github.mitakemms.camel.client.MitakeMmsClient;
import io.github.mitakemms.camel.client.MitakeMmsGateway;
import io.github.mitakemms.camel.exception.MitakeMmsException;
import io.github.mitakemms.camel.exception.MitakeMmsIncompletePushException;
import io.github.mitakemms.camel.exception.MitakeMmsRejectedException;
import io.github.mitakemms.camel.model.ApiCode;
import io.github.mitakemms.camel.model.Destination;
import io.github.mitakemms.camel.model.MessageResult;
import io.github.mitakemms.camel.model.MmsMessage;
import io.github.mitakemms.camel.model.PushResult;
import io.github.mitakemms.camel.validation.MmsValidator;
import org.apache.camel.Exchange;
import org.apache.camel.Expression;
import org.apache.camel.Message;
import org.apache.hc.client5.http.config.RequestConfig;

/**
 * push: the exchange to a message, its cIDs, local validation, one call per 500 destinations, the result to the
 * exchange. Destinations refused for their number are not sent and are in the result as refused; a failure after some
 * calls were accepted keeps what they answered on the message.
 */
public final class PushOperation implements ProducerOperation {

    /** The most destinations the API takes in one push call. */
    static final int MAX_DESTINATIONS_PER_CALL = 500;

    private final MitakeMmsConfiguration config;
    private final MitakeMmsGateway gateway;
    private final RequestConfig timeout;
    private final PushCids cIds;

    /**
     * @param cidSeed the expression of the cidSeed option, or null
     */
    public PushOperation(MitakeMmsConfiguration config, MitakeMmsGateway gateway, Expression cidSeed) {
        this.config = config;
        this.gateway = gateway;
        this.timeout = MitakeMmsClient.timeout(config.getRequestTimeout());
        this.cIds = new PushCids(config.isGenerateCid(), cidSeed);
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        MmsMessage msg = MessageBinding.toMessage(exchange, config);
        PushCids.State assigned = cIds.assign(exchange, msg.getDestinations());
        SortedMap<Integer, ApiCode> refused = config.isValidate()
                ? MmsValidator.validate(msg, config.getMaxPayloadSize()) : Collections.emptySortedMap();
        List<Destination> toSend = msg.getDestinations();
        if (!refused.isEmpty()) {
            toSend = new ArrayList<>(toSend.size() - refused.size());
            for (int i = 0; i < msg.getDestinations().size(); i++) {
                if (!refused.containsKey(i)) {
                    toSend.add(msg.getDestinations().get(i));
                }
            }
        }
        PushResult result = new PushResult();
        Message out = exchange.getMessage();
        for (int from = 0; from < Math.max(toSend.size(), 1); from += MAX_DESTINATIONS_PER_CALL) {
            MmsMessage call = toSend.size() <= MAX_DESTINATIONS_PER_CALL && refused.isEmpty()
                    ? msg : msg.withDestinations(toSend.subList(from, Math.min(toSend.size(), from + MAX_DESTINATIONS_PER_CALL)));
            try {
                result.add(gateway.push(call, timeout));
            } catch (MitakeMmsException e) {
                if (result.getBatchIds().isEmpty()) {
                    throw e;
                }
                addRefused(result, refused, msg.getDestinations());
                writeHeaders(out, result);
                throw new MitakeMmsIncompletePushException(e, result, msg.getDestinations().size());
            }
        }
        addRefused(result, refused, msg.getDestinations());
        assigned.completed();
        out.setBody(result);
        writeHeaders(out, result);
        if (config.isThrowOnRejected() && !result.getRejected().isEmpty()) {
            throw new MitakeMmsRejectedException("Mitake MMS push: " + result.getRejected().size() + " of "
                                                 + result.getMessages().size() + " destinations were refused "
                                                 + byStatus(result.getRejected()),
                    result);
        }
    }

    private static void addRefused(PushResult result, SortedMap<Integer, ApiCode> refused, List<Destination> all) {
        for (Map.Entry<Integer, ApiCode> e : refused.entrySet()) {
            result.addRefused(e.getKey(), all.get(e.getKey()), e.getValue());
        }
    }

    private static void writeHeaders(Message out, PushResult result) {
        out.setHeader(MitakeMmsConstants.BATCH_ID, result.getBatchId());
        out.setHeader(MitakeMmsConstants.BATCH_IDS, result.getBatchIds());
        out.setHeader(MitakeMmsConstants.MSG_IDS, result.getMsgIds());
        out.setHeader(MitakeMmsConstants.COST_POINTS, result.getCostPoints());
        out.setHeader(MitakeMmsConstants.ACCOUNT_POINTS, result.getAccountPoints());
    }

    private static String byStatus(List<MessageResult> refused) {
        Map<String, Integer> byStatus = new LinkedHashMap<>();
        for (MessageResult m : refused) {
            byStatus.merge(m.getStatus(), 1, Integer::sum);
        }
        return "(by status: " + byStatus + ")";
    }
}
