package io.github.mitakemms.camel.karaf.it.route;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.wiring.BundleWiring;

/**
 * The test's route in Karaf: every file dropped in the inbox is pushed as one MMS attachment, and the batch id the
 * gateway answered is written to the outbox under the file's name. Gateway URL and folders come from system
 * properties the test gives Karaf.
 *
 * <p>
 * camel-karaf's camel-core-osgi is what points Camel at the component bundles of a Karaf; its 4.14 build cannot run on
 * this test's Camel, so this activator does the one thing the route needs from it: Camel looks classes and
 * META-INF/services files up in the camel-mitake-mms bundle first, then in Camel's own.
 */
public class RouteActivator implements BundleActivator {

    static final String COMPONENT_BUNDLE = "io.github.mitakemms.camel-mitake-mms";

    private CamelContext camel;

    @Override
    public void start(BundleContext context) throws Exception {
        String baseUrl = required("mitake.it.baseUrl");
        String inbox = required("mitake.it.inbox");
        String outbox = required("mitake.it.outbox");

        Bundle component = null;
        for (Bundle bundle : context.getBundles()) {
            if (COMPONENT_BUNDLE.equals(bundle.getSymbolicName())) {
                component = bundle;
            }
        }
        if (component == null || component.adapt(BundleWiring.class) == null) {
            throw new IllegalStateException("bundle " + COMPONENT_BUNDLE + " is not installed and resolved");
        }
        ClassLoader componentLoader = component.adapt(BundleWiring.class).getClassLoader();

        DefaultCamelContext ctx = new DefaultCamelContext();
        ctx.setApplicationContextClassLoader(componentLoader);
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
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(componentLoader);
        try {
            ctx.start();
        } finally {
            thread.setContextClassLoader(previous);
        }
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
