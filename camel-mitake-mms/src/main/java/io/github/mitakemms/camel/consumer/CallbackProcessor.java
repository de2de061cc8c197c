package io.github.mitakemms.camel.consumer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.github.mitakemms.camel.model.DeliveryReport;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers one callback request of the gateway. In order: the source must be allowed (403), the method POST (405), the
 * body at most maxBodySize bytes (413) and a callback of delivery reports (400). Then the reports are routed, one
 * exchange each or all in one exchange, and the answer is 200 only when every exchange completed without exception; 500
 * when any failed, so that the gateway sends the callback again. With an idempotent repository, reports processed
 * already are acknowledged without being routed again.
 */
final class CallbackProcessor implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(CallbackProcessor.class);
    private static final long REFUSAL_WARNING_INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final SourceFilter sources;
    private final boolean trustForwardedFor;
    private final int maxBodySize;
    private final boolean splitReports;
    private final ReportClaims claims;
    private final ReportRoute route;
    private final AtomicLong lastRefusalWarning = new AtomicLong();

    CallbackProcessor(SourceFilter sources, boolean trustForwardedFor, int maxBodySize, boolean splitReports,
                      ReportClaims claims, ReportRoute route) {
        this.sources = sources;
        this.trustForwardedFor = trustForwardedFor;
        this.maxBodySize = maxBodySize;
        this.splitReports = splitReports;
        this.claims = claims;
        this.route = route;
    }

    @Override
    public void process(Exchange httpExchange) {
        int status;
        String text;
        try {
            List<DeliveryReport> reports = accept(httpExchange);
            Outcome outcome = splitReports ? routeEach(reports) : routeAll(reports);
            if (outcome.failed == 0) {
                status = 200;
                text = "OK: " + outcome.routed + " delivery report(s) processed"
                       + (outcome.duplicates > 0 ? ", " + outcome.duplicates + " duplicate(s) skipped" : "");
                LOG.debug("Callback of {} delivery report(s) answered 200: {} routed, {} duplicate(s)", reports.size(),
                        outcome.routed, outcome.duplicates);
            } else {
                status = 500;
                text = "Error: " + outcome.failed + " of " + reports.size()
                       + " delivery report(s) could not be processed; send the callback again";
                LOG.warn("{} of {} delivery report(s) of a callback failed in the route; answered 500 so that the gateway"
                         + " sends it again. First failure: {}",
                        outcome.failed, reports.size(), describe(outcome.firstFailure));
            }
        } catch (CallbackRejectedException e) {
            status = e.getStatusCode();
            text = reasonPhrase(status) + ": " + e.getMessage();
            logRefusal(status, e.getMessage());
        } catch (Exception | LinkageError e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            status = 500;
            text = "Error: the callback could not be processed; send it again";
            LOG.warn("Callback request answered 500: {}", describe(e), e);
        }
        CallbackResponse.write(httpExchange, status, text);
    }

    /**
     * Refusals are logged at WARN at most once a minute, the others at DEBUG, so that a flood of bad requests cannot
     * flood the log.
     */
    private void logRefusal(int status, String reason) {
        long now = System.nanoTime();
        long last = lastRefusalWarning.get();
        boolean warn = status != 405 && (last == 0 || now - last >= REFUSAL_WARNING_INTERVAL_NANOS)
                       && lastRefusalWarning.compareAndSet(last, now);
        if (warn) {
            LOG.warn("Callback request refused with {}: {} (further refusals within a minute are logged at DEBUG)",
                    status, reason);
        } else {
            LOG.debug("Callback request refused with {}: {}", status, reason);
        }
    }

    private List<DeliveryReport> accept(Exchange httpExchange) throws Exception {
        if (!sources.allowsAll()) {
            String source = SourceAddress.of(httpExchange, trustForwardedFor);
            if (source == null) {
                throw new CallbackRejectedException(
                        403, "the source address of the request is unknown, so it cannot be checked against allowedSources");
            }
            if (!sources.allows(source)) {
                throw new CallbackRejectedException(403, "source " + source + " is not in allowedSources");
            }
        }
        String method = httpExchange.getMessage().getHeader(Exchange.HTTP_METHOD, String.class);
        if (method != null && !"POST".equalsIgnoreCase(method)) {
            throw new CallbackRejectedException(405, "method " + method + " is not allowed; the callback takes POST");
        }
        byte[] body = CallbackBody.read(httpExchange.getMessage(), maxBodySize);
        return ReportReader.read(body);
    }

    /** One exchange per report; every report is tried, even after one failed. */
    private Outcome routeEach(List<DeliveryReport> reports) throws InterruptedException {
        Outcome outcome = new Outcome();
        for (DeliveryReport report : reports) {
            ReportClaims.Claim claim = null;
            if (claims != null) {
                try {
                    claim = claims.claim(ReportClaims.key(report));
                } catch (RuntimeException e) {
                    outcome.fail(e);
                    continue;
                }
                if (claim == null) {
                    outcome.duplicates++;
                    continue;
                }
            }
            Exception failure = null;
            boolean completed = false;
            try {
                failure = route.run(report, ReportBinding.headers(report));
                completed = failure == null;
            } finally {
                if (claim != null) {
                    if (completed) {
                        claims.succeeded(claim);
                    } else {
                        claims.failed(claim);
                    }
                }
            }
            if (failure == null) {
                outcome.routed++;
            } else {
                outcome.fail(failure);
            }
        }
        return outcome;
    }

    /** One exchange whose body is the List of reports not processed yet. */
    private Outcome routeAll(List<DeliveryReport> reports) throws InterruptedException {
        Outcome outcome = new Outcome();
        List<DeliveryReport> toRoute = reports;
        List<ReportClaims.Claim> held = new ArrayList<>();
        if (claims != null) {
            // the first of equal reports, claimed in key order so that concurrent callbacks never wait on each other
            Map<String, DeliveryReport> unique = new LinkedHashMap<>();
            for (DeliveryReport report : reports) {
                unique.putIfAbsent(ReportClaims.key(report), report);
            }
            outcome.duplicates = reports.size() - unique.size();
            Set<String> claimed = new HashSet<>();
            try {
                for (String key : new TreeSet<>(unique.keySet())) {
                    ReportClaims.Claim claim = claims.claim(key);
                    if (claim == null) {
                        outcome.duplicates++;
                    } else {
                        held.add(claim);
                        claimed.add(key);
                    }
                }
            } catch (RuntimeException | InterruptedException e) {
                held.forEach(claims::failed);
                throw e;
            }
            toRoute = new ArrayList<>();
            for (Map.Entry<String, DeliveryReport> entry : unique.entrySet()) {
                if (claimed.contains(entry.getKey())) {
                    toRoute.add(entry.getValue());
                }
            }
            if (toRoute.isEmpty()) {
                return outcome;
            }
        }
        Exception failure = null;
        boolean completed = false;
        try {
            failure = route.run(List.copyOf(toRoute), Map.of());
            completed = failure == null;
        } finally {
            for (ReportClaims.Claim claim : held) {
                if (completed) {
                    claims.succeeded(claim);
                } else {
                    claims.failed(claim);
                }
            }
        }
        if (failure == null) {
            outcome.routed = toRoute.size();
        } else {
            outcome.failed = toRoute.size();
            outcome.firstFailure = failure;
        }
        return outcome;
    }

    private static String reasonPhrase(int status) {
        switch (status) {
            case 400:
                return "Bad Request";
            case 403:
                return "Forbidden";
            case 405:
                return "Method Not Allowed";
            case 413:
                return "Payload Too Large";
            default:
                return "Error";
        }
    }

    private static String describe(Throwable e) {
        if (e == null) {
            return "unknown";
        }
        return e.getClass().getName() + (e.getMessage() != null ? ": " + e.getMessage() : "");
    }

    private static final class Outcome {
        int routed;
        int duplicates;
        int failed;
        Throwable firstFailure;

        void fail(Throwable e) {
            failed++;
            if (firstFailure == null) {
                firstFailure = e;
            }
        }
    }
}
