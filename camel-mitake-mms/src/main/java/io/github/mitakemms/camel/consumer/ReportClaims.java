package io.github.mitakemms.camel.consumer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;

import io.github.mitakemms.camel.model.DeliveryReport;
import org.apache.camel.spi.IdempotentRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drops delivery reports already processed, using an {@link IdempotentRepository} keyed by batchID:msgID:status; without
 * a repository every report is routed.
 * <p>
 * The reports of one exchange are claimed together with {@code add()} before they are routed; when the claims are
 * closed they are confirmed if the route succeeded and removed if it failed, so a report whose route failed is processed
 * again when the gateway sends it again. While a report is being routed, the same report arriving in a concurrent
 * callback on this consumer waits for the outcome: it is a duplicate when the first one succeeded, and is claimed and
 * routed again when the first one failed. So two concurrent duplicates are never both routed, and a duplicate is never
 * acknowledged while the original may still fail.
 */
final class ReportClaims {

    private static final Logger LOG = LoggerFactory.getLogger(ReportClaims.class);

    private final IdempotentRepository repository;
    /** Reports being routed by this consumer, completed with true when processed, false when failed. */
    private final ConcurrentMap<String, CompletableFuture<Boolean>> inFlight = new ConcurrentHashMap<>();

    /** @param repository the repository of processed reports, or null to route every report */
    ReportClaims(IdempotentRepository repository) {
        this.repository = repository;
    }

    /** Whether duplicates are dropped. */
    boolean dropsDuplicates() {
        return repository != null;
    }

    /** The idempotency key of a report: batchID:msgID:status. */
    static String key(DeliveryReport report) {
        return report.getBatchId().trim() + ":" + report.getMsgId().trim() + ":" + report.getStatus().trim();
    }

    /**
     * Claims the reports of one exchange: the first of equal reports, unless it was processed already. The keys are
     * claimed in key order, so that concurrent callbacks claiming overlapping reports never wait on each other in a
     * circle. When claiming fails midway, the reports claimed so far are given back.
     *
     * @return the claimed reports, to be closed once the route ran on them
     */
    Claimed claim(List<DeliveryReport> reports) throws InterruptedException {
        if (repository == null) {
            return new Claimed(reports, 0, Map.of());
        }
        Map<String, DeliveryReport> unique = new LinkedHashMap<>();
        for (DeliveryReport report : reports) {
            unique.putIfAbsent(key(report), report);
        }
        Map<String, CompletableFuture<Boolean>> held = new TreeMap<>();
        try {
            for (String key : new TreeMap<>(unique).keySet()) {
                CompletableFuture<Boolean> claim = claim(key);
                if (claim != null) {
                    held.put(key, claim);
                }
            }
        } catch (RuntimeException | InterruptedException e) {
            held.forEach(this::giveBack);
            throw e;
        }
        List<DeliveryReport> toRoute = new ArrayList<>(held.size());
        unique.forEach((key, report) -> {
            if (held.containsKey(key)) {
                toRoute.add(report);
            }
        });
        return new Claimed(toRoute, reports.size() - toRoute.size(), held);
    }

    /**
     * Claims one report.
     *
     * @return the outcome to complete, or null when the report was processed already (a duplicate)
     */
    private CompletableFuture<Boolean> claim(String key) throws InterruptedException {
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
            return mine;
        }
    }

    /** The route succeeded for the claimed report: it is now a duplicate for every later callback. */
    private void confirm(String key, CompletableFuture<Boolean> claim) {
        try {
            repository.confirm(key);
        } catch (RuntimeException e) {
            LOG.warn("Could not confirm the processed delivery report {} in the idempotent repository: {}", key,
                    e.getMessage(), e);
        } finally {
            release(key, claim, true);
        }
    }

    /** The route failed for the claimed report: give the claim back so that a resend is processed. */
    private void giveBack(String key, CompletableFuture<Boolean> claim) {
        try {
            repository.remove(key);
        } catch (RuntimeException e) {
            LOG.error("Could not remove the failed delivery report {} from the idempotent repository: a resend of it will"
                      + " be taken for a duplicate and not routed; remove the key by hand",
                    key, e);
        } finally {
            release(key, claim, false);
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

    /**
     * The reports one exchange routes, claimed until closed: confirmed when the route {@linkplain #succeeded()
     * succeeded}, given back otherwise.
     */
    final class Claimed implements AutoCloseable {

        private final List<DeliveryReport> reports;
        private final int duplicates;
        private final Map<String, CompletableFuture<Boolean>> held;
        private boolean succeeded;

        private Claimed(List<DeliveryReport> reports, int duplicates, Map<String, CompletableFuture<Boolean>> held) {
            this.reports = List.copyOf(reports);
            this.duplicates = duplicates;
            this.held = held;
        }

        /** The reports to route: those not processed already, the first of equal ones. */
        List<DeliveryReport> reports() {
            return reports;
        }

        /** The reports dropped as duplicates. */
        int duplicates() {
            return duplicates;
        }

        /** The route completed for the reports: closing confirms them. */
        void succeeded() {
            succeeded = true;
        }

        @Override
        public void close() {
            held.forEach(succeeded ? ReportClaims.this::confirm : ReportClaims.this::giveBack);
        }
    }
}
