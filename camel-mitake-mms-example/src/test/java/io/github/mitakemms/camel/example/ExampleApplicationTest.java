package io.github.mitakemms.camel.example;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs the example as a user would, with its simulator, on free ports and in a fresh folder, and checks what it
 * printed and stored: every recipient of the sample campaign accounted for, as the sample's markers say.
 * <p>
 * The sample (src/main/resources/sample-campaign/recipients.csv) has 1,234 recipients: 3 landline numbers the gateway
 * refuses (2011), 12 numbers ending in 404 (final 2001), 5 ending in 408 (final 2003) and 20 ending in 777 whose
 * callback only says 2, so that only the reconciliation's queryBatchDR finds their final 0.
 */
class ExampleApplicationTest {

    @TempDir
    Path work;

    @BeforeEach
    void noRealAccount() {
        assumeTrue(System.getenv("MITAKE_BASE_URL") == null || System.getenv("MITAKE_CLIENT_ID") == null
                   || System.getenv("MITAKE_CLIENT_SECRET") == null,
                "a real Mitake account is configured in the environment: the example would not use its simulator");
    }

    @Test
    void sampleCampaignAgainstTheSimulatorWithTheJavaRoutes() throws Exception {
        ExampleApplication.Result result = ExampleApplication.run(settings("java"));
        assertSampleCampaign(result);
        assertDatabase(result.databaseUrl());
    }

    @Test
    void sampleCampaignAgainstTheSimulatorWithTheYamlRoutes() throws Exception {
        ExampleApplication.Result result = ExampleApplication.run(settings("yaml"));
        assertSampleCampaign(result);
    }

    @Test
    void sampleCampaignThroughTheJmsQueue() throws Exception {
        Map<String, String> settings = new java.util.HashMap<>(settings("java"));
        settings.put("example.source", "jms");
        ExampleApplication.Result result = ExampleApplication.run(settings);
        assertSampleCampaign(result);
        assertDatabase(result.databaseUrl());
        // every message sent once: as many as accepted, no cID sent twice, no number sent twice
        assertThat(result.gateway().sent()).isEqualTo(1231);
        assertThat(result.gateway().refused()).isEqualTo(3);
        assertThat(result.gateway().duplicateSends()).isZero();
    }

