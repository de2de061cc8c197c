package io.github.mitakemms.camel;

import java.util.EnumMap;
import java.util.Map;

import io.github.mitakemms.camel.client.MitakeMmsGateway;
import io.github.mitakemms.camel.producer.ProducerOperation;
import io.github.mitakemms.camel.producer.PushOperation;
import io.github.mitakemms.camel.producer.QueryBatchOperation;
import io.github.mitakemms.camel.producer.QuerySingleOperation;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultProducer;

/**
 * Sends push, queryBatchDR and querySingleDR calls: the operation of the URI, or of the header
 * {@link MitakeMmsConstants#OPERATION}, does the work (see the {@code producer} package); the account's
 * {@link MitakeMmsGateway} carries the token.
 */
public class MitakeMmsProducer extends DefaultProducer {

    private final Map<MitakeMmsOperation, ProducerOperation> operations = new EnumMap<>(MitakeMmsOperation.class);
    private MitakeMmsGateway gateway;

    public MitakeMmsProducer(MitakeMmsEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public MitakeMmsEndpoint getEndpoint() {
        return (MitakeMmsEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        MitakeMmsConfiguration config = getEndpoint().getConfiguration();
        MitakeMmsGateway gateway = getEndpoint().gateway();
        getEndpoint().getComponent().producerStarted(gateway, config);
        this.gateway = gateway;
        operations.put(MitakeMmsOperation.push, new PushOperation(config, gateway, getEndpoint().cidSeedExpression()));
        operations.put(MitakeMmsOperation.queryBatchDR, new QueryBatchOperation(config, gateway));
        operations.put(MitakeMmsOperation.querySingleDR, new QuerySingleOperation(config, gateway));
    }

    @Override
    protected void doStop() throws Exception {
        if (gateway != null) {
            getEndpoint().getComponent().producerStopped(gateway);
            gateway = null;
        }
        super.doStop();
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        MitakeMmsOperation operation = operation(exchange);
        ProducerOperation op = operations.get(operation);
        if (op == null) {
            throw new IllegalArgumentException(
                    "mitake-mms operation " + operation + " cannot be sent; use push, queryBatchDR or querySingleDR");
        }
        op.process(exchange);
    }

    private MitakeMmsOperation operation(Exchange exchange) {
        Object header = exchange.getMessage().getHeader(MitakeMmsConstants.OPERATION);
        if (header == null) {
            return getEndpoint().getConfiguration().getOperation();
        }
        return header instanceof MitakeMmsOperation op ? op : MitakeMmsOperation.fromName(header.toString());
    }
}
