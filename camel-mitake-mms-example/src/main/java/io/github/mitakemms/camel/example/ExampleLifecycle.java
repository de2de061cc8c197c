package io.github.mitakemms.camel.example;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

import io.github.mitakemms.camel.example.simulator.GatewayLedger;
import io.github.mitakemms.camel.example.simulator.GatewaySimulator;
import io.github.mitakemms.camel.monitoring.MitakeMmsConsole;
import org.apache.camel.CamelContext;
import org.apache.camel.console.DevConsole;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.MainListenerSupport;
import org.apache.camel.main.MainSupport;
import org.apache.camel.spi.PropertiesComponent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens around the Camel application: before it is configured, the choice of gateway (a real account when
 * MITAKE_BASE_URL, MITAKE_CLIENT_ID and MITAKE_CLIENT_SECRET are set; else a simulator already running at
 * {@code example.simulator.base-url}; else the embedded simulator, started here) and, with a simulator, the sample
 * campaign dropped into the inbox; once configured, the monitor is told how to end the run; after it stopped, the
 * embedded simulator is closed.
 */
public class ExampleLifecycle extends MainListenerSupport {

    private List<String> health;

    private static final Logger LOG = LoggerFactory.getLogger(ExampleLifecycle.class);
    private static final List<String> SAMPLE_FILES = List.of("campaign.properties", "recipients.csv", "spring-sale.png");
    private static final String MITAKE = "camel.component.mitake-mms.";

    private GatewaySimulator simulator;
    private CampaignMonitor monitor;
    private ReportService reports;
    private GatewayLedger.Counts gatewayCounts;
    private Path workDir;
    private String databaseUrl;

