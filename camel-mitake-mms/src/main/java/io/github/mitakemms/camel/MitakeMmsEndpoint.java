package io.github.mitakemms.camel;

import io.github.mitakemms.camel.client.MitakeMmsGateway;
import io.github.mitakemms.camel.consumer.MitakeMmsCallbackConsumer;
import io.github.mitakemms.camel.monitoring.MitakeMmsStatistics;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Expression;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.api.management.ManagedResource;
import org.apache.camel.spi.EndpointServiceLocation;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.support.DefaultEndpoint;

/**
 * Send MMS and query their delivery reports through the Mitake MMS JSON API, and receive the delivery reports the
 * gateway posts back.
 */
@UriEndpoint(firstVersion = "1.0.0", scheme = "mitake-mms", title = "Mitake MMS", syntax = "mitake-mms:operation",
             category = { Category.MOBILE }, headersClass = MitakeMmsConstants.class)
@ManagedResource(description = "Managed Mitake MMS endpoint")
public class MitakeMmsEndpoint extends DefaultEndpoint implements EndpointServiceLocation {

    @UriParam
    private MitakeMmsConfiguration configuration;

    private volatile MitakeMmsStatistics callbackStatistics;

    public MitakeMmsEndpoint(String uri, MitakeMmsComponent component, MitakeMmsConfiguration configuration) {
        super(uri, component);
        this.configuration = configuration;
    }

    @Override
    public MitakeMmsComponent getComponent() {
        return (MitakeMmsComponent) super.getComponent();
    }

    /** A producer endpoint's options are checked when it is created, so a route with a bad one fails to be created. */
    @Override
    protected void doInit() throws Exception {
        super.doInit();
        if (configuration.getOperation() != MitakeMmsOperation.callback) {
            requireProducerOptions();
        }
    }

