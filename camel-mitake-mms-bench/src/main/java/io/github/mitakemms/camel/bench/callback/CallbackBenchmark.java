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
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * The gateway's side of the callback: 16 threads post the spec's callback body (two reports) to a {@link CallbackServer}
 * started in a JVM of its own, either to {@code mitake-mms:callback} or to a bare platform-http route that only answers
 * 200. Every request must be answered 200. Around each measurement iteration the server is asked for its CPU time,
 * its allocated bytes and what reached its route; at the end of the run the sums and the counts of requests sent,
 * answered 200 and delivered are written to {@code <bench.out>/callback-<target>.properties}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CallbackBenchmark {

    /** The callback body of the spec in three parts, around the two msgIDs, which are unique per request. */
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
    public static final int REPORTS_PER_REQUEST = 2;

    @Param({ "bare", "component" })
    public String target;

    private Process server;
    private PrintStream serverIn;
    private BufferedReader serverOut;
    private HttpClient http;
    private URI uri;
    private final AtomicLong ids = new AtomicLong(301786034575282175L);
    private final LongAdder sent = new LongAdder();
    private final LongAdder answered200 = new LongAdder();
    private final LongAdder answeredInIteration = new LongAdder();
    private long deliveredBefore;
    private long[] markBefore;
    private long serverCpuNanos;
    private long serverAllocatedBytes;
    private long measuredRequests;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms1g", "-Xmx1g", "-XX:+UseG1GC",
                "-Dlog4j2.configurationFile=bench-log4j2.xml"));
        String extra = System.getProperty("bench.serverJvmArgs", "").trim();
        if (!extra.isEmpty()) {
            command.addAll(List.of(extra.split("\\s+")));
        }
        command.addAll(List.of("-classpath", System.getProperty("java.class.path"), CallbackServer.class.getName(), target));
        server = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        serverIn = new PrintStream(server.getOutputStream(), true, StandardCharsets.UTF_8);
        serverOut = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        uri = URI.create(expect("READY")[1]);
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
        post();
        sent.reset();
        answered200.reset();
        deliveredBefore = mark()[2];
    }

    @Setup(Level.Iteration)
    public void beforeIteration(IterationParams params) throws IOException {
        answeredInIteration.reset();
        markBefore = params.getType() == IterationType.MEASUREMENT ? mark() : null;
    }

    @TearDown(Level.Iteration)
    public void afterIteration() throws IOException {
        if (markBefore != null) {
            long[] after = mark();
            serverCpuNanos += after[0] - markBefore[0];
            serverAllocatedBytes += after[1] - markBefore[1];
            measuredRequests += answeredInIteration.sum();
        }
    }

    @Benchmark
    public void post() throws Exception {
        long id = ids.addAndGet(2);
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                // plain concatenation: String.format costs the load generator more than the route costs the server
                .POST(HttpRequest.BodyPublishers.ofString(BODY_START + (id - 1) + BODY_MIDDLE + id + BODY_END))
                .build();
        sent.increment();
        HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Callback answered HTTP " + response.statusCode() + " at " + uri);
        }
        answered200.increment();
        answeredInIteration.increment();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        if (server == null) {
            return;
        }
        try {
            long delivered = mark()[2] - deliveredBefore;
            String out = System.getProperty("bench.out");
            if (out != null) {
                Properties p = new Properties();
                p.setProperty("requestsSent", Long.toString(sent.sum()));
                p.setProperty("requestsAnswered200", Long.toString(answered200.sum()));
                p.setProperty("reportsSent", Long.toString(sent.sum() * REPORTS_PER_REQUEST));
                p.setProperty("delivered", Long.toString(delivered));
                p.setProperty("deliveredUnit", "component".equals(target) ? "reports" : "requests");
                p.setProperty("measuredRequests", Long.toString(measuredRequests));
                p.setProperty("serverCpuNanos", Long.toString(serverCpuNanos));
                p.setProperty("serverAllocatedBytes", Long.toString(serverAllocatedBytes));
                Files.createDirectories(Path.of(out));
                try (OutputStream os = Files.newOutputStream(Path.of(out, "callback-" + target + ".properties"))) {
                    p.store(os, "counts of one callback run");
                }
            }
        } finally {
            serverIn.println("stop");
            if (!server.waitFor(30, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    /** The server's process CPU ns, allocated bytes and deliveries so far. */
    private long[] mark() throws IOException {
        serverIn.println("mark");
        String[] m = expect("MARK");
        return new long[] { Long.parseLong(m[1]), Long.parseLong(m[2]), Long.parseLong(m[3]) };
    }

    /** The next line of the server that starts with the word, split on spaces; lines before it are passed on. */
    private String[] expect(String word) throws IOException {
        for (String line = serverOut.readLine(); line != null; line = serverOut.readLine()) {
            if (line.startsWith(word + " ")) {
                return line.split(" ");
            }
            System.out.println("[server] " + line);
        }
        throw new IOException("The callback server ended before it printed " + word + " (exit "
                              + (server.isAlive() ? "?" : server.exitValue()) + ")");
    }
}
