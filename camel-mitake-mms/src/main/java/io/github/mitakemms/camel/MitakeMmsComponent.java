package io.github.mitakemms.camel;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import javax.net.ssl.SSLContext;

import io.github.mitakemms.camel.client.MitakeMmsClient;
import io.github.mitakemms.camel.client.MitakeMmsGateway;
import io.github.mitakemms.camel.monitoring.Metrics;
import io.github.mitakemms.camel.monitoring.MitakeMmsStatistics;
import io.github.mitakemms.camel.monitoring.ProducerHealthCheck;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.WritableHealthCheckRepository;
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
    /** The readiness check of each account with a started producer, and how many producers use it. */
    private final Map<MitakeMmsGateway, CheckRegistration> checks = new HashMap<>();
    private volatile Metrics metrics;

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
        return gateways.computeIfAbsent(key, k -> {
            MitakeMmsGateway gateway = new MitakeMmsGateway(client(pool), config.getClientId(),
                    config.getClientSecret(), config.getTokenRenewBefore(), config.getRequestTimeout());
            metrics().account(gateway.statistics());
            return gateway;
        });
    }

    /** The gateway of a configuration's credentials if one was created, else null: for reading its statistics. */
    MitakeMmsGateway existingGateway(MitakeMmsConfiguration config) {
        PoolKey pool = new PoolKey(config.getBaseUrl(), config.getConnectTimeout(), config.getMaxConnections(),
                config.getSslContextParameters());
        return gateways.get(new GatewayKey(pool, config.getClientId(), digest(config.getClientSecret()),
                config.getTokenRenewBefore()));
    }

    /** The statistics of every account that has sent or is ready to. */
    public List<MitakeMmsStatistics> accountStatistics() {
        List<MitakeMmsStatistics> list = new ArrayList<>();
        for (MitakeMmsGateway g : gateways.values()) {
            list.add(g.statistics());
        }
        return list;
    }

    /** Where the counters are published besides the console and JMX: Micrometer when it is there. */
    Metrics metrics() {
        Metrics m = metrics;
        if (m == null) {
            m = Metrics.of(getCamelContext());
            metrics = m;
        }
        return m;
    }

    /**
     * A producer of the account started: its low-balance threshold is watched, and the account's readiness check is in
     * Camel's producers health-check repository (when camel-health provides one) while any producer of it runs.
     */
    synchronized void producerStarted(MitakeMmsGateway gateway, MitakeMmsConfiguration config) {
        gateway.statistics().lowBalanceThreshold(config.lowBalanceThresholdValue());
        CheckRegistration r = checks.get(gateway);
        if (r == null) {
            WritableHealthCheckRepository repository = HealthCheckHelper.getHealthCheckRepository(getCamelContext(),
                    "producers", WritableHealthCheckRepository.class);
            ProducerHealthCheck check = new ProducerHealthCheck(checkId(gateway), gateway);
            if (repository != null) {
                repository.addHealthCheck(check);
            }
            r = new CheckRegistration(check, repository);
            checks.put(gateway, r);
        }
        r.producers++;
    }

    /** A producer of the account stopped: its check goes with the last one. */
    synchronized void producerStopped(MitakeMmsGateway gateway) {
        CheckRegistration r = checks.get(gateway);
        if (r != null && --r.producers <= 0) {
            checks.remove(gateway);
            r.remove();
        }
    }

    /** The readiness check of an account with a started producer, or null. */
    synchronized ProducerHealthCheck healthCheck(MitakeMmsGateway gateway) {
        CheckRegistration r = checks.get(gateway);
        return r == null ? null : r.check;
    }

    /** {@code mitake-mms-producer-<clientId>}, with a number when another account of that clientId has one. */
    private String checkId(MitakeMmsGateway gateway) {
        String base = "mitake-mms-producer-" + gateway.clientId();
        String id = base;
        for (int n = 2; isCheckId(id); n++) {
            id = base + "-" + n;
        }
        return id;
    }

    private boolean isCheckId(String id) {
        for (CheckRegistration r : checks.values()) {
            if (r.check.getId().equals(id)) {
                return true;
            }
        }
        return false;
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
        synchronized (this) {
            checks.values().forEach(CheckRegistration::remove);
            checks.clear();
        }
        metrics = null;
        for (MitakeMmsClient c : clients.values()) {
            c.close();
        }
        clients.clear();
        gateways.clear();
        super.doStop();
    }

    private static final class CheckRegistration {
        final ProducerHealthCheck check;
        final WritableHealthCheckRepository repository;
        int producers;

        CheckRegistration(ProducerHealthCheck check, WritableHealthCheckRepository repository) {
            this.check = check;
            this.repository = repository;
        }

        void remove() {
            if (repository != null) {
                repository.removeHealthCheck(check);
            }
        }
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
