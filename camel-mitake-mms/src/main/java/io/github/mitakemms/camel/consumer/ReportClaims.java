package io.github.mitakemms.camel.consumer;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;

import io.github.mitakemms.camel.model.DeliveryReport;
import org.apache.camel.spi.IdempotentRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drops delivery reports already processed, using an {@link IdempotentRepository} keyed by batchID:msgID:status.
 * <p>
 * A report is claimed with {@code add()} before it is routed; the claim is confirmed when the route succeeded and
 * removed when it failed, so a report whose route failed is processed again when the gateway sends it again. While a
 * report is being routed, the same report arriving in a concurrent callback on this consumer waits for the outcome: it
 * is a duplicate when the first one succeeded, and is claimed and routed again when the first one failed. So two
 * concurrent duplicates are never both routed, and a duplicate is never acknowledged while the original may still fail.
 */
final class ReportClaims {

    private static final Logger LOG = LoggerFactory.getLogger(ReportClaims.class);

    private final IdempotentRepository repository;
    /** Reports being routed by this consumer, completed with true when processed, false when failed. */
    private final ConcurrentMap<String, CompletableFuture<Boolean>> inFlight = new ConcurrentHashMap<>();

    ReportClaims(IdempotentRepository repository) {
        this.repository = repository;
    }

    /** The idempotency key of a report: batchID:msgID:status. */
    static String key(DeliveryReport report) {
        return report.getBatchId().trim() + ":" + report.getMsgId().trim() + ":" + report.getStatus().trim();
    }

    /**
     * Claims a report for routing.
     *
     * @return the claim, to be {@linkplain #succeeded succeeded} or {@linkplain #failed failed}; or null when the
     *         report was processed already (a duplicate)
     */
    Claim claim(String key) throws InterruptedException {
        CompletableFuture<Boolean> mine = new CompletableFuture<>();
        while (true) {
            CompletableFuture<Boolean> other = inFlight.putIfAbsent(key, mine);
            if (other != null) {
                if (await(other)) {
                    return null;
                }
                // the concurrent one failed and gave its claim back: try to claim it for this callback
                continue;
            }
            boolean added;
            try {
                added = repository.add(key);
            } catch (RuntimeException e) {
                release(key, mine, false);
                throw e;
            }
            if (!added) {
                release(key, mine, true);
                return null;
            }
            return new Claim(key, mine);
        }
    }

    /** The route succeeded for the claimed report: it is now a duplicate for every later callback. */
    void succeeded(Claim claim) {
        try {
            repository.confirm(claim.key);
        } catch (RuntimeException e) {
            LOG.warn("Could not confirm the processed delivery report {} in the idempotent repository: {}", claim.key,
                    e.getMessage(), e);
        } finally {
            release(claim.key, claim.done, true);
        }
    }

    /** The route failed for the claimed report: give the claim back so that a resend is processed. */
    void failed(Claim claim) {
        try {
            repository.remove(claim.key);
        } catch (RuntimeException e) {
            LOG.error("Could not remove the failed delivery report {} from the idempotent repository: a resend of it will"
                      + " be taken for a duplicate and not routed; remove the key by hand",
                    claim.key, e);
        } finally {
            release(claim.key, claim.done, false);
        }
    }

    private void release(String key, CompletableFuture<Boolean> done, boolean processed) {
        inFlight.remove(key, done);
        done.complete(processed);
    }

    private static boolean await(CompletableFuture<Boolean> other) throws InterruptedException {
        try {
            return other.get();
        } catch (ExecutionException e) {
            return false;
        }
    }

    /** A report this callback is routing. */
    static final class Claim {

        private final String key;
        private final CompletableFuture<Boolean> done;

        private Claim(String key, CompletableFuture<Boolean> done) {
            this.key = key;
            this.done = done;
        }

        String key() {
            return key;
        }
    }
}