    @Test
    void ownCampaignsDroppedIntoTheInbox() throws Exception {
        Path inbox = work.resolve("inbox");
        Path one = Files.createDirectories(inbox.resolve("one-recipient"));
        Files.writeString(one.resolve("campaign.properties"), "subject = Hello\ntext = One line\nimage = banner.png\n");
        Files.writeString(one.resolve("recipients.csv"), "phone,name,note\n0911000404,A,number error\n");
        try (var png = ExampleApplication.class.getResourceAsStream("/sample-campaign/spring-sale.png")) {
            Files.write(one.resolve("banner.png"), png.readAllBytes());
        }
        Path broken = Files.createDirectories(inbox.resolve("no-descriptor"));
        Files.writeString(broken.resolve("recipients.csv"), "phone,name,note\n0911000001,A,\n");

        Map<String, String> settings = new java.util.HashMap<>(settings("java"));
        settings.put("example.sample-campaign", "false");
        ExampleApplication.Result result = ExampleApplication.run(settings);

        // the broken campaign makes the run fail, the other one is complete all the same
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.summaries()).hasSize(1);
        Summary s = result.summaries().get(0);
        assertThat(s.campaignId()).startsWith("one-recipient-");
        assertThat(s.recipients()).isEqualTo(1);
        assertThat(s.failed()).containsExactly(Map.entry("2001", 1));
        assertThat(s.isComplete()).isTrue();
        assertThat(result.workDir().resolve("inbox")).isEmptyDirectory();
        assertThat(Files.list(result.workDir().resolve("failed")).toList()).singleElement()
                .satisfies(f -> assertThat(f.getFileName().toString()).startsWith("no-descriptor"));
    }

    @Test
    void wrongCredentialsRefusedByTheGateway() throws Exception {
        Map<String, String> settings = new java.util.HashMap<>(settings("java"));
        settings.put("example.simulator.client-secret", "not-the-secret");
        ExampleApplication.Result result = ExampleApplication.run(settings);

        // the token call is refused with 1003: no push is made, every recipient is accounted for as not sent
        assertThat(result.exitCode()).isEqualTo(1);
        Summary s = result.summaries().get(0);
        assertThat(s.recipients()).isEqualTo(1234);
        assertThat(s.refused()).containsExactly(Map.entry("1003", 1234));
        assertThat(s.pushFailures()).isEqualTo(1234);
        assertThat(s.batches()).isZero();
        assertThat(s.pointsSpent()).isZero();
        assertThat(s.isComplete()).isTrue();
        assertThat(Files.list(result.workDir().resolve("failed")).toList()).singleElement()
                .satisfies(f -> assertThat(f.getFileName().toString()).startsWith("sample-spring-sale-"));
    }

    @Test
    void wrongCredentialsThroughTheJmsQueueSendTheBatchesToTheDeadLetterQueueWithTheirCids() throws Exception {
        Map<String, String> settings = new java.util.HashMap<>(settings("java"));
        settings.put("example.source", "jms");
        settings.put("example.simulator.client-secret", "not-the-secret");
        DeadLetters deadLetters = new DeadLetters();
        ExampleApplication.Result result = ExampleApplication.run(settings, deadLetters);

        // 1003 cannot succeed on retry: each batch is taken off the queue once, its recipients recorded as not sent
        assertThat(result.exitCode()).isEqualTo(1);
        Summary s = result.summaries().get(0);
        assertThat(s.refused()).containsExactly(Map.entry("1003", 1234));
        assertThat(s.isComplete()).isTrue();
        assertThat(result.gateway().pushCalls()).isZero();
        // and put on the dead-letter queue with the cIDs it would have been sent with, as recorded in the database
        assertThat(deadLetters.cids).hasSize(3);
        List<String> cids = new ArrayList<>();
        deadLetters.cids.forEach(list -> cids.addAll(List.of(list.split(","))));
        assertThat(cids).hasSize(1234).doesNotHaveDuplicates();
        try (Connection c = DriverManager.getConnection(result.databaseUrl(), "sa", "");
             Statement st = c.createStatement()) {
            assertThat(strings(st, "select cid from sent_message")).containsExactlyInAnyOrderElementsOf(cids);
        }
    }

    /** Reads the dead-letter queue before the application stops. */
    static final class DeadLetters extends org.apache.camel.main.MainListenerSupport {

        final List<String> cids = new ArrayList<>();

        @Override
        public void beforeStop(org.apache.camel.main.BaseMainSupport main) {
            jakarta.jms.ConnectionFactory factory = main.getCamelContext().getRegistry()
                    .lookupByNameAndType("connectionFactory", jakarta.jms.ConnectionFactory.class);
            try (jakarta.jms.Connection connection = factory.createConnection()) {
                jakarta.jms.Session session = connection.createSession(false, jakarta.jms.Session.AUTO_ACKNOWLEDGE);
                connection.start();
                var browser = session.createBrowser(session.createQueue("mms.DLQ"));
                for (var e = browser.getEnumeration(); e.hasMoreElements(); ) {
                    cids.add(((jakarta.jms.Message) e.nextElement()).getStringProperty("CamelMitakeMmsCids"));
                }
            } catch (jakarta.jms.JMSException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private Map<String, String> settings(String dsl) throws Exception {
        return Map.of(
                "example.work-dir", work.toString(),
                "example.dsl", dsl,
                "camel.server.port", String.valueOf(ExampleApplication.freePort()),
                "example.timeout-seconds", "120");
    }

    private void assertSampleCampaign(ExampleApplication.Result result) throws Exception {
        // the account's readiness, as /observe/health shows it: the token works and the balance is above the threshold
        assertThat(result.health()).anySatisfy(h -> assertThat(h).startsWith("mitake-mms-producer-").contains(": UP"));
        assertThat(result.exitCode()).isZero();
        assertThat(result.summaries()).hasSize(1);
        Summary s = result.summaries().get(0);
        assertSampleSummary(s);
        assertThat(s.batches()).isEqualTo(3);
        // the campaign folder left the inbox
        assertThat(result.workDir().resolve("inbox")).isEmptyDirectory();
        assertThat(Files.isRegularFile(result.workDir().resolve("done").resolve(s.campaignId()).resolve("recipients.csv")))
                .isTrue();
    }

    /** The sample campaign's figures, whichever way it went. */
    static void assertSampleSummary(Summary s) {
        assertThat(s.campaignId()).startsWith("sample-spring-sale-");
        assertThat(s.subject()).isEqualTo("春季特賣 全館85折");
        assertThat(s.recipients()).isEqualTo(1234);
        assertThat(s.refused()).containsExactly(Map.entry("2011", 3));
        assertThat(s.accepted()).isEqualTo(1231);
        assertThat(s.delivered()).isEqualTo(1214);
        assertThat(s.failed()).containsExactly(Map.entry("2001", 12), Map.entry("2003", 5));
        assertThat(s.pending()).isZero();
        assertThat(s.pointsSpent()).isEqualTo(1231 * 3);
        assertThat(s.isComplete()).isTrue();
        // every final report came by one way or the other; the 20 lost ones only by reconciliation
        int byCallback = s.finalReportsBySource().getOrDefault("callback", 0);
        int byQuery = s.finalReportsBySource().getOrDefault("queryBatchDR", 0);
        assertThat(byCallback + byQuery).isEqualTo(1231);
        assertThat(byQuery).isGreaterThanOrEqualTo(20);
        assertThat(s.toTable()).anyMatch(l -> l.startsWith("Every recipient accounted for: 1,234 = 3 refused + 1,214 "
                                                           + "delivered + 17 failed."));
    }

    /** The rows of the sample campaign, pushed in batches of at most 500 (3 push calls). */
    static void assertDatabase(String url) throws SQLException {
        assertDatabase(url, 3, 500, true);
    }

    /**
     * The rows of the sample campaign, pushed in batches of at most batchSize: the summary agrees with the tables.
     *
     * @param everyCallback whether every callback reached the application (not so when it was down for a while: the
     *                      final reports then come by queryBatchDR, but the "2 sent to the carrier" of a lost callback
     *                      never comes)
     */
    static void assertDatabase(String url, int batches, int batchSize, boolean everyCallback) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement st = c.createStatement()) {
            assertThat(one(st, "select count(*) from campaign where finished_at is not null")).isEqualTo(1);
            assertThat(one(st, "select count(*) from push_batch")).isEqualTo(batches);
            assertThat(one(st, "select sum(destinations) from push_batch")).isEqualTo(1234);
            assertThat(one(st, "select max(destinations) from push_batch")).isEqualTo(batchSize);
            assertThat(one(st, "select sum(cost_points) from push_batch")).isEqualTo(3693);

            assertThat(one(st, "select count(*) from sent_message")).isEqualTo(1234);
            assertThat(one(st, "select count(distinct cid) from sent_message")).isEqualTo(1234);
            assertThat(one(st, "select count(distinct msg_id) from sent_message where accepted")).isEqualTo(1231);
            assertThat(strings(st, "select phone from sent_message where not accepted"))
                    .hasSize(3).allMatch(p -> !p.startsWith("09"));
            assertThat(one(st, "select count(*) from sent_message where not accepted and push_status = '2011' "
                               + "and msg_id is null")).isEqualTo(3);
            assertThat(strings(st, "select phone from sent_message where final_status = '2001'"))
                    .hasSize(12).allMatch(p -> p.endsWith("404"));
            assertThat(strings(st, "select phone from sent_message where final_status = '2003'"))
                    .hasSize(5).allMatch(p -> p.endsWith("408"));
            assertThat(one(st, "select count(*) from sent_message where accepted and final_status = '0'")).isEqualTo(1214);
            assertThat(one(st, "select count(*) from sent_message where accepted and final_status is null")).isZero();

            // the reports: one final per accepted message, and the 20 whose callback only said 2 (sent to carrier)
            assertThat(one(st, "select count(*) from delivery_report where is_final")).isEqualTo(1231);
            assertThat(strings(st, "select s.phone from delivery_report r join sent_message s on s.batch_id = r.batch_id "
                                   + "and s.msg_id = r.msg_id where r.status = '2' and r.source = 'callback'"))
                    .hasSize(everyCallback ? 20 : strings(st, "select 1 from delivery_report where status = '2'").size())
                    .allMatch(p -> p.endsWith("777"));
            assertThat(strings(st, "select distinct r.source from delivery_report r join sent_message s on "
                                   + "s.batch_id = r.batch_id and s.msg_id = r.msg_id where s.phone like '%777' "
                                   + "and r.is_final")).containsExactly("queryBatchDR");
        }
    }

    static int one(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static List<String> strings(Statement st, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
