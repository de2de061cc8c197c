package io.github.mitakemms.camel.consumer;

import java.nio.charset.StandardCharsets;

import io.github.mitakemms.camel.monitoring.MitakeMmsStatistics;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers one callback request of the gateway. In order: the source must be allowed (403), the method POST (405), the
 * body at most maxBodySize bytes (413) and a callback with at least one readable delivery report (400). Then every
 * readable report is routed, and every unreadable one handed to the consumer's exception handler (a resend could not
 * repair it). The answer is 200 only when every readable report was routed without exception; 500 when any failed, so
 * that the gateway sends the callback again. A body refused with 400 or 413 also goes to the exception handler; 403 and
 * 405 are only logged, at WARN at most once a minute, so that a scanner cannot flood the error handler.
 */
final class CallbackProcessor implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(CallbackProcessor.class);

    private final SourceFilter sources;
    private final int maxBodySize;
    private final ReportDispatch dispatch;
    private final ReportSink sink;
    private final RefusalLog refusals = new RefusalLog(LOG);
    private final MitakeMmsStatistics statistics;

    CallbackProcessor(SourceFilter sources, int maxBodySize, ReportDispatch dispatch, ReportSink sink,
                      MitakeMmsStatistics statistics) {
        this.statistics = statistics;
        this.sources = sources;
        this.maxBodySize = maxBodySize;
        this.dispatch = dispatch;
        this.sink = sink;
    }

    @Override
    public void process(Exchange httpExchange) {
        int status;
        String text;
        byte[] body = null;
        try {
            sources.check(httpExchange);
            String method = httpExchange.getMessage().getHeader(Exchange.HTTP_METHOD, String.class);
            if (method != null && !"POST".equalsIgnoreCase(method)) {
                throw new CallbackRejectedException(405, "method " + method + " is not allowed; the callback takes POST");
            }
            body = CallbackBody.read(httpExchange.getMessage(), maxBodySize);
            CallbackReports reports = ReportReader.read(body);
            ReportDispatch.Outcome outcome = dispatch.dispatch(reports.readable());
            statistics.reportsRouted(outcome.routed);
            statistics.duplicatesDropped(outcome.duplicates);
            handOver(reports);
            int unreadable = reports.unreadable().size();
            if (outcome.failed == 0) {
                status = 200;
                text = "OK: " + outcome.routed + " delivery report(s) processed"
                       + (outcome.duplicates > 0 ? ", " + outcome.duplicates + " duplicate(s) skipped" : "")
                       + (unreadable > 0 ? ", " + unreadable + " unreadable handed to the exception handler" : "");
                LOG.debug("Callback of {} delivery report(s) answered 200: {} routed, {} duplicate(s), {} unreadable",
                        reports.total(), outcome.routed, outcome.duplicates, unreadable);
            } else {
                status = 500;
                text = "Error: " + outcome.failed + " of " + reports.total()
                       + " delivery report(s) could not be processed; send the callback again";
                statistics.error("500", outcome.failed + " of " + reports.total() + " report(s) failed in the route: "
                                        + describe(outcome.firstFailure));
                LOG.warn("{} of {} delivery report(s) of a callback failed in the route; answered 500 so that the gateway"
                         + " sends it again. First failure: {}",
                        outcome.failed, reports.total(), describe(outcome.firstFailure));
            }
        } catch (CallbackRejectedException e) {
            status = e.getHttpStatus();
            text = reasonPhrase(status) + ": " + e.getMessage();
            statistics.error(Integer.toString(status), e.getMessage());
            if (status == 400 || status == 413) {
                // the body that could not be read, for a dead letter channel; never the oversized one
                sink.unroutable("Mitake MMS callback refused with " + status, status == 400 ? refusedBody(body) : null, e);
            } else {
                refusals.refused(status, e.getMessage());
            }
        } catch (Exception | LinkageError e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            status = 500;
            text = "Error: the callback could not be processed; send it again";
            statistics.error("500", describe(e));
            LOG.warn("Callback request answered 500: {}", describe(e), e);
        }
        statistics.callback(status);
        CallbackResponse.write(httpExchange, status, text);
    }

    /** Hands each unreadable report to the exception handler. */
    private void handOver(CallbackReports reports) {
        for (CallbackReports.Unreadable report : reports.unreadable()) {
            sink.unroutable("Unreadable Mitake MMS delivery report not routed", report.json(),
                    new UnreadableReportException(report.index(), report.problem() + " (report " + (report.index() + 1)
                                                                  + " of " + report.of() + " of a callback; its readable"
                                                                  + " reports are routed without it)"));
        }
    }

    /** The refused body as text when it is UTF-8, else as bytes; null when it was not read. */
    private static Object refusedBody(byte[] body) {
        if (body == null) {
            return null;
        }
        return ReportReader.isUtf8(body) ? new String(body, StandardCharsets.UTF_8) : body;
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
}
