package io.github.mitakemms.camel.example.simulator;

import java.lang.reflect.Field;
import java.util.List;
import java.util.concurrent.ExecutorService;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.Slf4jNotifier;
import com.github.tomakehurst.wiremock.core.WireMockApp;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import org.slf4j.LoggerFactory;

/**
 * An embedded simulator of the Mitake MMS gateway: WireMock in this JVM, on the loopback interface, answering from the
 * stub mappings under {@code simulator/mappings} on the classpath (token, push, queryBatchDR, querySingleDR and the
 * refusals of the spec), and posting delivery reports to the application's callback URL after every push.
 */
public final class GatewaySimulator implements AutoCloseable {

    /** The account the simulator knows (see simulator/mappings/token-*.json). */
    public static final String CLIENT_ID = "example";
    public static final String CLIENT_SECRET = "simulator-secret";

    private final WireMockServer server;
    private final GatewayLedger ledger;

    private GatewaySimulator(WireMockServer server, GatewayLedger ledger) {
        this.server = server;
        this.ledger = ledger;
    }

    /**
     * Starts the simulator.
     *
     * @param port        the port to listen on, 0 for a free one
     * @param callbackUrl where the simulated gateway posts delivery reports
     */
    public static GatewaySimulator start(int port, String callbackUrl) {
        return start(port, List.of(callbackUrl), false);
    }

    /**
     * Starts the simulator for one or more instances of the application.
     *
     * @param port          the port to listen on, 0 for a free one
     * @param callbackUrls  where the simulated gateway posts delivery reports, each push's reports to the next in turn
     * @param copyCallbacks whether every callback is posted a second time, to the next instance, as a gateway retrying a
     *                      callback would
     */
    public static GatewaySimulator start(int port, List<String> callbackUrls, boolean copyCallbacks) {
        GatewayLedger ledger = new GatewayLedger(callbackUrls, copyCallbacks, 100_000);
        WireMockConfiguration options = WireMockConfiguration.options()
                .bindAddress("127.0.0.1")
                .usingFilesUnderClasspath("simulator")
                .extensions(ledger)
                .notifier(new Slf4jNotifier(false))
                .containerThreads(20)
                .asynchronousResponseEnabled(false);
        if (port == 0) {
            options.dynamicPort();
        } else {
            options.port(port);
        }
        WireMockServer server = new WireMockServer(options);
        server.start();
        ledger.setSinkUrl(server.baseUrl() + "/simulator/no-callback");
        return new GatewaySimulator(server, ledger);
    }

    /** What the gateway did so far: push calls, messages sent, refused, cIDs answered from memory, duplicate sends. */
    public GatewayLedger.Counts counts() {
        return ledger.counts();
    }

    /** The base URL to give the component, such as http://127.0.0.1:41234. */
    public String baseUrl() {
        return server.baseUrl();
    }

    public WireMockServer server() {
        return server;
    }

    @Override
    public void close() {
        server.stop();
        stopWebhookThreads();
    }

    /**
     * WireMock 3.13 never shuts down the (non-daemon) thread pool of its webhooks, which would keep the JVM, or
     * {@code mvn exec:java}, from ending. Shut it down, or leave it be if WireMock's insides differ.
     */
    private void stopWebhookThreads() {
        try {
            Field app = WireMockServer.class.getDeclaredField("wireMockApp");
            app.setAccessible(true);
            Object webhooks = ((WireMockApp) app.get(server)).getExtensions().ofType(ServeEventListener.class)
                    .get("webhook");
            if (webhooks != null) {
                Field scheduler = webhooks.getClass().getDeclaredField("scheduler");
                scheduler.setAccessible(true);
                ((ExecutorService) scheduler.get(webhooks)).shutdownNow();
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            LoggerFactory.getLogger(GatewaySimulator.class).debug("Cannot stop the simulator's webhook threads", e);
        }
    }
}
