package io.github.mitakemms.camel.example;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.mitakemms.camel.example.broker.EmbeddedBroker;
import io.github.mitakemms.camel.example.simulator.GatewayLedger;
import io.github.mitakemms.camel.example.simulator.GatewaySimulator;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.MainListenerSupport;
import org.apache.camel.main.MainSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The JMS pipeline killed mid-campaign, between a push and its commit, then started again on the same broker journal
 * and database: every recipient accounted for exactly once, and the gateway sent nothing twice.
 * <p>
 * The sample campaign (1,234 recipients) goes in batches of 100: 13 messages on the queue. The first run's consumer
 * pushes three of them; the fourth it pushes, then, before recording the answer and committing, the broker dies under
 * it (as it does when the process is killed: the broker runs in the process) and the run is stopped. The second run
 * starts the broker from the same journal, finds the fourth batch back on the queue with the nine others, and pushes it
 * again with the same cIDs (derived from the batch's key): the gateway answers them from memory.
 */
class CrashRecoveryTest {

    private static final int CRASH_AT = 4;

    @TempDir
    Path work;

    private GatewaySimulator gateway;

    @AfterEach
    void stopGateway() {
        if (gateway != null) {
            gateway.close();
        }
    }

    @Test
    void killedBetweenPushAndCommitThenRestartedSendsEveryMessageOnce() throws Exception {
        int port = ExampleApplication.freePort();
        gateway = GatewaySimulator.start(0, List.of("http://127.0.0.1:" + port + "/mitake-mms/callback"), false);
        Map<String, String> settings = new HashMap<>();
        settings.put("example.work-dir", work.toString());
        settings.put("example.source", "jms");
        settings.put("example.batch-size", "100");
        settings.put("camel.server.port", String.valueOf(port));
        settings.put("example.simulator.base-url", gateway.baseUrl());
        settings.put("example.timeout-seconds", "120");
        // the database outlives the runs, as a database server would: held open by the test, so that the two runs and
        // the test share one H2 instance rather than close and reopen its file within a second
        String database = "jdbc:h2:retry:" + work.resolve("db").resolve("mitake");
        settings.put("example.db.url", database);
        try (Connection keeper = DriverManager.getConnection(database, "sa", "")) {
            crashAndRestart(settings);
        }
    }

    private void crashAndRestart(Map<String, String> settings) throws Exception {

        // first run: the fourth batch is pushed, then the process "dies" before its answer is recorded and committed
        CrashAfterPush crash = new CrashAfterPush();
        CompletableFuture<ExampleApplication.Result> first = CompletableFuture.supplyAsync(() -> run(settings, crash));
        assertThat(crash.pushedBeforeCrash.await(90, TimeUnit.SECONDS)).as("the fourth push").isTrue();
        // the whole campaign was queued (its folder archived) before the crash
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.isDirectory(work.resolve("done"))
                                                          && Files.list(work.resolve("done")).count() == 1);
        crash.main.getCamelContext().getRegistry().lookupByNameAndType("broker", EmbeddedBroker.class).stop();
        crash.release.countDown();
        crash.main.completed();
        ExampleApplication.Result crashed = first.get(60, TimeUnit.SECONDS);
        assertThat(crashed.exitCode()).isEqualTo(1);
        assertThat(crashed.pushCalls()).isEqualTo(CRASH_AT - 1);
        GatewayLedger.Counts atCrash = gateway.counts();
        assertThat(atCrash.pushCalls()).isEqualTo(CRASH_AT);
        try (Connection c = DriverManager.getConnection(crashed.databaseUrl(), "sa", "");
             Statement st = c.createStatement()) {
            // the fourth batch went out, and nothing of it is recorded
            assertThat(ExampleApplicationTest.one(st, "select count(*) from sent_message")).isEqualTo((CRASH_AT - 1) * 100);
        }

        // second run, same journal and database: it follows the campaign the first run left, and finishes it (no new
        // sample campaign this time)
        settings.put("example.sample-campaign", "false");
        ExampleApplication.Result result = run(settings);
        assertThat(result.exitCode()).isZero();
        assertThat(result.summaries()).hasSize(1);
        ExampleApplicationTest.assertSampleSummary(result.summaries().get(0));
        assertThat(result.summaries().get(0).batches()).isEqualTo(13);
        // (callbacks posted while no run was up are lost: their final reports come by queryBatchDR)
        ExampleApplicationTest.assertDatabase(result.databaseUrl(), 13, 100, false);
        // the fourth batch again and the nine others: 10 pushes, of which the fourth answered from memory
        assertThat(result.pushCalls()).isEqualTo(13 - CRASH_AT + 1);

        GatewayLedger.Counts counts = gateway.counts();
        assertThat(counts.pushCalls()).isEqualTo(14);
        assertThat(counts.sent()).isEqualTo(1231);
        assertThat(counts.refused()).isEqualTo(3);
        assertThat(counts.repeatedCids()).isEqualTo(100);
        assertThat(counts.duplicateSends()).isZero();
        System.out.printf("crash test: %d push calls, %d messages sent, %d cIDs answered from memory, %d duplicate "
                          + "sends, %d recipients accounted for%n", counts.pushCalls(), counts.sent(),
                counts.repeatedCids(), counts.duplicateSends(), result.summaries().get(0).recipients());
    }

    private static ExampleApplication.Result run(Map<String, String> settings, MainListenerSupport... listeners) {
        try {
            return ExampleApplication.run(settings, listeners);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Halts the queue's consumer after its CRASH_AT-th push, before the answer is recorded and committed. */
    static final class CrashAfterPush extends MainListenerSupport {

        final CountDownLatch pushedBeforeCrash = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final AtomicInteger pushes = new AtomicInteger();
        volatile MainSupport main;

        @Override
        public void afterConfigure(BaseMainSupport main) {
            this.main = (MainSupport) main;
            try {
                AdviceWith.adviceWith(main.getCamelContext(), "push-from-queue", a -> a.weaveByToUri("mitake-mms:push*")
                        .after().process(exchange -> {
                            if (pushes.incrementAndGet() == CRASH_AT) {
                                pushedBeforeCrash.countDown();
                                release.await();
                                throw new IllegalStateException("the process died here");
                            }
                        }));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
