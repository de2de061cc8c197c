package io.github.mitakemms.camel.consumer;

import java.util.Map;

import io.github.mitakemms.camel.MitakeMmsConfiguration;
import io.github.mitakemms.camel.MitakeMmsEndpoint;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.Consumer;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.RollbackExchangeException;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.DefaultConsumer;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives the delivery reports the gateway posts to the callback path, through Camel's platform-http, and runs the
 * route on them: by default one exchange per report (body a {@link io.github.mitakemms.camel.model.DeliveryReport}),
 * else one exchange with the List of reports. The gateway gets 200 only once every exchange completed without exception.
 */
public class MitakeMmsCallbackConsumer extends DefaultConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(MitakeMmsCallbackConsumer.class);

    private Consumer httpConsumer;

    public MitakeMmsCallbackConsumer(MitakeMmsEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    public MitakeMmsEndpoint getEndpoint() {
        return (MitakeMmsEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        MitakeMmsConfiguration configuration = getEndpoint().getConfiguration();
        String path = configuration.getPath();
        if (path == null || path.isBlank()) {
            throw new IllegalArgumentException("mitake-mms option path is required by the callback consumer");
        }
        if (configuration.getMaxBodySize() < 1) {
            throw new IllegalArgumentException(
                    "mitake-mms option maxBodySize must be at least 1, was " + configuration.getMaxBodySize());
        }
        SourceFilter sources = SourceFilter.parse(configuration.getAllowedSources());
        IdempotentRepository repository = configuration.getIdempotentRepository();
        ReportClaims claims = null;
        if (repository != null) {
            startRepository(repository);
            claims = new ReportClaims(repository);
        }
        CallbackProcessor handler = new CallbackProcessor(
                sources, configuration.isTrustForwardedFor(), configuration.getMaxBodySize(),
                configuration.isSplitReports(), claims, this::runRoute);
        httpConsumer = CallbackHttpServer.listen(getEndpoint().getCamelContext(), path, handler);
        // the path may be a shared secret: it is not logged above DEBUG
        LOG.info("Receiving Mitake MMS delivery reports through platform-http (allowed sources: {}, duplicates {})",
                sources, claims != null ? "dropped" : "routed");
        LOG.debug("Mitake MMS callback path: {}", path);
        if (sources.allowsAll()) {
            LOG.warn("mitake-mms:callback accepts delivery reports from any source: the API gives callbacks no"
                     + " authentication, so set allowedSources to the gateway's addresses");
        }
    }

    @Override
    protected void doStop() throws Exception {
        ServiceHelper.stopAndShutdownService(httpConsumer);
        httpConsumer = null;
        super.doStop();
    }

    /**
     * Starts the repository as a service of the CamelContext, so that it lives as long as the context: stopping or
     * restarting the route does not forget the reports processed (a memory repository would be cleared), and a
     * repository shared by several routes is not stopped under the others.
     */
    private void startRepository(IdempotentRepository repository) throws Exception {
        CamelContext context = getEndpoint().getCamelContext();
        CamelContextAware.trySetCamelContext(repository, context);
        if (!context.hasService(repository)) {
            context.addService(repository, true, true);
        }
        ServiceHelper.startService(repository);
    }

    /** Runs the route on a new exchange, synchronously, and tells how it ended. */
    private Exception runRoute(Object body, Map<String, Object> headers) {
        Exchange exchange = createExchange(false);
        try {
            Message message = exchange.getIn();
            message.setBody(body);
            headers.forEach(message::setHeader);
            try {
                getProcessor().process(exchange);
            } catch (Exception e) {
                // thrown around the route's error handling rather than through it
                getExceptionHandler().handleException("Error processing a Mitake MMS delivery report", exchange, e);
                exchange.setException(e);
            }
            Exception failure = exchange.getException();
            if (failure == null && (exchange.isRollbackOnly() || exchange.isRollbackOnlyLast())) {
                failure = new RollbackExchangeException("The route marked the exchange for rollback", exchange);
            }
            return failure;
        } finally {
            releaseExchange(exchange, false);
        }
    }
}
