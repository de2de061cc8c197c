package io.github.mitakemms.camel.quarkus.it;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.camel.builder.RouteBuilder;

/** The delivery reports of the gateway, received on Quarkus' own HTTP port through camel-quarkus-platform-http. */
@ApplicationScoped
public class CallbackRoutes extends RouteBuilder {

    /** The callback path; the tests post to it. */
    public static final String PATH = "/mitake/callback";

    @Inject
    ReceivedReports reports;

    @Override
    public void configure() {
        from("mitake-mms:callback?path=" + PATH)
                .routeId("mitake-reports")
                .process(reports);
    }
}