    @Override
    public void beforeConfigure(BaseMainSupport main) {
        PropertiesComponent pc = main.getCamelContext().getPropertiesComponent();
        workDir = Path.of(property(pc, "example.work-dir")).toAbsolutePath().normalize();
        Path inbox = workDir.resolve("inbox");
        pc.addOverrideProperty("example.inbox", inbox.toString());
        databaseUrl = property(pc, "example.db.url");
        if (databaseUrl.isBlank()) {
            // retry: H2 opens its file again when a thread is interrupted in the middle of reading or writing it (Camel
            // interrupts what is still running when it stops), where a plain file would be closed under the database
            databaseUrl = "jdbc:h2:retry:" + workDir.resolve("db").resolve("mitake");
            pc.addOverrideProperty("example.db.url", databaseUrl);
        }

        String baseUrl = System.getenv("MITAKE_BASE_URL");
        String clientId = System.getenv("MITAKE_CLIENT_ID");
        String clientSecret = System.getenv("MITAKE_CLIENT_SECRET");
        boolean realAccount = !blank(baseUrl) && !blank(clientId) && !blank(clientSecret);
        String callbackUrl = "http://127.0.0.1:" + property(pc, "camel.server.port") + property(pc, "example.callback-path");
        String gateway;
        if (realAccount) {
            pc.addOverrideProperty(MITAKE + "base-url", baseUrl);
            pc.addOverrideProperty(MITAKE + "client-id", clientId);
            pc.addOverrideProperty(MITAKE + "client-secret", clientSecret);
            pc.addOverrideProperty("example.reconcile.period", property(pc, "example.reconcile.period-real-account"));
            pc.addOverrideProperty("example.reconcile.min-age-seconds",
                    property(pc, "example.reconcile.min-age-seconds-real-account"));
            gateway = baseUrl + " (your account " + clientId + ")";
        } else {
            String simulatorUrl = property(pc, "example.simulator.base-url");
            if (simulatorUrl.isBlank()) {
                simulator = GatewaySimulator.start(Integer.parseInt(property(pc, "example.simulator.port")), callbackUrl);
                simulatorUrl = simulator.baseUrl();
                gateway = simulatorUrl + " (the embedded simulator; set MITAKE_BASE_URL, MITAKE_CLIENT_ID and "
                          + "MITAKE_CLIENT_SECRET to use a real account)";
            } else {
                gateway = simulatorUrl + " (a simulator shared with other instances)";
            }
            pc.addOverrideProperty(MITAKE + "base-url", simulatorUrl);
            pc.addOverrideProperty(MITAKE + "client-id", property(pc, "example.simulator.client-id"));
            pc.addOverrideProperty(MITAKE + "client-secret", property(pc, "example.simulator.client-secret"));
        }
        try {
            Files.createDirectories(inbox);
            if (!realAccount && Boolean.parseBoolean(property(pc, "example.sample-campaign"))) {
                dropSampleCampaign(inbox);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LOG.info("gateway: {}", gateway);
        LOG.info("callback: {} (the gateway posts delivery reports here)", callbackUrl);
        LOG.info("database: {}", databaseUrl);
        LOG.info("pipeline: {}", "jms".equalsIgnoreCase(property(pc, "example.source"))
                ? "jms (each batch is a message on the queue " + property(pc, "example.jms.queue") + ", pushed by its "
                  + "transacted consumer)"
                : "file (each batch is pushed by the campaign route)");
    }

    @Override
    public void afterConfigure(BaseMainSupport main) {
        monitor = main.getCamelContext().getRegistry().lookupByNameAndType("monitor", CampaignMonitor.class);
        reports = main.getCamelContext().getRegistry().lookupByNameAndType("reports", ReportService.class);
        if (main instanceof MainSupport support) {
            monitor.setOnRunEnd(support::completed);
        }
        int waiting = monitor.getExpectedFolders();
        LOG.info("inbox: {} ({} campaign{} waiting{})", workDir.resolve("inbox"), waiting, waiting == 1 ? "" : "s",
                monitor.getOpenCampaigns() > 0 ? ", " + monitor.getOpenCampaigns() + " left unfinished by an earlier run"
                        : "");
        if (!monitor.isKeepRunning() && waiting == 0 && monitor.getOpenCampaigns() == 0) {
            LOG.info("nothing in the inbox: drop a campaign folder there, or run with -Dexample.keep-running=true");
        }
    }

    /**
     * Before the context stops: Camel's health checks (the account's readiness and the callback's) and the component's
     * dev console, as an operator would read them at /observe/health and in the console.
     */
    @Override
    public void beforeStop(BaseMainSupport main) {
        CamelContext context = main.getCamelContext();
        health = new ArrayList<>();
        for (HealthCheck.Result r : HealthCheckHelper.invoke(context)) {
            String line = r.getCheck().getId() + ": " + r.getState() + r.getMessage().map(m -> " (" + m + ")").orElse("");
            health.add(line);
            LOG.info("health {}", line);
        }
        MitakeMmsConsole console = new MitakeMmsConsole();
        console.setCamelContext(context);
        LOG.info("mitake-mms console:\n{}", console.call(DevConsole.MediaType.TEXT));
    }

    @Override
    public void afterStop(BaseMainSupport main) {
        if (simulator != null) {
            gatewayCounts = simulator.counts();
            simulator.close();
        }
    }

    /** The health checks' answers before the context stopped, one line each. */
    List<String> health() {
        return health == null ? List.of() : health;
    }

    CampaignMonitor monitor() {
        return monitor;
    }

    ReportService reports() {
        return reports;
    }

    /** What the embedded simulator did (null when the gateway was not the embedded simulator). */
    GatewayLedger.Counts gatewayCounts() {
        return gatewayCounts;
    }

    Path workDir() {
        return workDir;
    }

    String databaseUrl() {
        return databaseUrl;
    }

    /** Copies the sample campaign into the inbox: built beside it, then moved in at once. */
    private void dropSampleCampaign(Path inbox) throws IOException {
        Path staging = workDir.resolve("staging").resolve("sample-spring-sale");
        Files.createDirectories(staging);
        for (String name : SAMPLE_FILES) {
            try (InputStream in = ExampleLifecycle.class.getResourceAsStream("/sample-campaign/" + name)) {
                Files.copy(in, staging.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Path target = inbox.resolve("sample-spring-sale");
        if (!Files.exists(target)) {
            Files.move(staging, target);
        }
    }

    private static String property(PropertiesComponent pc, String key) {
        return pc.resolveProperty(key).map(String::trim).orElse("");
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
