package io.github.mitakemms.camel.reliability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs after the whole test suite (failsafe, integration-test phase): scans the suite's log for the client secrets and
 * every token the tests issued, and adds up the reliability figures of the run. Run the suite with
 * {@code -Dmitake.test.log.level=TRACE} to have every logger at TRACE in that log.
 */
class SuiteLogLeakIT {

    static final Path SUITE_LOG = Path.of("target", "camel-mitake-mms-test.log");

    @Test
    void noSecretInTheWholeSuiteLog() throws IOException {
        assertThat(SUITE_LOG).as("the test suite's log; run the tests first").exists();
        List<String> secrets = new ArrayList<>(Secrets.all());
        secrets.addAll(Secrets.issuedInEarlierRuns());
        secrets.add(SecretLeakTest.URI_SECRET);
        LogScan.Result scan = LogScan.scan(SUITE_LOG, secrets);
        long trace;
        try (Stream<String> lines = Files.lines(SUITE_LOG, StandardCharsets.ISO_8859_1)) {
            trace = lines.filter(l -> l.contains(" TRACE ")).count();
        }
        Figures figures = new Figures("suiteLog");
        figures.add("lines", scan.lines()).add("traceLines", trace).add("bytes", scan.bytes())
                .add("secretsChecked", secrets.size()).add("camelCoreUriTraceLines", scan.camelCoreUriTrace().size())
                .add(Figures.LEAKED, scan.leaks().size());
        figures.publish();
        totals();
        assertThat(scan.leaks()).as("secrets in " + SUITE_LOG).isEmpty();
    }

    /**
     * The sum of the figures of every suite of this run (the figure files written since the suite's log began), as
     * {@code RELIABILITY total.<name> <value>}.
     */
    private static void totals() throws IOException {
        java.nio.file.attribute.FileTime since = runStart();
        Map<String, Long> totals = new LinkedHashMap<>();
        for (String name : new String[] { Figures.REQUESTS, Figures.FAULTS, Figures.DUPLICATES, Figures.LOST,
                                          Figures.LEAKED, Figures.CRASHES }) {
            totals.put(name, 0L);
        }
        try (Stream<Path> files = Files.list(Figures.DIR)) {
            for (Path f : files.filter(p -> p.getFileName().toString().startsWith("figures-")
                                            && !p.getFileName().toString().startsWith("figures-total")
                                            && !p.getFileName().toString().startsWith("figures-suiteLog")
                                            && modifiedSince(p, since))
                    .sorted().toList()) {
                for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                    String[] parts = line.split(" ");
                    String name = parts[1].substring(parts[1].indexOf('.') + 1);
                    if (totals.containsKey(name)) {
                        totals.merge(name, Long.parseLong(parts[2]), Long::sum);
                    }
                }
            }
        }
        StringBuilder file = new StringBuilder();
        totals.forEach((name, value) -> {
            String line = "RELIABILITY total." + name + " " + value;
            System.out.println(line);
            file.append(line).append('\n');
        });
        Figures.write("figures-total.txt", file.toString());
    }

    /** When the tests began writing their log: the time of its first line. */
    private static java.nio.file.attribute.FileTime runStart() throws IOException {
        try (Stream<String> lines = Files.lines(SUITE_LOG, StandardCharsets.ISO_8859_1)) {
            String first = lines.findFirst().orElse("");
            java.time.LocalDateTime t = java.time.LocalDateTime.parse(first.substring(0, 23),
                    java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss,SSS"));
            return java.nio.file.attribute.FileTime.from(t.atZone(java.time.ZoneId.systemDefault()).toInstant());
        } catch (RuntimeException e) {
            return java.nio.file.attribute.FileTime.fromMillis(0);
        }
    }

    private static boolean modifiedSince(Path p, java.nio.file.attribute.FileTime since) {
        try {
            return Files.getLastModifiedTime(p).compareTo(since) >= 0;
        } catch (IOException e) {
            return false;
        }
    }
}
