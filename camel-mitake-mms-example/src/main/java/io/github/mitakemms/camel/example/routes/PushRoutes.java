package io.github.mitakemms.camel.example.routes;

import io.github.mitakemms.camel.example.CampaignService;
import io.github.mitakemms.camel.exception.MitakeMmsException;
import io.github.mitakemms.camel.exception.MitakeMmsRetryableException;
import org.apache.camel.builder.RouteBuilder;

/**
 * The file pipeline's batches (example.source=file): each batch is recorded in sent_message with a cID per recipient,
 * pushed, and completed with the gateway's answer.
 */
public class PushRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from(CampaignRoutes.BATCH)
                .routeId("push-batch")
                // I/O error, timeout, HTTP 5xx, 1007 or 9999: try the push again (with the same cIDs, so the gateway
                // never sends twice); then, as for any other refusal of the whole push, its recipients are not sent
                .onException(MitakeMmsRetryableException.class).maximumRedeliveries(3).redeliveryDelay(1000)
                    .handled(true)
                    .bean("campaigns", "failedRows")
                    .to("sql:classpath:sql/record-failed-push.sql?batch=true")
                .end()
                // the push refused as a whole (validation, credentials, points...): its recipients are not sent, the
                // campaign goes on with the next batch
                .onException(MitakeMmsException.class).handled(true)
                    .bean("campaigns", "failedRows")
                    .to("sql:classpath:sql/record-failed-push.sql?batch=true")
                .end()
                .bean("campaigns", "prepareBatch")
                .to("sql:classpath:sql/insert-batch.sql?batch=true")
                .setBody(exchangeProperty(CampaignService.PUSH_REQUEST))
                .to("mitake-mms:push")
                .to(CampaignRoutes.RECORD_PUSH);
    }
}
