package io.github.mitakemms.camel.example.routes;

import io.github.mitakemms.camel.example.ReportService;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.dao.DuplicateKeyException;

/**
 * Delivery reports, from the gateway's callback or from a reconciliation query, stored in delivery_report (each status
 * of a message once) and, when final, on the message's row in sent_message.
 */
public class DeliveryReportRoutes extends RouteBuilder {

    /** The one writer of reports. */
    public static final String STORE = "seda:store-reports";

    @Override
    public void configure() {
        // a callback carries up to hundreds of reports: take them as one List and store them in one JDBC batch.
        // The gateway gets its 200 once they are stored, a 500 (and sends them again) if storing failed. The idempotent
        // repository (a table shared by every instance of the application) drops reports stored already.
        from("mitake-mms:callback?path={{example.callback-path}}&allowedSources={{example.callback-allowed-sources}}"
             + "&splitReports=false&idempotentRepository=#reportIds")
                .routeId("delivery-reports")
                .setHeader(ReportService.SOURCE, constant(ReportService.CALLBACK))
                .to(STORE + "?waitForTaskToComplete=Always");

        // one writer per instance: a report coming by callback and by reconciliation at the same moment is stored once
        from(STORE + "?concurrentConsumers=1")
                .routeId("store-reports")
                // another instance stored one of these reports between our check and our insert: once more, and what
                // is stored already is left out
                .onException(DuplicateKeyException.class).maximumRedeliveries(3).redeliveryDelay(100).end()
                .bean("reports", "rows")
                .filter(simple("${body.size()} > 0"))
                    .to("sql:classpath:sql/insert-reports.sql?batch=true")
                    .setBody(method("reports", "finalRows"))
                    .filter(simple("${body.size()} > 0"))
                        .to("sql:classpath:sql/apply-final-reports.sql?batch=true")
                    .end()
                .end();
    }
}
