package io.github.mitakemms.camel.example;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.github.mitakemms.camel.example.simulator.GatewayLedger;
import org.apache.activemq.artemis.api.core.client.ActiveMQClient;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The example, a Camel Main application: application.properties, the beans and routes of {@link ExampleConfiguration},
 * and {@link ExampleLifecycle} for the gateway simulator. Unless {@code example.keep-running} is true, it ends when the
 * campaigns in the inbox are complete, prints their summary and exits with 0, or 1 when something went wrong.
 */
public final class ExampleApplication {

    private static final Logger LOG = LoggerFactory.getLogger(ExampleApplication.class);
    private static final Logger SUMMARY = LoggerFactory.getLogger("summary");

    /**
     * What a run ended with.
     *
     * @param gateway         what the embedded simulator did (null when the gateway was not the embedded simulator)
     * @param pushCalls       batches this run pushed and recorded
     * @param callbackReports reports of callbacks this run routed to the database
     */
    public record Result(int exitCode, List<Summary> summaries, Path workDir, String databaseUrl,
                         GatewayLedger.Counts gateway, int pushCalls, int callbackReports, List<String> health) {
    }

    private ExampleApplication() {
    }

    public static void main(String[] args) throws Exception {
        Result result = run(Map.of());
        // the Artemis client's global threads outlive its connections: end them with the process's work
        ActiveMQClient.clearThreadPools();
        if (result.exitCode() != 0) {
            System.exit(result.exitCode());
        }
    }

    /**
     * Runs the application until the campaigns in the inbox are complete (or for ever with example.keep-running).
     *
     * @param overrides properties that win over application.properties and system properties (the tests give ports and
     *                  folders)
     * @param listeners more listeners of the Camel Main lifecycle (the tests use them to reach the context)
     */
    public static Result run(Map<String, String> overrides, MainListener... listeners) throws Exception {
        Main main = new Main();
        overrides.forEach(main::addOverrideProperty);
        main.configure().addConfiguration(ExampleConfiguration.class);
        ExampleLifecycle lifecycle = new ExampleLifecycle();
        main.addMainListener(lifecycle);
        for (MainListener listener : listeners) {
            main.addMainListener(listener);
        }
        main.run();

        CampaignMonitor monitor = lifecycle.monitor();
        List<Summary> summaries = monitor == null ? List.of() : monitor.getFinished();
        if (monitor != null && !monitor.isKeepRunning()) {
            summaries.forEach(CampaignMonitor::print);
        }
        GatewayLedger.Counts gateway = lifecycle.gatewayCounts();
        if (gateway != null) {
            SUMMARY.info("Gateway (simulator): {} push calls, {} messages sent, {} refused, {} cIDs answered from memory, "
                         + "{} duplicate sends", gateway.pushCalls(), Summary.n(gateway.sent()),
                    Summary.n(gateway.refused()), Summary.n(gateway.repeatedCids()), gateway.duplicateSends());
        }
        int pushFailures = summaries.stream().mapToInt(Summary::pushFailures).sum();
        int unfinished = monitor == null ? 0 : monitor.getOpenCampaigns();
        boolean ok = monitor != null && !monitor.isTimedOut() && monitor.getFailedCampaigns() == 0 && pushFailures == 0
                     && unfinished == 0 && summaries.stream().allMatch(Summary::isComplete);
        if (!ok) {
            LOG.error("the run did not go as it should: timed out {}, failed campaigns {}, recipients of failed pushes {}, "
                      + "campaigns stopped unfinished {}", monitor != null && monitor.isTimedOut(),
                    monitor == null ? "?" : monitor.getFailedCampaigns(), pushFailures, unfinished);
        }
        return new Result(ok ? 0 : 1, summaries, lifecycle.workDir(), lifecycle.databaseUrl(), gateway,
                monitor == null ? 0 : monitor.getPushCalls(), lifecycle.reports() == null ? 0 : lifecycle.reports().getCallbackReports(),
                lifecycle.health());
    }

    /** A free port on the loopback interface. */
    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
