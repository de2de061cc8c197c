package io.github.mitakemms.camel.bench.callback;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.impl.DefaultCamelContext;
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

/**
 * The gateway's side of the callback: 16 threads post the spec's callback body (two reports) to a Camel application on
 * platform-http (Vert.x) on a loopback port, either to {@code mitake-mms:callback} or to a bare platform-http route that
 * only answers 200. Every request must be answered 200. At the end of the run the counts of requests sent, requests
 * answered 200 and reports the route saw are written to {@code <bench.out>/callback-<target>.properties}.
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

    private CamelContext context;
    private HttpClient http;
    private URI uri;
    private final AtomicLong ids = new AtomicLong(301786034575282175L);
    private final LongAdder sent = new LongAdder();
    private final LongAdder answered200 = new LongAdder();
    private final LongAdder delivered = new LongAdder();

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        int port = freePort();
        context = new DefaultCamelContext();
        VertxPlatformHttpServerConfiguration server = new VertxPlatformHttpServerConfiguration();
        server.setBindHost("127.0.0.1");
        server.setBindPort(port);
        context.addService(new VertxPlatformHttpServer(server));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                if ("component".equals(target)) {
                    from("mitake-mms:callback?path=/mitake/callback")
                            .process(e -> delivered.add(reports(e)));
                } else {
                    from("platform-http:/bare?httpMethodRestrict=POST")
                            .process(e -> delivered.increment())
                            .setHeader(Exchange.HTTP_RESPONSE_CODE, constant(200))
                            .setBody(constant("OK"));
                }
            }
        });
        context.start();
        uri = URI.create("http://127.0.0.1:" + port + ("component".equals(target) ? "/mitake/callback" : "/bare"));
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
        post();
        sent.reset();
        answered200.reset();
        delivered.reset();
    }

    private static int reports(Exchange e) {
        return e.getMessage().getBody() instanceof List<?> list ? list.size() : 1;
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
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        String out = System.getProperty("bench.out");
        if (out != null) {
            Properties p = new Properties();
            p.setProperty("requestsSent", Long.toString(sent.sum()));
            p.setProperty("requestsAnswered200", Long.toString(answered200.sum()));
            p.setProperty("reportsSent", Long.toString(sent.sum() * REPORTS_PER_REQUEST));
            p.setProperty("delivered", Long.toString(delivered.sum()));
            p.setProperty("deliveredUnit", "component".equals(target) ? "reports" : "requests");
            Files.createDirectories(Path.of(out));
            try (OutputStream os = Files.newOutputStream(Path.of(out, "callback-" + target + ".properties"))) {
                p.store(os, "counts of one callback run");
            }
        }
        if (context != null) {
            context.close();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
