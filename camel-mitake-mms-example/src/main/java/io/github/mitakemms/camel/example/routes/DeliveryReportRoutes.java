package io.github.mitakemms.camel.example.routes;

import org.apache.camel.builder.RouteBuilder;

/**
 * Delivery reports, from the gateway's callback or from a reconciliation query, stored in delivery_report (each status
 * of a message once) and, when final, on the message's row in sent_message.
 */
public class DeliveryReportRoutes extends RouteBuilder {

    @Override
    public void configure() {
        // a callback carries up to hundreds of reports: take them as one List and store them in one JDBC batch.
        // The gateway gets its 200 once they are stored, a 500 (and sends them again) if storing failed.
        from("mitake-mms:callback?path={{example.callback-path}}&allowedSources={{example.callback-allowed-sources}}"
             + "&splitReports=false")
                .routeId("delivery-reports")
                .setHeader("reportSource", constant("callback"))
                .to("seda:store-reports?waitForTaskToComplete=Always");

        // one writer: a report coming by callback and by reconciliation at the same moment is stored once
        from("seda:store-reports?concurrentConsumers=1")
                .routeId("store-reports")
                .bean("reports", "rows")
                .filter(simple("${body.size()} > 0"))
                    .to("sql:insert into delivery_report (batch_id, msg_id, status, status_time, point, is_final, source) "
                        + "select cast(:#batchId as varchar), cast(:#msgId as varchar), cast(:#status as varchar), "
                        + "cast(:#statusTime as varchar), cast(:#point as int), cast(:#final as boolean), "
                        + "cast(:#source as varchar) from dual where not exists (select 1 from delivery_report "
                        + "where batch_id = :#batchId and msg_id = :#msgId and status = :#status)?batch=true")
                    .setBody(method("reports", "finalRows"))
                    .filter(simple("${body.size()} > 0"))
                        .to("sql:update sent_message set final_status = :#status, final_status_time = :#statusTime, "
                            + "reported_at = current_timestamp where batch_id = :#batchId and msg_id = :#msgId "
                            + "and final_status is null?batch=true")
                    .end()
                .end();
    }
}
