package io.github.mitakemms.camel.monitoring;

import org.apache.camel.CamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes statistics to a metrics library when one is there: Micrometer, when micrometer-core is on the classpath
 * and a {@code MeterRegistry} is in Camel's registry (camel-micrometer puts one there). Else nothing.
 */
public interface Metrics {

    Metrics NONE = new Metrics() {
        @Override
        public void account(MitakeMmsStatistics statistics) {
        }

        @Override
        public void callback(MitakeMmsStatistics statistics) {
        }
    };

    /** Publishes the counters of an account. */
    void account(MitakeMmsStatistics statistics);

    /** Publishes the counters of a callback consumer. */
    void callback(MitakeMmsStatistics statistics);

    /** Micrometer's binding when Micrometer and a registry are there, else {@link #NONE}. */
    static Metrics of(CamelContext context) {
        try {
            context.getClassResolver().resolveMandatoryClass("io.micrometer.core.instrument.MeterRegistry");
        } catch (ClassNotFoundException | LinkageError e) {
            return NONE;
        }
        try {
            Metrics m = MicrometerMetrics.of(context);
            return m != null ? m : NONE;
        } catch (LinkageError e) {
            Logger log = LoggerFactory.getLogger(Metrics.class);
            log.debug("Micrometer is on the classpath but cannot be used: {}", e.toString());
            return NONE;
        }
    }
}
