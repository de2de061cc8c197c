package io.github.mitakemms.camel.consumer;

import java.util.List;
import java.util.Map;

import io.github.mitakemms.camel.model.DeliveryReport;

/**
 * How the readable reports of a callback reach the route, chosen once from the splitReports option: one exchange per
 * report, or one exchange with the List of reports. Either way reports processed already are dropped when the consumer
 * has an idempotent repository, and a report counts as routed only when its exchange completed without exception.
 */
abstract class ReportDispatch {

    final ReportClaims claims;
    final ReportSink sink;

    private ReportDispatch(ReportClaims claims, ReportSink sink) {
        this.claims = claims;
        this.sink = sink;
    }

    static ReportDispatch of(boolean splitReports, ReportClaims claims, ReportSink sink) {
        return splitReports ? new EachReport(claims, sink) : new AllReports(claims, sink);
    }

    abstract Outcome dispatch(List<DeliveryReport> reports) throws InterruptedException;

    /** One exchange per report, body the report, with its headers; every report is tried, even after one failed. */
    private static final class EachReport extends ReportDispatch {

        EachReport(ReportClaims claims, ReportSink sink) {
            super(claims, sink);
        }

        @Override
        Outcome dispatch(List<DeliveryReport> reports) throws InterruptedException {
            Outcome outcome = new Outcome();
            for (DeliveryReport report : reports) {
                try (ReportClaims.Claimed claimed = claims.claim(List.of(report))) {
                    if (claimed.reports().isEmpty()) {
                        outcome.duplicates++;
                        continue;
                    }
                    Exception failure = sink.route(report, ReportBinding.headers(report));
                    if (failure == null) {
                        claimed.succeeded();
                        outcome.routed++;
                    } else {
                        outcome.fail(1, failure);
                    }
                } catch (RuntimeException e) {
                    // the repository could not claim it: the others are still tried
                    outcome.fail(1, e);
                }
            }
            return outcome;
        }
    }

    /** One exchange whose body is the List of the reports not processed yet. */
    private static final class AllReports extends ReportDispatch {

        AllReports(ReportClaims claims, ReportSink sink) {
            super(claims, sink);
        }

        @Override
        Outcome dispatch(List<DeliveryReport> reports) throws InterruptedException {
            Outcome outcome = new Outcome();
            try (ReportClaims.Claimed claimed = claims.claim(reports)) {
                outcome.duplicates = claimed.duplicates();
                List<DeliveryReport> toRoute = claimed.reports();
                if (toRoute.isEmpty()) {
                    return outcome;
                }
                Exception failure = sink.route(toRoute, Map.of());
                if (failure == null) {
                    claimed.succeeded();
                    outcome.routed = toRoute.size();
                } else {
                    outcome.fail(toRoute.size(), failure);
                }
            }
            return outcome;
        }
    }

    /** How the reports of one callback fared in the route. */
    static final class Outcome {

        int routed;
        int duplicates;
        int failed;
        Throwable firstFailure;

        void fail(int reports, Throwable e) {
            failed += reports;
            if (firstFailure == null) {
                firstFailure = e;
            }
        }
    }
}
