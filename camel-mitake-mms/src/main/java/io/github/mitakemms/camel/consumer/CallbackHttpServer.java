package io.github.mitakemms.camel.consumer;

import java.util.HashMap;

import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.spi.RestConfiguration;
import org.apache.camel.spi.RestConsumerFactory;
import org.apache.camel.support.service.ServiceHelper;

/**
 * Serves the callback path through Camel's platform-http, which runs on the HTTP server of the runtime: Vert.x on Camel
 * Main and JBang (camel-platform-http-main), the web server of Spring Boot (camel-platform-http-starter), Vert.x on
 * Quarkus (camel-quarkus-platform-http). When none is there the route fails to start with a message naming the
 * dependency to add.
 * <p>
 * Why not camel-webhook's shape ({@code WebhookCapableEndpoint}, as camel-telegram and camel-whatsapp): it is made for
 * services whose webhook the component registers and unregisters through their API; Mitake's callback URL is set by
 * Mitake's staff, so both would do nothing. The webhook endpoint would own the consumer, and with it the
 * {@code bridgeErrorHandler} and {@code exceptionHandler} that unreadable reports and refused bodies go to, and its own
 * path options; the route would be written {@code webhook:mitake-mms:callback} and need camel-webhook. What it would
 * take off this class is the lookup of platform-http, some twenty lines.
 */
final class CallbackHttpServer {

    static final String PLATFORM_HTTP = "platform-http";

    static final String MISSING_ENGINE_HINT
            = "mitake-mms:callback receives the reports through Camel's platform-http, which needs the HTTP server of"
              + " the runtime: on Camel Main or JBang add camel-platform-http-main and set camel.server.enabled=true"
              + " (and camel.server.port); on Spring Boot add camel-platform-http-starter (with spring-boot-starter-web);"
              + " on Quarkus add camel-quarkus-platform-http";

    private CallbackHttpServer() {
    }

    /**
     * Starts serving every method on the path (the handler answers 405 to all but POST, with a reason, the same way on
     * every runtime). The path is taken as is: the context-path of the REST configuration is not added to it.
     */
    static Consumer listen(CamelContext context, String path, Processor handler) {
        Consumer consumer = null;
        try {
            RestConsumerFactory factory = platformHttp(context);
            consumer = factory.createConsumer(context, handler, null, path, null, null, null, new RestConfiguration(),
                    new HashMap<>());
            ServiceHelper.startService(consumer);
            return consumer;
        } catch (Exception | LinkageError e) {
            ServiceHelper.stopAndShutdownService(consumer);
            // the path is not in the message: it may be a shared secret
            throw new IllegalStateException(
                    "Cannot listen for Mitake MMS callbacks: " + rootMessage(e) + ". " + MISSING_ENGINE_HINT, e);
        }
    }

    private static RestConsumerFactory platformHttp(CamelContext context) {
        Component component = context.getComponent(PLATFORM_HTTP, true);
        if (component instanceof RestConsumerFactory factory) {
            return factory;
        }
        throw new IllegalStateException(component == null
                ? "the platform-http component is not on the classpath"
                : "the component named platform-http (" + component.getClass().getName() + ") cannot serve HTTP requests");
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.getClass().getName();
    }
}
