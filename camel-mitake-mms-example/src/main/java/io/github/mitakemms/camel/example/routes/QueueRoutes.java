package io.github.mitakemms.camel.example.routes;

import io.github.mitakemms.camel.MitakeMmsConstants;
import io.github.mitakemms.camel.example.CampaignService;
import io.github.mitakemms.camel.exception.MitakeMmsException;
import io.github.mitakemms.camel.exception.MitakeMmsRetryableException;
import org.apache.camel.builder.RouteBuilder;

/**
 * The JMS pipeline's batches (example.source=jms): each batch of recipients becomes one message on a queue; a
 * transacted consumer pushes it and records the answer, and the message is taken off the queue only when that is done.
 * <p>
 * Exactly-once sends: the push derives every cID from the batch's own key ({@code cidSeed}), the destination's
 * position and number. Whatever happens between the push and the commit (a crash, a rollback, a database error), the
 * message comes back, the same cIDs are sent, and the gateway answers them with its earlier answer instead of sending
 * again. The batch key is also the broker's duplicate-detection id, so a campaign queued twice (the application
 * stopped before its folder was archived) is on the queue once.
 */
public class QueueRoutes extends RouteBuilder {

    /** JMS property: the batch's own key, campaign id and batch number. */
    public static final String BATCH_KEY = "batchKey";
    /** JMS property: ActiveMQ Artemis's duplicate-detection id. */
    public static final String DUPLICATE_ID = "_AMQ_DUPL_ID";

    @Override
    public void configure() {
        from(CampaignRoutes.BATCH)
                .routeId("queue-batch")
                .bean("campaigns", "queueBatch")
                .marshal().json()
                // JMS properties are Strings and numbers: keep only the batch's own
                .removeHeaders("*", BATCH_KEY, CampaignService.CAMPAIGN_ID, CampaignService.BATCH_SIZE)
                .setHeader(DUPLICATE_ID, header(BATCH_KEY))
                .to("jms:queue:{{example.jms.queue}}")
                .bean("monitor", "queued(${exchangeProperty." + CampaignService.CAMPAIGN_ID + "}, ${header."
                                 + CampaignService.BATCH_SIZE + "})");

        // transacted: the message is acknowledged when the route completes, rolled back when it fails; one connection
        // and consumer kept per listener thread (with a transaction manager Spring would otherwise open one per message)
        from("jms:queue:{{example.jms.queue}}?transacted=true&concurrentConsumers={{example.jms.consumers}}"
             + "&cacheLevelName=CACHE_CONSUMER")
                .routeId("push-from-queue")
                // I/O error, timeout, HTTP 5xx, 1007 or 9999: the transaction rolls back and the broker delivers the
                // message again (after its redelivery delay), with the same cIDs
                .onException(MitakeMmsRetryableException.class)
                    .onWhen(simple("${header.JMSXDeliveryCount} < {{example.jms.max-deliveries}}"))
                    .handled(false)
                .end()
                // refused as a whole (validation, credentials, points...) or still failing after max-deliveries: the
                // message goes to the dead-letter queue, with the cIDs it was sent with, and its recipients are
                // recorded as not sent. A resend from there (the header assigns the same cIDs) is answered by the
                // gateway from memory for whatever went out.
                .onException(MitakeMmsException.class).handled(true)
                    .bean("campaigns", "failedRows")
                    .to("sql:classpath:sql/record-failed-push.sql?batch=true")
                    .bean("campaigns", "deadLetter")
                    .removeHeaders("*", BATCH_KEY, CampaignService.CAMPAIGN_ID, CampaignService.BATCH_SIZE,
                            MitakeMmsConstants.CIDS)
                    .to("jms:queue:{{example.jms.dead-letter-queue}}")
                .end()
                .setProperty(CampaignService.QUEUED_BODY, body())
                .unmarshal().json()
                .bean("campaigns", "unqueueBatch")
                // cidSeed is a Simple expression the producer evaluates per message: not a placeholder
                .to("mitake-mms:push?cidSeed=${header." + BATCH_KEY + "}")
                .to(CampaignRoutes.RECORD_PUSH);
    }
}
