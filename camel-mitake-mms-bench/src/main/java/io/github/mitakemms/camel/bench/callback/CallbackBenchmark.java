package io.github.mitakemms.camel.bench.callback;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * The gateway's side of the callback: 16 threads post the spec's callback body (two reports, msgIDs unique per
 * request) to two {@link CallbackServer}s, each in a JVM of its own: one with {@code mitake-mms:callback}, one with a
 * bare platform-http route that only answers 200. The targets take turns, one JMH iteration each, so that both are
 * warmed up alike and a machine that slows down during the run slows both alike.
 * <p>
 * JMH's own figure mixes the two targets; what counts is kept per target: requests answered and the time of the
 * measurement iterations (hence requests/s), latencies, and, asked of the server around each of its measurement
 * iterations, its CPU time and allocated bytes. Every request must be answered 200. At the end the figures and the
 * counts of requests sent, answered 200 and delivered to the route are written to
 * {@code <bench.out>/callback-<target>.properties}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CallbackBenchmark {

    public static final String[] TARGETS = { "bare", "component" };
    public static final int REPORTS_PER_REQUEST = 2;

    /** The callback body of the spec in three parts, around the two msgIDs. */
    private static final String BODY_START = """
            {
              "messages": [
                {
                  "batchID": 301786034222960645,
                  "msgID": """;
    private static final String BODY_MIDDLE = """
            ,
                  "status": "0",
                  "statusTime": "20200828162035",
                  "point": 3
                },
                {
                  "batchID": 301786034222960645,
                  "msgID": """;
    private static final String BODY_END = """
            ,
                  "status": "0",
                  "statusTime": "20200828162035",
                  "point": 3
                }
              ]
            }""";

    private final List<Target> targets = new ArrayList<>();
    private final AtomicLong ids = new AtomicLong(301786034575282175L);
    private HttpClient http;
    private int iteration;
    private volatile Target current;
    private volatile boolean measuring;
    private long iterationStarted;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        for (String name : TARGETS) {
            targets.add(new Target(name));
        }
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
        for (Target t : targets) {
            t.awaitReady();
            current = t;
            post();
            t.reset();
        }
    }

    @Setup(Level.Iteration)
    public void beforeIteration(IterationParams params) throws IOException {
        Target t = targets.get(iteration++ % targets.size());
        t.answeredInIteration.reset();
        measuring = params.getType() == IterationType.MEASUREMENT;
        if (measuring) {
            t.markBefore = t.mark();
        }
        current = t;
        iterationStarted = System.nanoTime();
    }

    @TearDown(Level.Iteration)
    public void afterIteration() throws IOException {
        long took = System.nanoTime() - iterationStarted;
        Target t = current;
        if (measuring) {
            long[] after = t.mark();
            t.cpuNanos += after[0] - t.markBefore[0];
            t.allocatedBytes += after[1] - t.markBefore[1];
            t.measuredNanos += took;
            t.measuredRequests += t.answeredInIteration.sum();
        }
    }

    @Benchmark
    public void post() throws Exception {
        Target t = current;
        long id = ids.addAndGet(2);
        HttpRequest request = HttpRequest.newBuilder(t.uri)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                // plain concatenation: String.format costs the load generator more than the route costs the server
                .POST(HttpRequest.BodyPublishers.ofString(BODY_START + (id - 1) + BODY_MIDDLE + id + BODY_END))
                .build();
        t.sent.increment();
        long start = System.nanoTime();
        HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
        long took = System.nanoTime() - start;
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Callback answered HTTP " + response.statusCode() + " at " + t.uri);
        }
        t.answered200.increment();
        t.answeredInIteration.increment();
        if (measuring) {
            t.latency.record(took);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        try {
            String out = System.getProperty("bench.out");
            for (Target t : targets) {
                if (out != null && t.uri != null) {
                    t.write(Path.of(out));
                }
            }
        } finally {
            for (Target t : targets) {
                t.stop();
            }
        }
    }

    /** One server and what was measured of it. */
    private static final class Target {
        final String name;
        final Process server;
        final PrintStream serverIn;
        final BufferedReader serverOut;
        final LongAdder sent = new LongAdder();
        final LongAdder answered200 = new LongAdder();
        final LongAdder answeredInIteration = new LongAdder();
        final LatencyHistogram latency = new LatencyHistogram();
        URI uri;
        long deliveredBefore;
        long[] markBefore;
        long cpuNanos;
        long allocatedBytes;
        long measuredNanos;
        long measuredRequests;

        Target(String name) throws IOException {
            this.name = name;
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xms1g", "-Xmx1g", "-XX:+UseG1GC",
                    "-Dlog4j2.configurationFile=bench-log4j2.xml"));
            String extra = System.getProperty("bench.serverJvmArgs", "").trim();
            if (!extra.isEmpty()) {
                // {target} lets each server write its own file, e.g. a flight recording
                command.addAll(List.of(extra.replace("{target}", name).split("\\s+")));
            }
            command.addAll(List.of("-classpath", System.getProperty("java.class.path"), CallbackServer.class.getName(), name));
            server = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            serverIn = new PrintStream(server.getOutputStream(), true, StandardCharsets.UTF_8);
            serverOut = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        }

        void awaitReady() throws IOException {
            uri = URI.create(expect("READY")[1]);
        }

        void reset() throws IOException {
            sent.reset();
            answered200.reset();
            deliveredBefore = mark()[2];
        }

        /** The server's process CPU ns, allocated bytes and deliveries so far. */
        long[] mark() throws IOException {
            serverIn.println("mark");
            String[] m = expect("MARK");
            return new long[] { Long.parseLong(m[1]), Long.parseLong(m[2]), Long.parseLong(m[3]) };
        }

        /** The next line of the server that starts with the word, split on spaces; lines before it are passed on. */
        String[] expect(String word) throws IOException {
            for (String line = serverOut.readLine(); line != null; line = serverOut.readLine()) {
                if (line.startsWith(word + " ")) {
                    return line.split(" ");
                }
                System.out.println("[" + name + " server] " + line);
            }
            throw new IOException("The " + name + " callback server ended before it printed " + word);
        }

        void write(Path out) throws IOException {
            Properties p = new Properties();
            p.setProperty("requestsSent", Long.toString(sent.sum()));
            p.setProperty("requestsAnswered200", Long.toString(answered200.sum()));
            p.setProperty("reportsSent", Long.toString(sent.sum() * REPORTS_PER_REQUEST));
            p.setProperty("delivered", Long.toString(mark()[2] - deliveredBefore));
            p.setProperty("deliveredUnit", "component".equals(name) ? "reports" : "requests");
            p.setProperty("measuredRequests", Long.toString(measuredRequests));
            p.setProperty("measuredNanos", Long.toString(measuredNanos));
            p.setProperty("serverCpuNanos", Long.toString(cpuNanos));
            p.setProperty("serverAllocatedBytes", Long.toString(allocatedBytes));
            p.setProperty("p50Millis", String.format(Locale.ROOT, "%.3f", latency.percentileMillis(50)));
            p.setProperty("p99Millis", String.format(Locale.ROOT, "%.3f", latency.percentileMillis(99)));
            Files.createDirectories(out);
            try (OutputStream os = Files.newOutputStream(out.resolve("callback-" + name + ".properties"))) {
                p.store(os, "figures of one target of a callback run");
            }
        }

        void stop() throws InterruptedException {
            serverIn.println("stop");
            if (!server.waitFor(30, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }
}
