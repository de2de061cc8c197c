package io.github.mitakemms.camel.monitoring;

import java.math.BigDecimal;
import java.util.Set;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import org.apache.camel.CamelContext;

/**
 * The statistics as Micrometer meters, tagged {@code account} (clientId@host) or {@code route}: function counters and
 * gauges that read the statistics, so nothing is counted twice. Loaded only when micrometer-core is on the classpath.
 * No Micrometer type appears in a field or a signature (lambdas included), so that the class can be inspected by
 * reflection where Micrometer is absent (as native-image tooling does).
 */
final class MicrometerMetrics implements Metrics {

    /** The MeterRegistry. */
    private final Object registry;

    private MicrometerMetrics(Object registry) {
        this.registry = registry;
    }

    static Metrics of(CamelContext context) {
        MeterRegistry registry = context.getRegistry().lookupByNameAndType("metricsRegistry", MeterRegistry.class);
        if (registry == null) {
            Set<MeterRegistry> all = context.getRegistry().findByType(MeterRegistry.class);
            registry = all.size() == 1 ? all.iterator().next() : null;
        }
        return registry == null ? null : new MicrometerMetrics(registry);
    }

    @Override
    public void account(MitakeMmsStatistics s) {
        MeterRegistry registry = (MeterRegistry) this.registry;
        String[] account = { "account", s.name() };
        Tags tags = Tags.of(account);
        MitakeMmsStatistics.Gauges g = s.gauges();
        counter("mitake.mms.push.calls", "Push calls made to the gateway", account, s, x -> x.pushCalls());
        counter("mitake.mms.push.accepted", "Push calls the gateway answered with a batch", account, s,
                x -> x.pushesAccepted());
        counter("mitake.mms.destinations.accepted", "Destinations the gateway took", account, s,
                x -> x.destinationsAccepted());
        counter("mitake.mms.destinations.duplicate", "Destinations answered 2018 (cID seen before)", account, s,
                x -> x.duplicates());
        counter("mitake.mms.points.spent", "Points the pushes cost", account, s, x -> x.pointsSpent().doubleValue());
        Gauge.builder("mitake.mms.account.points", s, x -> {
            BigDecimal p = x.accountPoints();
            return p == null ? Double.NaN : p.doubleValue();
        }).description("Points left on the account, as the latest push reported them").tags(tags).register(registry);
        counter("mitake.mms.queries", "Query calls", account, s, x -> x.queries());
        counter("mitake.mms.queries.failed", "Query calls that failed", account, s, x -> x.queriesFailed());
        Gauge.builder("mitake.mms.connections.open", g, x -> x.openConnections())
                .description("Connections open to the gateway (the pool's, shared by its accounts)").tags(tags)
                .register(registry);
        Gauge.builder("mitake.mms.connections.max", g, x -> x.maxConnections())
                .description("maxConnections").tags(tags).register(registry);
        Gauge.builder("mitake.mms.concurrency.limit", g, x -> x.concurrencyLimit())
                .description("Calls the account may have at the gateway at once, as learnt from 1007 answers")
                .tags(tags).register(registry);
        Gauge.builder("mitake.mms.calls.inflight", g, x -> x.inFlight())
                .description("Calls at the gateway now").tags(tags).register(registry);
        FunctionCounter.builder("mitake.mms.too.many.connections", g, x -> x.tooManyConnections())
                .description("Calls answered 1007 (not sent, made again)").tags(tags).register(registry);
        FunctionCounter.builder("mitake.mms.token.requests", g, x -> x.tokenRequests())
                .description("Access tokens requested").tags(tags).register(registry);
        Gauge.builder("mitake.mms.token.age", g, x -> x.tokenAgeMillis() < 0 ? Double.NaN : x.tokenAgeMillis() / 1000.0)
                .description("Seconds since the current access token was obtained").baseUnit("seconds").tags(tags)
                .register(registry);
        s.onNewCode((kind, code) -> {
            String[] byCode = { "account", s.name(), "code", code };
            if ("pushRefused".equals(kind)) {
                counter("mitake.mms.push.refused", "Pushes that failed, by code", byCode, s, x -> x.pushesRefused(code));
            } else if ("destinationRefused".equals(kind)) {
                counter("mitake.mms.destinations.refused", "Destinations the gateway refused, by code", byCode, s,
                        x -> x.destinationsRefused(code));
            }
        });
    }

    @Override
    public void callback(MitakeMmsStatistics s) {
        String[] route = { "route", s.name() };
        counter("mitake.mms.callback.reports.routed", "Delivery reports routed", route, s, x -> x.reportsRouted());
        counter("mitake.mms.callback.duplicates.dropped", "Delivery reports acknowledged but not routed again", route, s,
                x -> x.duplicatesDropped());
        s.onNewCode((kind, code) -> {
            if ("callback".equals(kind)) {
                int status = Integer.parseInt(code);
                counter("mitake.mms.callbacks", "Callbacks answered, by HTTP status",
                        new String[] { "route", s.name(), "status", code }, s, x -> x.callbacks(status));
            }
        });
    }

    private void counter(String name, String description, String[] tags, MitakeMmsStatistics s,
                         java.util.function.ToDoubleFunction<MitakeMmsStatistics> f) {
        FunctionCounter.builder(name, s, f).description(description).tags(tags).register((MeterRegistry) registry);
    }
}
