package io.github.mitakemms.camel.monitoring;

import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.health.HealthCheckResultStrategy;

/**
 * A readiness check of the component, written against camel-api's {@link HealthCheck} alone so that the component needs
 * no camel-health (whose registry and repositories call it when they are on the classpath). Never puts a secret or a
 * token in a message or a detail.
 */
public abstract class MitakeMmsHealthCheck implements HealthCheck, CamelContextAware {

    /** Detail: the API code of the failure. */
    public static final String CODE = "mitake.code";
    /** Detail: the API's text of that code. */
    public static final String DESCRIPTION = "mitake.description";
    /** Detail: the account, clientId@host. */
    public static final String ACCOUNT = "mitake.account";

    private final String id;
    private volatile boolean enabled = true;
    private volatile CamelContext camelContext;

    protected MitakeMmsHealthCheck(String id) {
        this.id = id;
    }

    @Override
    public String getGroup() {
        return "camel";
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    @Override
    public boolean isLiveness() {
        // a refused account or a missing HTTP engine is not cured by restarting the application
        return false;
    }

    @Override
    public CamelContext getCamelContext() {
        return camelContext;
    }

    @Override
    public void setCamelContext(CamelContext camelContext) {
        this.camelContext = camelContext;
    }

    @Override
    public Result call(Map<String, Object> options) {
        HealthCheckResultBuilder builder = HealthCheckResultBuilder.on(this);
        HealthCheckRegistry registry = camelContext != null ? HealthCheckRegistry.get(camelContext) : null;
        if (registry != null) {
            builder.state(registry.getInitialState());
        }
        builder.detail(CHECK_ID, id);
        builder.detail(CHECK_GROUP, getGroup());
        builder.detail(CHECK_KIND, Kind.READINESS);
        if (!enabled) {
            builder.message("Disabled").detail(CHECK_ENABLED, false).unknown();
        } else {
            doCall(builder);
            if (builder.state() == null) {
                builder.unknown();
            }
        }
        HealthCheckResultStrategy strategy = camelContext != null
                ? camelContext.getRegistry().findSingleByType(HealthCheckResultStrategy.class) : null;
        if (strategy != null) {
            strategy.processResult(this, options, builder);
        }
        return builder.build();
    }

    protected abstract void doCall(HealthCheckResultBuilder builder);

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + id + "]";
    }
}
