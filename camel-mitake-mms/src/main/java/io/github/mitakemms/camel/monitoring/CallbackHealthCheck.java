package io.github.mitakemms.camel.monitoring;

import java.util.function.Supplier;

import org.apache.camel.Consumer;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.support.service.ServiceHelper;

/**
 * Readiness of a callback consumer: UP while its path is registered on the HTTP engine (platform-http's consumer is
 * started), so that the gateway's callbacks are answered. Camel's consumers repository calls it for the route, under the
 * id {@code consumer:<routeId>}. Does not show the path, which may be a shared secret.
 */
public final class CallbackHealthCheck extends MitakeMmsHealthCheck {

    private final Supplier<Consumer> httpConsumer;

    public CallbackHealthCheck(String id, Supplier<Consumer> httpConsumer) {
        super(id);
        this.httpConsumer = httpConsumer;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder) {
        Consumer c = httpConsumer.get();
        if (c != null && ServiceHelper.isStarted(c)) {
            builder.up();
        } else {
            builder.message("The Mitake MMS callback path is not registered on the HTTP engine (platform-http)");
            builder.down();
        }
    }
}
