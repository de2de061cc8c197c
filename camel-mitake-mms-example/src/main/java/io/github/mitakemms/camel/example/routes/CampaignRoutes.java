package io.github.mitakemms.camel.example.routes;

import io.github.mitakemms.camel.example.CampaignService;
import io.github.mitakemms.camel.example.Recipient;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.dataformat.bindy.csv.BindyCsvDataFormat;

/**
 * Campaign folders dropped into the inbox: recipients.csv is read and split into batches of at most
 * {@code example.batch-size} recipients (500, the most one API call takes), and each batch goes to
 * {@value #BATCH}: {@link PushRoutes} pushes it, or {@link QueueRoutes} puts it on a queue whose consumer pushes it.
 * Either way the gateway's answer is recorded by {@value #RECORD_PUSH}, with statements keyed by cID and batchID, so
 * that recording the same answer twice (a push repeated after a crash) changes nothing.
 */
public class CampaignRoutes extends RouteBuilder {

    /** Where each batch of recipients goes. */
    public static final String BATCH = "direct:batch";
    /** Where the gateway's answer to a push is recorded. */
    public static final String RECORD_PUSH = "direct:record-push";

    @Override
    public void configure() {
        BindyCsvDataFormat recipients = new BindyCsvDataFormat(Recipient.class);
        recipients.setUnwrapSingleInstance(false);

        from("file:{{example.inbox}}?recursive=true&minDepth=2&maxDepth=2&include=recipients\\.csv"
             + "&noop=true&idempotent=false&initialDelay=100&delay=500")
                .routeId("campaign")
                // a failure the batch's route does not handle ends the campaign: handled once, on the file's exchange
                .onException(Exception.class).onWhen(exchangeProperty(Exchange.SPLIT_INDEX).isNull()).handled(true)
                    .bean("monitor", "campaignFailed(${exchangeProperty." + CampaignService.CAMPAIGN_ID + "}, "
                                     + "${header." + Exchange.FILE_PARENT + "}, ${exception})")
                    .bean("campaigns", "archive")
                .end()
                .bean("campaigns", "open")
                .unmarshal(recipients)
                .bean("campaigns", "recipientsRead")
                .to("sql:classpath:sql/insert-campaign.sql?noop=true")
                .split(simple("${collate({{example.batch-size}})}")).streaming()
                    .to(BATCH)
                .end()
                .bean("campaigns", "archive");

        // the gateway's answer: the push call, then each recipient's batchID, msgID and status, then the final reports
        // whose callback came before this answer was written
        from(RECORD_PUSH)
                .routeId("record-push")
                .to("sql:classpath:sql/insert-push.sql?noop=true")
                .bean("campaigns", "pushedRows")
                .to("sql:classpath:sql/record-push.sql?batch=true")
                .to("sql:classpath:sql/apply-early-reports.sql");
    }
}
