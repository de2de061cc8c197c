package io.github.mitakemms.camel.karaf.it.route;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.karaf.core.OsgiDefaultCamelContext;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/**
 * The test's route in Karaf: every file dropped in the inbox is pushed as one MMS attachment, and the batch id the
 * gateway answered is written to the outbox under the file's name. Gateway URL and folders come from system
 * properties the test gives Karaf.
 *
 * <p>
 * The context is camel-karaf's OsgiDefaultCamelContext, which shares its base with the context camel-blueprint creates
 * for a Blueprint route: it finds mitake-mms through the component resolver camel-core-osgi registers for the
 * camel-mitake-mms bundle.
 */
public class RouteActivator implements BundleActivator {

    private CamelContext camel;

    @Override
    public void start(BundleContext context) throws Exception {
        String baseUrl = required("mitake.it.baseUrl");
        String inbox = required("mitake.it.inbox");
        String outbox = required("mitake.it.outbox");

        CamelContext ctx = new OsgiDefaultCamelContext(context);
        ctx.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("file:" + inbox + "?initialDelay=100&delay=200&move=.done")
                        .routeId("karaf-push")
                        .setHeader("CamelMitakeMmsTo", constant("0912345678"))
                        .setHeader("CamelMitakeMmsSubject", constant("Karaf"))
                        .to("mitake-mms:push?baseUrl=" + baseUrl + "&clientId=karaf-it&clientSecret=RAW(karaf-it-secret)")
                        .setBody(header("CamelMitakeMmsBatchId"))
                        .to("file:" + outbox);
            }
        });
        ctx.start();
        camel = ctx;
    }

    @Override
    public void stop(BundleContext context) {
        if (camel != null) {
            camel.stop();
            camel = null;
        }
    }

    private static String required(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + name + " is not set");
        }
        return value;
    }
}
