package io.github.mitakemms.camel.bench;

import java.util.Collection;
import java.util.List;

import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * CPU time the measured JVM spends per operation, all its threads together (senders, HTTP client threads, GC, JIT):
 * {@code cpu.time.norm} in microseconds per op. Unlike throughput it barely moves when other processes compete for the
 * cores, so it shows where one contender costs more than another even on a busy machine. Also {@code jit.time}: the
 * milliseconds the JIT compilers spent during the measured iterations (summed over them), which says whether the
 * contender was still being compiled while it was measured.
 */
public final class CpuTimeProfiler implements InternalProfiler {

    public static final String NAME = "cpu.time.norm";
    public static final String JIT = "jit.time";

    private long cpuBefore;
    private long jitBefore;

    @Override
    public String getDescription() {
        return "process CPU time per operation";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        cpuBefore = JvmCounters.processCpuNanos();
        jitBefore = JvmCounters.compilationMillis();
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
                                                       IterationResult result) {
        long cpu = JvmCounters.processCpuNanos() - cpuBefore;
        long jit = JvmCounters.compilationMillis() - jitBefore;
        long ops = result.getMetadata().getAllOps();
        if (cpu <= 0 || ops <= 0) {
            return List.of();
        }
        return List.of(new ScalarResult(NAME, cpu / 1000.0 / ops, "us/op", AggregationPolicy.AVG),
                new ScalarResult(JIT, jit, "ms", AggregationPolicy.SUM));
    }
}
