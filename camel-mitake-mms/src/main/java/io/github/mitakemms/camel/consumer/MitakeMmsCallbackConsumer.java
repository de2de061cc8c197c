package io.github.mitakemms.camel.consumer;

import java.util.Map;

import io.github.mitakemms.camel.MitakeMmsConfiguration;
import io.github.mitakemms.camel.MitakeMmsEndpoint;
import io.github.mitakemms.camel.monitoring.CallbackHealthCheck;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.Consumer;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.RollbackExchangeException;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.BridgeExceptionHandlerToErrorHandler;
import org.apache.camel.support.DefaultConsumer;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives the delivery reports the gateway posts to the callback path, through Camel's platform-http, and runs the
 * route on them: by default one exchange per report (body a {@link io.github.mitakemms.camel.model.DeliveryReport}),
 * else one exchange with the List of reports. The gateway gets 200 only once every exchange completed without exception.
 * <p>
 * What cannot be routed goes to the consumer's exception handler, as for any Camel consumer: each unreadable report of a
 * callback (on an exchange whose body is the report's JSON text) and each body refused with 400 or 413. By default that
 * is logged at WARN without the body; with {@code bridgeErrorHandler=true} the route's error handler gets it; the
 * {@code exceptionHandler} option sets another handler.
 */
public class MitakeMmsCallbackConsumer extends DefaultConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(MitakeMmsCallbackConsumer.class);

    private SourceFilter sources;
    private Processor handler;
    private Consumer httpConsumer;

    public MitakeMmsCallbackConsumer(MitakeMmsEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        // replaced by the endpoint when bridgeErrorHandler or exceptionHandler is set
        setExceptionHandler(new CallbackExceptionLogger());
    }

    @Override
    public MitakeMmsEndpoint getEndpoint() {
        return (MitakeMmsEndpoint) super.getEndpoint();
    }

    /** Checks the options, so that a bad one fails when the route is created, whether or not it is started. */
    @Override
    protected void doInit() throws Exception {
        super.doInit();
        MitakeMmsConfiguration configuration = getEndpoint().getConfiguration();
        String path = configuration.getPath();
        if (path == null || path.isBlank()) {
            throw new IllegalArgumentException("mitake-mms option path is required by the callback consumer");
        }
        if (configuration.getMaxBodySize() < 1) {
            throw new IllegalArgumentException(
                    "mitake-mms option maxBodySize must be at least 1, was " + configuration.getMaxBodySize());
        }
        sources = SourceFilter.parse(configuration.getAllowedSources(), configuration.isTrustForwardedFor());
        if (getExceptionHandler() instanceof BridgeExceptionHandlerToErrorHandler) {
            // Camel's bridge replaces the body with the message: keep the report for the error handler
            setExceptionHandler(new ErrorHandlerBridge(this));
        }
        ReportSink sink = new Sink();
        ReportClaims claims = new ReportClaims(configuration.getIdempotentRepository());
        handler = new CallbackProcessor(sources, configuration.getMaxBodySize(),
                ReportDispatch.of(configuration.isSplitReports(), claims, sink), sink,
                getEndpoint().callbackStatistics(getRouteId()));
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        // readiness, as Camel's consumer checks ask it of consumers (camel.health.consumersEnabled)
        if (getHealthCheck() == null) {
            setHealthCheck(new CallbackHealthCheck("mitake-mms-consumer-" + getRouteId(), () -> httpConsumer));
        }
        MitakeMmsConfiguration configuration = getEndpoint().getConfiguration();
        IdempotentRepository repository = configuration.getIdempotentRepository();
        if (repository != null) {
            startRepository(repository);
        }
        httpConsumer = CallbackHttpServer.listen(getEndpoint().getCamelContext(), configuration.getPath(), handler);
        // the path may be a shared secret: it is not logged above DEBUG
        LOG.info("Receiving Mitake MMS delivery reports through platform-http (allowed sources: {}, duplicates {})",
                sources, repository != null ? "dropped" : "routed");
        LOG.debug("Mitake MMS callback path: {}", configuration.getPath());
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

    /** The consumer's side of a callback: its route, and its exception handler. */
    private final class Sink implements ReportSink {

        @Override
        public Exception route(Object body, Map<String, Object> headers) {
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

        @Override
        public void unroutable(String message, Object body, Exception cause) {
            Exchange exchange = createExchange(false);
            try {
                exchange.getIn().setBody(body);
                getExceptionHandler().handleException(message, exchange, cause);
            } catch (RuntimeException e) {
                // the callback is answered all the same; neither body nor values are logged
                LOG.warn("The exception handler of the Mitake MMS callback consumer failed on \"{}\": {}", message,
                        e.toString());
            } finally {
                releaseExchange(exchange, false);
            }
        }
    }
}
