package io.github.mitakemms.camel.example;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import io.github.mitakemms.camel.example.routes.CampaignRoutes;
import io.github.mitakemms.camel.example.routes.DeliveryReportRoutes;
import io.github.mitakemms.camel.example.routes.ReconcileRoutes;
import io.github.mitakemms.camel.example.simulator.GatewaySimulator;
import org.apache.camel.main.Main;
import org.h2.jdbcx.JdbcConnectionPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the example: the embedded gateway simulator (unless MITAKE_BASE_URL, MITAKE_CLIENT_ID and MITAKE_CLIENT_SECRET
 * are set), the H2 database, and the Camel Main application with its routes; then, unless {@code example.keep-running}
 * is true, waits until the campaigns in the inbox are complete, prints their summary and ends.
 */
public final class ExampleApplication {

    private static final Logger LOG = LoggerFactory.getLogger(ExampleApplication.class);
    private static final List<String> SAMPLE_FILES = List.of("campaign.properties", "recipients.csv", "spring-sale.png");

    /** What a run ended with. */
    public record Result(int exitCode, List<Summary> summaries, Path workDir, String databaseUrl) {
    }

    private ExampleApplication() {
    }

    public static void main(String[] args) throws Exception {
        Result result = run(Map.of());
        if (result.exitCode() != 0) {
            System.exit(result.exitCode());
        }
    }

    /**
     * Runs the application.
     *
     * @param overrides properties that win over application.properties and system properties (the test gives ports and
     *                  folders)
     */
    public static Result run(Map<String, String> overrides) throws Exception {
        Map<String, String> settings = settings(overrides);
        String baseUrl = System.getenv("MITAKE_BASE_URL");
        String clientId = System.getenv("MITAKE_CLIENT_ID");
        String clientSecret = System.getenv("MITAKE_CLIENT_SECRET");
        boolean realAccount = !blank(baseUrl) && !blank(clientId) && !blank(clientSecret);
        boolean keepRunning = Boolean.parseBoolean(settings.get("example.keep-running"));

        Path work = Path.of(settings.get("example.work-dir")).toAbsolutePath().normalize();
        Path inbox = work.resolve("inbox");
        Files.createDirectories(inbox);
        if (!realAccount && Boolean.parseBoolean(settings.get("example.sample-campaign"))) {
            dropSampleCampaign(work, inbox);
        }
        int campaigns = countCampaigns(inbox);

        String dbUrl = blank(settings.get("example.db.url"))
                ? "jdbc:h2:file:" + work.resolve("db").resolve("mitake") : settings.get("example.db.url");
        JdbcConnectionPool dataSource = JdbcConnectionPool.create(dbUrl, "sa", "");
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute("runscript from 'classpath:/db/schema.sql' charset 'UTF-8'");
        }

        int port = Integer.parseInt(settings.get("camel.server.port"));
        String callbackUrl = "http://127.0.0.1:" + port + settings.get("example.callback-path");
        GatewaySimulator simulator = null;
        Main main = new Main();
        settings.forEach((k, v) -> {
            if (k.startsWith("example.") || overrides.containsKey(k) || System.getProperty(k) != null) {
                main.addOverrideProperty(k, v);
            }
        });
        main.addOverrideProperty("example.inbox", inbox.toString());
        if (realAccount) {
            main.addOverrideProperty("camel.component.mitake-mms.base-url", baseUrl);
            main.addOverrideProperty("camel.component.mitake-mms.client-id", clientId);
            main.addOverrideProperty("camel.component.mitake-mms.client-secret", clientSecret);
            main.addOverrideProperty("example.reconcile.period", settings.get("example.reconcile.period-real-account"));
            main.addOverrideProperty("example.reconcile.min-age-seconds",
                    settings.get("example.reconcile.min-age-seconds-real-account"));
        } else {
            simulator = GatewaySimulator.start(Integer.parseInt(settings.get("example.simulator.port")), callbackUrl);
            main.addOverrideProperty("camel.component.mitake-mms.base-url", simulator.baseUrl());
            main.addOverrideProperty("camel.component.mitake-mms.client-id",
                    settings.getOrDefault("example.simulator.client-id", GatewaySimulator.CLIENT_ID));
            main.addOverrideProperty("camel.component.mitake-mms.client-secret",
                    settings.getOrDefault("example.simulator.client-secret", GatewaySimulator.CLIENT_SECRET));
        }

