package io.github.mitakemms.camel.example.routes;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.dao.DuplicateKeyException;

/**
 * Delivery reports, from the gateway's callback or from a reconciliation query, stored in delivery_report (each status
 * of a message once) and, when final, on the message's row in sent_message.
 */
public class DeliveryReportRoutes extends RouteBuilder {

    @Override
    public void configure() {
        // one exchange per report; the gateway gets its 200 once the report is stored
        from("mitake-mms:callback?path={{example.callback-path}}&allowedSources={{example.callback-allowed-sources}}")
                .routeId("delivery-reports")
                .setHeader("reportSource", constant("callback"))
                .to("direct:store-report");

        from("direct:store-report")
                .routeId("store-report")
                .bean("reports", "classify")
                // the same report may come by callback and by reconciliation at the same moment: store it once
                .doTry()
                    .to("sql:insert into delivery_report (batch_id, msg_id, status, status_time, point, is_final, source) "
                        + "select cast(:#${header.CamelMitakeMmsBatchId} as varchar), cast(:#${header.CamelMitakeMmsMsgId} as varchar), "
                        + "cast(:#${header.CamelMitakeMmsStatus} as varchar), cast(:#${header.CamelMitakeMmsStatusTime} as varchar), "
                        + "cast(:#${header.CamelMitakeMmsPoint} as int), cast(:#${header.reportFinal} as boolean), "
                        + "cast(:#${header.reportSource} as varchar) from dual where not exists (select 1 from delivery_report "
                        + "where batch_id = :#${header.CamelMitakeMmsBatchId} and msg_id = :#${header.CamelMitakeMmsMsgId} "
                        + "and status = :#${header.CamelMitakeMmsStatus})?noop=true")
                .doCatch(DuplicateKeyException.class)
                    .log(LoggingLevel.DEBUG, "report ${header.CamelMitakeMmsMsgId} ${header.CamelMitakeMmsStatus} already stored")
                .end()
                .filter(header("reportFinal"))
                    .to("sql:update sent_message set final_status = :#${header.CamelMitakeMmsStatus}, "
                        + "final_status_time = :#${header.CamelMitakeMmsStatusTime}, reported_at = current_timestamp "
                        + "where batch_id = :#${header.CamelMitakeMmsBatchId} and msg_id = :#${header.CamelMitakeMmsMsgId} "
                        + "and final_status is null?noop=true")
                .end();
    }
}
