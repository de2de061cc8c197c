package io.github.mitakemms.camel;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import javax.net.ssl.SSLContext;

import io.github.mitakemms.camel.client.AccessTokenCache;
import io.github.mitakemms.camel.client.MitakeMmsClient;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;
import org.apache.camel.support.jsse.SSLContextParameters;

/**
 * Sends MMS and receives delivery reports through the Mitake MMS JSON API.
 * <p>
 * Holds what endpoints share: one pooled HTTP client per gateway and connection settings, and one access token per
 * (baseUrl, clientId), so that every endpoint of an account uses one token and the connection bound holds across them.
 */
@Component("mitake-mms")
public class MitakeMmsComponent extends DefaultComponent {

    @Metadata(label = "advanced", description = "The shared configuration; endpoint options override it.")
    private MitakeMmsConfiguration configuration = new MitakeMmsConfiguration();

    private final Map<ClientKey, MitakeMmsClient> clients = new ConcurrentHashMap<>();
    private final Map<String, AccessTokenCache> tokens = new ConcurrentHashMap<>();

    public MitakeMmsComponent() {
    }

    public MitakeMmsComponent(CamelContext context) {
        super(context);
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        MitakeMmsConfiguration config = configuration.copy();
        config.setOperation(MitakeMmsOperation.fromName(remaining));
        MitakeMmsEndpoint endpoint = new MitakeMmsEndpoint(uri, this, config);
        setProperties(endpoint, parameters);
        return endpoint;
    }

    public MitakeMmsConfiguration getConfiguration() {
        return configuration;
    }

    /**
     * The shared configuration; endpoint options override it.
     */
    public void setConfiguration(MitakeMmsConfiguration configuration) {
        this.configuration = configuration;
    }

    /** The HTTP client for a configuration: shared by every endpoint with the same gateway and connection settings. */
    MitakeMmsClient client(MitakeMmsConfiguration config) {
        ClientKey key = new ClientKey(config.getBaseUrl(), config.getConnectTimeout(), config.getRequestTimeout(),
                config.getMaxConnections(), config.getSslContextParameters());
        return clients.computeIfAbsent(key, k -> new MitakeMmsClient(k.baseUrl, k.connectTimeout, k.requestTimeout,
                k.maxConnections, sslContext(k.ssl)));
    }

    /** The access token cache of an account on a gateway. */
    AccessTokenCache tokens(MitakeMmsConfiguration config) {
        String key = config.getBaseUrl() + '\u0000' + config.getClientId();
        return tokens.computeIfAbsent(key,
                k -> new AccessTokenCache(config.getClientId(), config.getClientSecret(), config.getTokenRenewBefore()));
    }

    private SSLContext sslContext(SSLContextParameters parameters) {
        if (parameters == null) {
            return null;
        }
        try {
            return parameters.createSSLContext(getCamelContext());
        } catch (Exception e) {
            throw new IllegalStateException("Cannot create the SSLContext of sslContextParameters: " + e.getMessage(), e);
        }
    }

    @Override
    protected void doStop() throws Exception {
        for (MitakeMmsClient c : clients.values()) {
            c.close();
        }
        clients.clear();
        tokens.clear();
        super.doStop();
    }

    private record ClientKey(String baseUrl, long connectTimeout, long requestTimeout, int maxConnections,
                             SSLContextParameters ssl) {
        @Override
        public boolean equals(Object o) {
            return o instanceof ClientKey k && Objects.equals(baseUrl, k.baseUrl) && connectTimeout == k.connectTimeout
                   && requestTimeout == k.requestTimeout && maxConnections == k.maxConnections && ssl == k.ssl;
        }

        @Override
        public int hashCode() {
            return Objects.hash(baseUrl, connectTimeout, requestTimeout, maxConnections, System.identityHashCode(ssl));
        }
    }
}
