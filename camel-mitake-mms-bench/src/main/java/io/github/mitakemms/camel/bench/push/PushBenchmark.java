package io.github.mitakemms.camel.bench.push;

import java.util.concurrent.TimeUnit;

import io.github.mitakemms.camel.bench.LoopbackGateway;
import io.github.mitakemms.camel.bench.Payload;
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
 * One push per invocation, by the contender named in {@code contender}, to the gateway whose URL the harness passes in
 * the system property {@code bench.gateway}. The threads (16) and the gateway's latency are set by the harness; every
 * thread shares the contender, as the routes of an application share one endpoint.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class PushBenchmark {

    /** The bound on connections to the gateway, the same for every contender. */
    public static final int MAX_CONNECTIONS = 16;

    @Param({ "limit", "hc5", "camel-hc5", "jdk", "component", "route" })
    public String contender;

    @Param({ "1KB", "300KB" })
    public String payload;

    /** System property that makes every sender fail its 200th push: to check that the harness retries such a run. */
    public static final String INJECT_FAILURE = "bench.injectFailure";

    private Sender sender;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        sender = sender(contender, gateway(), Payload.of(payload));
        // no push here: the component takes its token on the first pushes, made by 16 threads at once, which is where a
        // token cache that is not safe asks more than once (the gateway counts the token requests)
    }

    /** The contender's sender, with the contender's own clientID. */
    static Sender sender(String contender, String baseUrl, Payload payload) throws Exception {
        Sender s = create(contender, baseUrl, payload);
        return Boolean.getBoolean(INJECT_FAILURE) ? new FailingSender(s) : s;
    }

    private static Sender create(String contender, String baseUrl, Payload payload) throws Exception {
        String clientId = LoopbackGateway.clientId(contender);
        return switch (contender) {
            case "component" -> new ComponentSender(baseUrl, clientId, payload, MAX_CONNECTIONS);
            case "limit" -> new LimitSender(baseUrl, clientId, payload);
            case "hc5" -> new Hc5Sender(baseUrl, clientId, payload, MAX_CONNECTIONS);
            case "camel-hc5" -> new CamelFloorSender(baseUrl, clientId, payload, MAX_CONNECTIONS);
            case "jdk" -> new JdkSender(baseUrl, clientId, payload);
            case "route" -> new RouteSender(baseUrl, clientId, payload, MAX_CONNECTIONS);
            default -> throw new IllegalArgumentException("No contender " + contender);
        };
    }

    /** The base URL of the harness's gateway. */
    static String gateway() {
        String baseUrl = System.getProperty("bench.gateway");
        if (baseUrl == null) {
            throw new IllegalStateException("Run through BenchMain: the system property bench.gateway is not set");
        }
        return baseUrl;
    }

    /** Writes how many pushes the contender sent again to {@code <bench.out>/retries-<payload>-<contender>.txt}. */
    static void writeRetries(String payload, String contender, long retries) throws java.io.IOException {
        String out = System.getProperty("bench.out");
        if (out != null) {
            java.nio.file.Files.writeString(java.nio.file.Path.of(out, "retries-" + payload + "-" + contender + ".txt"),
                    Long.toString(retries));
        }
    }

    @Benchmark
    public void push() throws Exception {
        sender.push();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        if (sender != null) {
            writeRetries(payload, contender, sender.retries());
            sender.close();
        }
    }

    /** A sender whose 200th push fails as a connection would, for {@link #INJECT_FAILURE}. */
    private static final class FailingSender implements Sender {
        private final Sender sender;
        private final java.util.concurrent.atomic.AtomicInteger pushes = new java.util.concurrent.atomic.AtomicInteger();

        FailingSender(Sender sender) {
            this.sender = sender;
        }

        @Override
        public void push() throws Exception {
            if (pushes.incrementAndGet() == 200) {
                throw new java.net.SocketException("Connection reset (injected by " + INJECT_FAILURE + ")");
            }
            sender.push();
        }

        @Override
        public long retries() {
            return sender.retries();
        }

        @Override
        public void close() throws Exception {
            sender.close();
        }
    }
}