        long timeout = Long.parseLong(settings.get("example.timeout-seconds")) * 1000;
        CampaignMonitor monitor = new CampaignMonitor(dataSource, keepRunning, campaigns, timeout, main::completed);
        main.bind("dataSource", dataSource);
        main.bind("monitor", monitor);
        main.bind("campaigns", new CampaignService(work, monitor));
        main.bind("reports", new ReportService());
        if ("yaml".equalsIgnoreCase(settings.get("example.dsl"))) {
            main.configure().withRoutesIncludePattern("classpath:routes-yaml/*.yaml");
        } else {
            main.configure().addRoutesBuilder(new CampaignRoutes());
            main.configure().addRoutesBuilder(new DeliveryReportRoutes());
            main.configure().addRoutesBuilder(new ReconcileRoutes());
        }

        LOG.info("gateway: {}", realAccount ? baseUrl + " (your account " + clientId + ")"
                : simulator.baseUrl() + " (the embedded simulator; set MITAKE_BASE_URL, MITAKE_CLIENT_ID and "
                  + "MITAKE_CLIENT_SECRET to use a real account)");
        LOG.info("callback: {} (the gateway posts delivery reports here)", callbackUrl);
        LOG.info("inbox: {} ({} campaign{} waiting)", inbox, campaigns, campaigns == 1 ? "" : "s");
        LOG.info("database: {}", dbUrl);
        if (!keepRunning && campaigns == 0) {
            LOG.info("nothing in the inbox: drop a campaign folder there, or run with -Dexample.keep-running=true");
        }
        try {
            if (keepRunning || campaigns > 0) {
                main.run();
            }
        } finally {
            if (simulator != null) {
                simulator.close();
            }
        }

        List<Summary> summaries = monitor.getFinished();
        if (!keepRunning) {
            summaries.forEach(CampaignMonitor::print);
        }
        dataSource.dispose();
        int pushFailures = summaries.stream().mapToInt(Summary::pushFailures).sum();
        boolean ok = !monitor.isTimedOut() && monitor.getFailedCampaigns() == 0 && pushFailures == 0
                     && summaries.stream().allMatch(Summary::isComplete);
        if (!ok) {
            LOG.error("the run did not go as it should: timed out {}, failed campaigns {}, recipients of failed pushes {}",
                    monitor.isTimedOut(), monitor.getFailedCampaigns(), pushFailures);
        }
        return new Result(ok ? 0 : 1, summaries, work, dbUrl);
    }

    /** application.properties, then system properties, then the overrides. */
    static Map<String, String> settings(Map<String, String> overrides) {
        Properties p = new Properties();
        try (InputStream in = ExampleApplication.class.getResourceAsStream("/application.properties");
             Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> settings = new HashMap<>();
        p.stringPropertyNames().forEach(k -> settings.put(k, p.getProperty(k).trim()));
        System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith("example.") || k.startsWith("camel."))
                .forEach(k -> settings.put(k, System.getProperty(k)));
        settings.putAll(overrides);
        return settings;
    }

    /** Copies the sample campaign into the inbox: built beside it, then moved in at once. */
    private static void dropSampleCampaign(Path work, Path inbox) throws IOException {
        Path staging = work.resolve("staging").resolve("sample-spring-sale");
        Files.createDirectories(staging);
        for (String name : SAMPLE_FILES) {
            try (InputStream in = ExampleApplication.class.getResourceAsStream("/sample-campaign/" + name)) {
                Files.copy(in, staging.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Path target = inbox.resolve("sample-spring-sale");
        if (!Files.exists(target)) {
            Files.move(staging, target);
        }
    }

    private static int countCampaigns(Path inbox) throws IOException {
        try (Stream<Path> folders = Files.list(inbox)) {
            return (int) folders.filter(f -> Files.isRegularFile(f.resolve("recipients.csv"))).count();
        }
    }

    /** A free port on the loopback interface. */
    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
