package io.github.mitakemms.camel.bench;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.atomic.LongAdder;

import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * Contenders measured in turns within one JMH run: each JMH iteration belongs to the next contender, so all are warmed
 * up alike and a machine that slows down during the run slows all alike. JMH's own figures mix the contenders; each
 * {@link Turn} keeps its own: operations and time of its measurement iterations, latencies, CPU time and allocated
 * bytes. Meant for a {@code Scope.Benchmark} state whose iteration fixtures call {@link #beforeIteration} and
 * {@link #afterIteration}, which JMH runs while no benchmark thread is in the benchmark method.
 *
 * @param <T> the contenders' type
 */
public final class Turns<T extends Turns.Turn> {

    private final List<T> turns;
    private int iteration;
    private volatile T current;

    public Turns(List<T> turns) {
        this.turns = List.copyOf(turns);
        this.current = this.turns.get(0);
    }

    /** The contender whose turn it is. */
    public T current() {
        return current;
    }

    public List<T> all() {
        return turns;
    }

    public void beforeIteration(IterationParams params) throws IOException {
        T next = turns.get(iteration++ % turns.size());
        next.begin(params.getType() == IterationType.MEASUREMENT);
        current = next;
    }

    public void afterIteration() throws IOException {
        current.end();
    }

    /** One contender and what was measured of it. */
    public abstract static class Turn {

        private final String name;
        private final LongAdder opsInIteration = new LongAdder();
        private final LatencyHistogram latency = new LatencyHistogram();
        private volatile boolean measuring;
        private long[] countersBefore;
        private long started;
        private long measuredNanos;
        private long measuredOps;
        private long cpuNanos;
        private long allocatedBytes;

        protected Turn(String name) {
            this.name = name;
        }

        public String name() {
            return name;
        }

        /** The CPU nanoseconds and allocated bytes of the JVM that does this contender's work, so far. */
        protected abstract long[] counters() throws IOException;

        /** Whether the current iteration is one of the measurement. */
        protected boolean measuring() {
            return measuring;
        }

        /** Records one operation, which took the given time. */
        public void done(long nanos) {
            opsInIteration.increment();
            if (measuring) {
                latency.record(nanos);
            }
        }

        void begin(boolean measurement) throws IOException {
            opsInIteration.reset();
            measuring = measurement;
            countersBefore = measurement ? counters() : null;
            started = System.nanoTime();
        }

        void end() throws IOException {
            long took = System.nanoTime() - started;
            if (measuring) {
                long[] after = counters();
                cpuNanos += after[0] - countersBefore[0];
                allocatedBytes += after[1] - countersBefore[1];
                measuredNanos += took;
                measuredOps += opsInIteration.sum();
            }
            measuring = false;
        }

        /** Writes the figures of the measurement iterations, as {@code BenchMain} reads them. */
        public void store(Properties p) {
            p.setProperty("measuredOps", Long.toString(measuredOps));
            p.setProperty("measuredNanos", Long.toString(measuredNanos));
            p.setProperty("cpuNanos", Long.toString(cpuNanos));
            p.setProperty("allocatedBytes", Long.toString(allocatedBytes));
            p.setProperty("p50Millis", String.format(Locale.ROOT, "%.3f", latency.percentileMillis(50)));
            p.setProperty("p99Millis", String.format(Locale.ROOT, "%.3f", latency.percentileMillis(99)));
        }
    }
}
