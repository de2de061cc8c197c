package io.github.mitakemms.camel.example.routes;

import io.github.mitakemms.camel.example.Recipient;
import io.github.mitakemms.camel.exception.MitakeMmsException;
import io.github.mitakemms.camel.exception.MitakeMmsRetryableException;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.dataformat.bindy.csv.BindyCsvDataFormat;

/**
 * Campaign folders dropped into the inbox: recipients.csv is read, split into batches of at most 500 recipients, and
 * each batch is recorded in sent_message, pushed, and completed with the gateway's answer.
 */
public class CampaignRoutes extends RouteBuilder {

    @Override
    public void configure() {
        BindyCsvDataFormat recipients = new BindyCsvDataFormat(Recipient.class);
        recipients.setUnwrapSingleInstance(false);

        from("file:{{example.inbox}}?recursive=true&minDepth=2&maxDepth=2&include=recipients\\.csv"
             + "&noop=true&idempotent=false&initialDelay=100&delay=500")
                .routeId("campaign")
                // I/O error, timeout, HTTP 5xx, 1007 or 9999: try the push again (with the same cIDs, so the gateway
                // never sends twice); then, as for any other refusal of the whole push, its recipients are not sent
                .onException(MitakeMmsRetryableException.class).maximumRedeliveries(3).redeliveryDelay(1000)
                    .handled(true)
                    .bean("campaigns", "failedRows")
                    .to("sql:update sent_message set accepted = false, push_status = :#status, "
                        + "push_status_desc = :#statusDesc where cid = :#cid?batch=true")
                .end()
                // the push refused as a whole (validation, credentials, points...): its recipients are not sent, the
                // campaign goes on with the next batch
                .onException(MitakeMmsException.class).handled(true)
                    .bean("campaigns", "failedRows")
                    .to("sql:update sent_message set accepted = false, push_status = :#status, "
                        + "push_status_desc = :#statusDesc where cid = :#cid?batch=true")
                .end()
                // a failure the route does not handle ends the campaign: handled once, on the file's exchange
                .onException(Exception.class).onWhen(exchangeProperty("CamelSplitIndex").isNull()).handled(true)
                    .bean("monitor", "campaignFailed(${exchangeProperty.campaignId}, ${header.CamelFileParent}, ${exception})")
                    .bean("campaigns", "archive")
                .end()
                .bean("campaigns", "open")
                .unmarshal(recipients)
                .bean("campaigns", "recipientsRead")
                .to("sql:insert into campaign (campaign_id, folder, subject, recipients) values "
                    + "(:#${exchangeProperty.campaignId}, :#${header.CamelFileParent}, "
                    + ":#${exchangeProperty.campaignSubject}, :#${body.size()})?noop=true")
                // the API takes at most 500 destinations a call
                .split(simple("${collate(500)}")).streaming()
                    .bean("campaigns", "prepareBatch")
                    .to("sql:insert into sent_message (cid, campaign_id, phone, name) "
                        + "values (:#cid, :#campaignId, :#phone, :#name)?batch=true")
                    .setBody(exchangeProperty("pushRequest"))
                    .to("mitake-mms:push")
                    .to("sql:insert into push_batch (batch_id, campaign_id, destinations, accepted, cost_points, "
                        + "account_points) values (:#${header.CamelMitakeMmsBatchId}, :#${exchangeProperty.campaignId}, "
                        + ":#${body.messages.size()}, :#${body.msgIds.size()}, :#${header.CamelMitakeMmsCostPoints}, "
                        + ":#${header.CamelMitakeMmsAccountPoints})?noop=true")
                    .bean("campaigns", "pushedRows")
                    .to("sql:update sent_message set batch_id = :#batchId, msg_id = :#msgId, accepted = :#accepted, "
                        + "push_status = :#status, push_status_desc = :#statusDesc, point = :#point, "
                        + "pushed_at = current_timestamp where cid = :#cid?batch=true")
                    // final reports whose callback came before the push's answer was written
                    .to("sql:update sent_message s set (final_status, final_status_time, reported_at) = "
                        + "(select r.status, r.status_time, r.received_at from delivery_report r where r.batch_id = s.batch_id "
                        + "and r.msg_id = s.msg_id and r.is_final order by r.id limit 1) "
                        + "where s.batch_id = :#${header.CamelMitakeMmsBatchId} and s.final_status is null and exists "
                        + "(select 1 from delivery_report r where r.batch_id = s.batch_id and r.msg_id = s.msg_id "
                        + "and r.is_final)")
                .end()
                .bean("campaigns", "archive");
    }
}