    @Override
    public Producer createProducer() throws Exception {
        if (configuration.getOperation() == MitakeMmsOperation.callback) {
            throw new IllegalArgumentException(
                    "mitake-mms:callback is a consumer (from); use push, queryBatchDR or querySingleDR to send");
        }
        requireProducerOptions();
        return new MitakeMmsProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        if (configuration.getOperation() != MitakeMmsOperation.callback) {
            throw new IllegalArgumentException("mitake-mms:" + configuration.getOperation()
                                               + " is a producer (to); use mitake-mms:callback to receive reports");
        }
        MitakeMmsCallbackConsumer consumer = new MitakeMmsCallbackConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    private void requireProducerOptions() {
        if (isBlank(configuration.getBaseUrl())) {
            throw new IllegalArgumentException("mitake-mms option baseUrl is required to send (the gateway's https URL)");
        }
        if (isBlank(configuration.getClientId())) {
            throw new IllegalArgumentException("mitake-mms option clientId is required to send");
        }
        if (isBlank(configuration.getClientSecret())) {
            throw new IllegalArgumentException("mitake-mms option clientSecret is required to send");
        }
        String seed = configuration.getCidSeed();
        if (seed != null && !seed.isBlank()) {
            if (!configuration.isGenerateCid()) {
                throw new IllegalArgumentException(
                        "mitake-mms option cidSeed derives the generated cIDs, but generateCid is false");
            }
            if (!seed.contains("${") && !seed.contains("$simple{")) {
                // a constant seed gives every push the same cIDs: the gateway would send only the first
                throw new IllegalArgumentException("mitake-mms option cidSeed must be a Simple expression whose value "
                                                   + "differs for every push, such as ${header.JMSMessageID}; '" + seed
                                                   + "' is a constant");
            }
        }
        configuration.lowBalanceThresholdValue();
        if (configuration.getMaxConnections() < 1) {
            throw new IllegalArgumentException(
                    "mitake-mms option maxConnections must be at least 1, was " + configuration.getMaxConnections());
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    MitakeMmsGateway gateway() {
        return getComponent().gateway(configuration);
    }

    /** The expression of the cidSeed option, or null when it is not set. */
    Expression cidSeedExpression() {
        String seed = configuration.getCidSeed();
        if (seed == null || seed.isBlank()) {
            return null;
        }
        Expression expression = getCamelContext().resolveLanguage("simple").createExpression(seed);
        expression.init(getCamelContext());
        return expression;
    }

    public MitakeMmsConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(MitakeMmsConfiguration configuration) {
        this.configuration = configuration;
    }

    /**
     * The counters of this callback endpoint's consumer, created (and published to Micrometer when it is there) on the
     * first call.
     *
     * @param name the consumer's route id
     */
    public MitakeMmsStatistics callbackStatistics(String name) {
        MitakeMmsStatistics s = callbackStatistics;
        if (s == null) {
            synchronized (this) {
                s = callbackStatistics;
                if (s == null) {
                    s = new MitakeMmsStatistics(name != null ? name : getId(), null);
                    getComponent().metrics().callback(s);
                    callbackStatistics = s;
                }
            }
        }
        return s;
    }

    /** The counters of this callback endpoint's consumer, or null before it was created. */
    public MitakeMmsStatistics callbackStatistics() {
        return callbackStatistics;
    }

    /** The counters this endpoint shows: its account's for a producer, its own for the callback consumer. */
    private MitakeMmsStatistics statistics() {
        if (configuration.getOperation() == MitakeMmsOperation.callback) {
            MitakeMmsStatistics s = callbackStatistics;
            return s != null ? s : EMPTY;
        }
        MitakeMmsGateway gateway = getComponent().existingGateway(configuration);
        return gateway != null ? gateway.statistics() : EMPTY;
    }

    private static final MitakeMmsStatistics EMPTY = new MitakeMmsStatistics("none", null);

    @ManagedAttribute(description = "Push calls made to the gateway by the account")
    public long getPushCalls() {
        return statistics().pushCalls();
    }

    @ManagedAttribute(description = "Push calls the gateway answered with a batch")
    public long getPushesAccepted() {
        return statistics().pushesAccepted();
    }

    @ManagedAttribute(description = "Pushes that failed")
    public long getPushesRefused() {
        return statistics().pushesRefused();
    }

    @ManagedAttribute(description = "Pushes that failed, by API code (or HTTP status, I/O)")
    public String getPushesRefusedByCode() {
        return statistics().pushesRefusedByCode().toString();
    }

    @ManagedAttribute(description = "Destinations the gateway took")
    public long getDestinationsAccepted() {
        return statistics().destinationsAccepted();
    }

    @ManagedAttribute(description = "Destinations the gateway refused, by code (Attachment 2)")
    public String getDestinationsRefusedByCode() {
        return statistics().destinationsRefusedByCode().toString();
    }

    @ManagedAttribute(description = "Destinations answered 2018: their cID was used before")
    public long getDuplicates() {
        return statistics().duplicates();
    }

    @ManagedAttribute(description = "Points the pushes cost")
    public String getPointsSpent() {
        return statistics().pointsSpent().toPlainString();
    }

    @ManagedAttribute(description = "Points left on the account as the latest push reported them")
    public String getAccountPoints() {
        java.math.BigDecimal p = statistics().accountPoints();
        return p == null ? null : p.toPlainString();
    }

    @ManagedAttribute(description = "Query calls")
    public long getQueries() {
        return statistics().queries();
    }

    @ManagedAttribute(description = "Query calls that failed")
    public long getQueriesFailed() {
        return statistics().queriesFailed();
    }

    @ManagedAttribute(description = "Connections open to the gateway")
    public int getOpenConnections() {
        return statistics().gauges().openConnections();
    }

    @ManagedAttribute(description = "Calls the account may have at the gateway at once, learnt from 1007 answers")
    public int getConcurrencyLimit() {
        return statistics().gauges().concurrencyLimit();
    }

    @ManagedAttribute(description = "Calls at the gateway now")
    public int getCallsInFlight() {
        return statistics().gauges().inFlight();
    }

    @ManagedAttribute(description = "Calls answered 1007 (too many connections): not sent, made again")
    public long getTooManyConnections() {
        return statistics().gauges().tooManyConnections();
    }

    @ManagedAttribute(description = "Access tokens requested")
    public long getTokenRequests() {
        return statistics().gauges().tokenRequests();
    }

    @ManagedAttribute(description = "Seconds since the access token was obtained, -1 without one")
    public long getTokenAgeSeconds() {
        long age = statistics().gauges().tokenAgeMillis();
        return age < 0 ? -1 : age / 1000;
    }

    @ManagedAttribute(description = "The code of the last failure")
    public String getLastErrorCode() {
        MitakeMmsStatistics.LastError e = statistics().lastError();
        return e == null ? null : e.code();
    }

    @ManagedAttribute(description = "The last failure")
    public String getLastError() {
        MitakeMmsStatistics.LastError e = statistics().lastError();
        return e == null ? null : e.message();
    }

    @ManagedAttribute(description = "Callbacks answered, by HTTP status")
    public String getCallbacksByStatus() {
        return statistics().callbacksByStatus().toString();
    }

    @ManagedAttribute(description = "Delivery reports routed")
    public long getReportsRouted() {
        return statistics().reportsRouted();
    }

    @ManagedAttribute(description = "Delivery reports acknowledged but not routed again")
    public long getDuplicatesDropped() {
        return statistics().duplicatesDropped();
    }

    /**
     * The gateway's base URL for the producers; null for the callback consumer, whose path may be its shared secret and
     * whose server is platform-http's.
     */
    @Override
    public String getServiceUrl() {
        return configuration.getOperation() == MitakeMmsOperation.callback ? null : configuration.getBaseUrl();
    }

    @Override
    public String getServiceProtocol() {
        return "http";
    }
}
