package io.github.mitakemms.camel;

import io.github.mitakemms.camel.client.MitakeMmsGateway;
import io.github.mitakemms.camel.consumer.MitakeMmsCallbackConsumer;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Expression;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
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
public class MitakeMmsEndpoint extends DefaultEndpoint implements EndpointServiceLocation {

    @UriParam
    private MitakeMmsConfiguration configuration;

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
