package io.github.mitakemms.camel.bench.push;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import io.github.mitakemms.camel.bench.JvmCounters;
import io.github.mitakemms.camel.bench.Payload;
import io.github.mitakemms.camel.bench.Turns;
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
 * The contenders of {@link PushBenchmark} in one JVM, taking {@link Turns}, one JMH iteration each. For the
 * latency-bound cases, where every contender waits on the gateway nearly all the time and the differences are a
 * fraction of a percent: measured in separate JVMs, one after the other, they drown in what changes between runs.
 * Only the contender whose turn it is sends; the others sit idle. At the end each contender's figures are written to
 * {@code <bench.out>/push-<payload>-<contender>.properties}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class PushTurnsBenchmark {

    public static final String[] CONTENDERS = { "limit", "hc5", "camel-hc5", "jdk", "component", "route" };

    @Param({ "1KB", "300KB" })
    public String payload;

    private Turns<Contender> turns;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        List<Contender> contenders = new ArrayList<>();
        try {
            for (String name : CONTENDERS) {
                contenders.add(new Contender(name, PushBenchmark.sender(name, PushBenchmark.gateway(), Payload.of(payload))));
            }
        } catch (Exception | Error e) {
            for (Contender c : contenders) {
                c.sender.close();
            }
            throw e;
        }
        turns = new Turns<>(contenders);
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
    public void push() throws Exception {
        Contender c = turns.current();
        long start = System.nanoTime();
        c.sender.push();
        c.done(System.nanoTime() - start);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        if (turns == null) {
            return;
        }
        String out = System.getProperty("bench.out");
        for (Contender c : turns.all()) {
            if (out != null) {
                Properties p = new Properties();
                c.store(p);
                Files.createDirectories(Path.of(out));
                try (OutputStream os = Files.newOutputStream(Path.of(out, "push-" + payload + "-" + c.name() + ".properties"))) {
                    p.store(os, "figures of one contender of a push run in turns");
                }
            }
            PushBenchmark.writeRetries(payload, c.name(), c.sender.retries());
            c.sender.close();
        }
    }

    /** A contender of this JVM: its CPU time and allocations are the JVM's while it has its turn. */
    private static final class Contender extends Turns.Turn {
        final Sender sender;

        Contender(String name, Sender sender) {
            super(name);
            this.sender = sender;
        }

        @Override
        protected long[] counters() {
            return new long[] { JvmCounters.processCpuNanos(), JvmCounters.allocatedBytes() };
        }
    }
}
