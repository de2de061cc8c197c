package io.github.mitakemms.camel.example;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.github.mitakemms.camel.example.broker.EmbeddedBroker;
import io.github.mitakemms.camel.example.simulator.GatewayLedger;
import io.github.mitakemms.camel.example.simulator.GatewaySimulator;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.MainListenerSupport;
import org.apache.camel.main.MainSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of the JMS pipeline (two CamelContexts, as two machines would run them) on one broker queue and one
 * database: the gateway posts each push's callback to one instance and a copy to the other (as a gateway retrying a
 * callback would), and the instances share the idempotent repository of reports. The sample campaign (1,234
 * recipients, 13 batches of 100) is read by one instance; both push its batches.
 */
class TwoInstancesTest {

    @TempDir
    Path work;

    private EmbeddedBroker broker;
    private GatewaySimulator gateway;

    @AfterEach
    void stop() throws Exception {
        if (gateway != null) {
            gateway.close();
        }
        if (broker != null) {
            broker.stop();
        }
    }

    @Test
    void twoInstancesOnOneQueueSendEveryMessageOnceAndStoreEveryReportOnce() throws Exception {
        // the shared services: the broker (a process of its own in production), the gateway, the database
        broker = new EmbeddedBroker(work.resolve("broker"), "vm://0", "", "mms.DLQ", 6, 500);
        broker.start();
        int portA = ExampleApplication.freePort();
        int portB = ExampleApplication.freePort();
        gateway = GatewaySimulator.start(0, List.of(callback(portA), callback(portB)), true);
        String database = "jdbc:h2:retry:" + work.resolve("db").resolve("mitake");

        Map<String, String> b = settings("b", portB, database);
        b.put("example.sample-campaign", "false");
        b.put("example.keep-running", "true");
        Started startedB = new Started();
        CompletableFuture<ExampleApplication.Result> instanceB = CompletableFuture.supplyAsync(() -> run(b, startedB));
        assertThat(startedB.started.await(90, TimeUnit.SECONDS)).as("instance B started").isTrue();

        // instance A takes the sample campaign from its inbox and ends when it is complete
        ExampleApplication.Result a = CompletableFuture.supplyAsync(() -> run(settings("a", portA, database)))
                .get(180, TimeUnit.SECONDS);
        startedB.main.completed();
        ExampleApplication.Result resultB = instanceB.get(60, TimeUnit.SECONDS);

        assertThat(a.exitCode()).isZero();
        assertThat(a.summaries()).hasSize(1);
        ExampleApplicationTest.assertSampleSummary(a.summaries().get(0));
        ExampleApplicationTest.assertDatabase(database, 13, 100, true);

        // both instances pushed, and together every batch once
        assertThat(a.pushCalls()).isPositive();
        assertThat(resultB.pushCalls()).isPositive();
        assertThat(a.pushCalls() + resultB.pushCalls()).isEqualTo(13);
        GatewayLedger.Counts counts = gateway.counts();
        assertThat(counts.pushCalls()).isEqualTo(13);
        assertThat(counts.sent()).isEqualTo(1231);
        assertThat(counts.repeatedCids()).isZero();
        assertThat(counts.duplicateSends()).isZero();

        // every report of every callback routed once, though each callback was posted to both instances
        assertThat(a.callbackReports() + resultB.callbackReports()).isEqualTo(1231);
        try (Connection c = DriverManager.getConnection(database, "sa", ""); Statement st = c.createStatement()) {
            // none lost: each callback status (1,211 final, 20 "sent to the carrier") and the 20 finals of queryBatchDR
            assertThat(ExampleApplicationTest.one(st, "select count(*) from delivery_report")).isEqualTo(1251);
            assertThat(ExampleApplicationTest.one(st, "select count(*) from delivery_report where status = '2'"))
                    .isEqualTo(20);
        }
        System.out.printf("two-instance test: batches pushed by A %d, by B %d; %d messages sent, %d duplicate sends; "
                          + "callback reports routed by A %d, by B %d (each callback posted to both)%n", a.pushCalls(),
                resultB.pushCalls(), counts.sent(), counts.duplicateSends(), a.callbackReports(),
                resultB.callbackReports());
    }

    private Map<String, String> settings(String instance, int port, String database) {
        Map<String, String> settings = new HashMap<>();
        settings.put("example.work-dir", work.resolve(instance).toString());
        settings.put("example.db.url", database);
        settings.put("example.source", "jms");
        settings.put("example.jms.embedded-broker", "false");
        settings.put("example.batch-size", "100");
        settings.put("camel.server.port", String.valueOf(port));
        settings.put("example.simulator.base-url", gateway.baseUrl());
        settings.put("example.timeout-seconds", "150");
        return settings;
    }

    private static String callback(int port) {
        return "http://127.0.0.1:" + port + "/mitake-mms/callback";
    }

    private static ExampleApplication.Result run(Map<String, String> settings, MainListenerSupport... listeners) {
        try {
            return ExampleApplication.run(settings, listeners);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Tells when an instance has started, and lets the test stop it. */
    static final class Started extends MainListenerSupport {

        final CountDownLatch started = new CountDownLatch(1);
        volatile MainSupport main;

        @Override
        public void afterStart(BaseMainSupport main) {
            this.main = (MainSupport) main;
            started.countDown();
        }
    }
}
