package io.github.mitakemms.camel.bench.callback;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import io.github.mitakemms.camel.bench.Turns;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
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

/**
 * The gateway's side of the callback: 16 threads post the spec's callback body (two reports, msgIDs unique per
 * request) to two {@link CallbackServer}s, each in a JVM of its own: one with {@code mitake-mms:callback}, one with a
 * bare platform-http route that only answers 200. The two take {@link Turns}, one JMH iteration each; the CPU time and
 * allocations of a turn are the server's, asked of it around each of its measurement iterations. Every request must be
 * answered 200. At the end the figures and the counts of requests sent, answered 200 and delivered to the route are
 * written to {@code <bench.out>/callback-<target>.properties}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CallbackBenchmark {

    public static final String[] TARGETS = { "bare", "component" };
    /** Reports in the spec's body. */
    public static final int SPEC_REPORTS = 2;

    /**
     * {@code 0}: the spec's callback body, two reports whose msgIDs are unique per request. A comma-separated list of
     * sizes ({@code 1,10,100,1000}): the curve of cost by body size, each size a body of n reports built once and posted
     * as it is; every size and server takes its turn (one JMH iteration) in the one JVM, against the same two servers.
     */
    @Param({ "0" })
    public String reports;

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

    private final AtomicLong ids = new AtomicLong(301786034575282175L);
    /** The load generator: HttpClient 5 classic, 16 pooled connections per server, as many as the sender threads. */
    private CloseableHttpClient http;
    private Turns<Target> turns;
    private final List<Server> servers = new ArrayList<>();

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        List<Target> targets = new ArrayList<>();
        try {
            for (String name : TARGETS) {
                servers.add(new Server(name));
            }
            http = HttpClients.custom()
                    .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                            .setMaxConnTotal(16 * TARGETS.length)
                            .setMaxConnPerRoute(16)
                            .setDefaultConnectionConfig(ConnectionConfig.custom()
                                    .setConnectTimeout(Timeout.ofSeconds(10))
                                    .setSocketTimeout(Timeout.ofSeconds(30))
                                    .setValidateAfterInactivity(TimeValue.ofSeconds(1))
                                    .build())
                            .build())
                    .setDefaultRequestConfig(RequestConfig.custom()
                            .setConnectionRequestTimeout(Timeout.ofSeconds(30))
                            .setResponseTimeout(Timeout.ofSeconds(30))
                            .build())
                    .disableAutomaticRetries()
                    .disableCookieManagement()
                    .build();
            for (Server server : servers) {
                server.awaitReady();
            }
            for (String size : reports.split(",")) {
                int n = Integer.parseInt(size.trim());
                for (Server server : servers) {
                    targets.add(new Target(server, n));
                }
            }
            for (Target t : targets) {
                post(t);
                t.reset();
            }
        } catch (Exception | Error e) {
            servers.forEach(Server::stop);
            throw e;
        }
        turns = new Turns<>(targets);
    }

    @Setup(Level.Iteration)
    public void beforeIteration(IterationParams params) throws IOException {
        turns.beforeIteration(params);
    }

    @TearDown(Level.Iteration)
    public void afterIteration() throws IOException {
        turns.afterIteration();
    }

    @Benchmark
    public void post() throws Exception {
        post(turns.current());
    }

    private void post(Target t) throws Exception {
        byte[] body;
        if (t.fixedBody != null) {
            body = t.fixedBody;
        } else {
            long id = ids.addAndGet(2);
            // plain concatenation: String.format costs the load generator more than the route costs the server
            body = (BODY_START + (id - 1) + BODY_MIDDLE + id + BODY_END).getBytes(StandardCharsets.UTF_8);
        }
        HttpPost post = new HttpPost(t.server.uri);
        post.setEntity(new ByteArrayEntity(body, ContentType.APPLICATION_JSON));
        long start = System.nanoTime();
        int status = http.execute(post, response -> {
            EntityUtils.consume(response.getEntity());
            return response.getCode();
        });
        long took = System.nanoTime() - start;
        if (status != 200) {
            throw new IllegalStateException("Callback answered HTTP " + status + " at " + t.server.uri);
        }
        t.done(took);
    }

    /** A callback body of n reports, as the gateway sends them (one batch, consecutive msgIDs). */
    static byte[] body(int n) {
        StringBuilder sb = new StringBuilder(n * 120 + 32).append("{\"messages\":[");
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : ",").append("{\"batchID\":301786034222960645,\"msgID\":").append(301786034575282176L + i)
                    .append(",\"status\":\"0\",\"statusTime\":\"20200828162035\",\"point\":3}");
        }
        return sb.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        if (turns == null) {
            return;
        }
        try {
            String out = System.getProperty("bench.out");
            for (Target t : turns.all()) {
                if (out != null) {
                    t.write(Path.of(out));
                }
            }
        } finally {
            servers.forEach(Server::stop);
            http.close();
        }
    }

    /** One server, in a JVM of its own, which it stops when its input ends. */
    private static final class Server {
        final String name;
        final Process server;
        final PrintStream serverIn;
        final BufferedReader serverOut;
        URI uri;

        Server(String name) throws IOException {
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

        void stop() {
            serverIn.println("stop");
            try {
                if (!server.waitFor(30, TimeUnit.SECONDS)) {
                    server.destroyForcibly();
                }
            } catch (InterruptedException e) {
                server.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * One server given one body size: a turn. Its deliveries are counted by the server across its measurement
     * iterations only (the server counts all; only this turn posts while it measures).
     */
    private static final class Target extends Turns.Turn {
        final Server server;
        /** 0 for the spec's body with unique msgIDs. */
        final int reports;
        final byte[] fixedBody;
        final LongAdder sent = new LongAdder();
        final LongAdder answered200 = new LongAdder();
        long delivered;
        long deliveredAtStart;
        boolean inIteration;

        Target(Server server, int reports) {
            super(server.name);
            this.server = server;
            this.reports = reports;
            this.fixedBody = reports > 0 ? body(reports) : null;
        }

        int reportsPerRequest() {
            return reports > 0 ? reports : SPEC_REPORTS;
        }

        void reset() {
            sent.reset();
            answered200.reset();
            delivered = 0;
        }

        /**
         * Read at the start and the end of each measurement iteration of this turn: the deliveries between the two are
         * this turn's, as no other posts meanwhile.
         */
        @Override
        protected long[] counters() throws IOException {
            long[] m = server.mark();
            if (!inIteration) {
                deliveredAtStart = m[2];
            } else {
                delivered += m[2] - deliveredAtStart;
            }
            inIteration = !inIteration;
            return m;
        }

        /** Counts the requests of the measurement iterations: each was sent and answered 200 (else the run fails). */
        @Override
        public void done(long nanos) {
            if (measuring()) {
                sent.increment();
                answered200.increment();
            }
            super.done(nanos);
        }

        void write(Path out) throws IOException {
            Properties p = new Properties();
            store(p);
            p.setProperty("requestsSent", Long.toString(sent.sum()));
            p.setProperty("requestsAnswered200", Long.toString(answered200.sum()));
            p.setProperty("reportsSent", Long.toString(sent.sum() * reportsPerRequest()));
            p.setProperty("delivered", Long.toString(delivered));
            p.setProperty("deliveredUnit", "component".equals(name()) ? "reports" : "requests");
            Files.createDirectories(out);
            String file = "callback-" + name() + (reports > 0 ? "-" + reports : "") + ".properties";
            try (OutputStream os = Files.newOutputStream(out.resolve(file))) {
                p.store(os, "figures of one target of a callback run");
            }
        }
    }
}
