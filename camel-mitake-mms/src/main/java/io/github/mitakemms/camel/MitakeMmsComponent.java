package io.github.mitakemms.camel;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import javax.net.ssl.SSLContext;

import io.github.mitakemms.camel.client.MitakeMmsClient;
import io.github.mitakemms.camel.client.MitakeMmsGateway;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;
import org.apache.camel.support.jsse.SSLContextParameters;

/**
 * Sends MMS and receives delivery reports through the Mitake MMS JSON API.
 * <p>
 * Holds what endpoints share: one pooled HTTP client per gateway and connection settings, and one
 * {@link MitakeMmsGateway} (with its access token) per set of credentials on it, so that every endpoint of an account
 * uses one token and one connection bound, and endpoints that differ only in their request timeout share both. An
 * endpoint with other credentials gets a token of its own: a wrong secret is never hidden by another endpoint's token.
 */
@Component("mitake-mms")
public class MitakeMmsComponent extends DefaultComponent {

    @Metadata(label = "advanced", description = "The shared configuration; endpoint options override it.")
    private MitakeMmsConfiguration configuration = new MitakeMmsConfiguration();

    private final Map<PoolKey, MitakeMmsClient> clients = new ConcurrentHashMap<>();
    private final Map<GatewayKey, MitakeMmsGateway> gateways = new ConcurrentHashMap<>();

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

    /** The gateway of a configuration's credentials, over the HTTP client of its connection settings. */
    MitakeMmsGateway gateway(MitakeMmsConfiguration config) {
        PoolKey pool = new PoolKey(config.getBaseUrl(), config.getConnectTimeout(), config.getMaxConnections(),
                config.getSslContextParameters());
        GatewayKey key = new GatewayKey(pool, config.getClientId(), digest(config.getClientSecret()),
                config.getTokenRenewBefore());
        return gateways.computeIfAbsent(key, k -> new MitakeMmsGateway(client(pool), config.getClientId(),
                config.getClientSecret(), config.getTokenRenewBefore(), config.getRequestTimeout()));
    }

    private MitakeMmsClient client(PoolKey key) {
        return clients.computeIfAbsent(key,
                k -> new MitakeMmsClient(k.baseUrl, k.connectTimeout, k.maxConnections, sslContext(k.ssl)));
    }

    /** The secret as a key: a digest, so that the secret itself is not kept where a heap dump reads it as a key. */
    private static byte[] digest(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(String.valueOf(secret).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
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
        gateways.clear();
        super.doStop();
    }

    private record PoolKey(String baseUrl, long connectTimeout, int maxConnections, SSLContextParameters ssl) {
        @Override
        public boolean equals(Object o) {
            return o instanceof PoolKey k && Objects.equals(baseUrl, k.baseUrl) && connectTimeout == k.connectTimeout
                   && maxConnections == k.maxConnections && ssl == k.ssl;
        }

        @Override
        public int hashCode() {
            return Objects.hash(baseUrl, connectTimeout, maxConnections, System.identityHashCode(ssl));
        }
    }

    private record GatewayKey(PoolKey pool, String clientId, byte[] secretDigest, long renewBefore) {
        @Override
        public boolean equals(Object o) {
            return o instanceof GatewayKey k && pool.equals(k.pool) && Objects.equals(clientId, k.clientId)
                   && MessageDigest.isEqual(secretDigest, k.secretDigest) && renewBefore == k.renewBefore;
        }

        @Override
        public int hashCode() {
            return Objects.hash(pool, clientId, Arrays.hashCode(secretDigest), renewBefore);
        }

        @Override
        public String toString() {
            return "GatewayKey[" + pool.baseUrl + ", " + clientId + "]";
        }
    }
}
