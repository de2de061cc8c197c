package io.github.mitakemms.camel.example.routes;

import io.github.mitakemms.camel.MitakeMmsConstants;
import io.github.mitakemms.camel.example.ReportService;
import org.apache.camel.builder.RouteBuilder;

/**
 * A timer that asks the gateway (queryBatchDR) for the batches whose messages still lack a final report some time after
 * the push, in case a callback was lost; and the monitor's timer, which shows progress and ends the run.
 */
public class ReconcileRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("timer:reconcile?delay={{example.reconcile.period}}&period={{example.reconcile.period}}")
                .routeId("reconcile")
                .to("sql:classpath:sql/pending-batches.sql")
                .split(body())
                    .setHeader(MitakeMmsConstants.BATCH_ID, simple("${body[BATCH_ID]}"))
                    .log("reconcile: batch ${header." + MitakeMmsConstants.BATCH_ID + "} has ${body[PENDING]} messages "
                         + "without a final report, asking queryBatchDR")
                    .to("mitake-mms:queryBatchDR")
                    .setHeader(ReportService.SOURCE, constant(ReportService.QUERY))
                    .to(DeliveryReportRoutes.STORE + "?waitForTaskToComplete=Always")
                .end();

        from("timer:monitor?delay={{example.monitor.period}}&period={{example.monitor.period}}")
                .routeId("monitor")
                .bean("monitor", "tick");
    }
}
