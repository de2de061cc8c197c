package io.github.mitakemms.camel.springboot;

import org.apache.camel.builder.RouteBuilder;

/**
 * The routes of the README's Spring Boot section, as written there.
 */
public class MmsRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("direct:mms")                       // a Map {subject, content, to, attachments} or an MmsMessage
            .to("mitake-mms:push")
            .log("Pushed batch ${header.CamelMitakeMmsBatchId}");

        from("mitake-mms:callback")              // served by Spring Boot's web server
            .log("Report of ${header.CamelMitakeMmsMsgId}: ${header.CamelMitakeMmsStatus}")
            .to("direct:report");                // your handling: update a table, notify, ...
    }
}
