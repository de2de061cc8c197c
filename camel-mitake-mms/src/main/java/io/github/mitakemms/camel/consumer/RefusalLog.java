package io.github.mitakemms.camel.consumer;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;

/**
 * Logs refused callback requests at WARN at most once a minute and the others at DEBUG, so that a flood of bad requests
 * cannot flood the log. A 405 (a scanner trying GET) is always DEBUG.
 */
final class RefusalLog {

    private static final long WARNING_INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final Logger log;
    private final AtomicLong lastWarning = new AtomicLong();

    RefusalLog(Logger log) {
        this.log = log;
    }

    void refused(int status, String reason) {
        long now = System.nanoTime();
        long last = lastWarning.get();
        boolean warn = status != 405 && (last == 0 || now - last >= WARNING_INTERVAL_NANOS)
                       && lastWarning.compareAndSet(last, now);
        if (warn) {
            log.warn("Callback request refused with {}: {} (further refusals within a minute are logged at DEBUG)",
                    status, reason);
        } else {
            log.debug("Callback request refused with {}: {}", status, reason);
        }
    }
}
