package io.github.mitakemms.camel.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import io.github.mitakemms.camel.bench.callback.CallbackBenchmark;
import io.github.mitakemms.camel.bench.push.PushBenchmark;
import io.github.mitakemms.camel.bench.push.PushTurnsBenchmark;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormat;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;
import org.openjdk.jmh.util.Statistics;

/**
 * Runs the whole comparison: starts the loopback gateway, runs the cases as JMH runs in forked JVMs (the gateway's
 * latency and counters set between runs), then prints the table of figures and one line {@code RATIO <name> <value>}
 * per target. Writes the table to {@code <out>/results.md} too. At 0 ms, bound by the CPU, each contender runs alone
 * in its JVM ({@link PushBenchmark}); at 20 ms, where they differ by a fraction of a percent, the three take
 * {@link Turns} in one JVM ({@link PushTurnsBenchmark}); the callback's two servers take turns too
 * ({@link CallbackBenchmark}).
 * <p>
 * Arguments: the output folder, then any of {@code quick} (short iterations, for development), {@code verbose} (JMH's
 * own output), {@code only=<regex>} (runs whose name matches, e.g. {@code only=push-1KB-0ms}), {@code warmup=<n>x<s>},
 * {@code measure=<n>x<s>}, {@code jvmArg=<arg>} (added to the arguments of the measured JVMs, e.g. to record a
 * flight recording; {@code {target}} in it becomes the callback server's name).
 */
public final class BenchMain {

    static final int THREADS = 16;
    static final String[] CONTENDERS = PushTurnsBenchmark.CONTENDERS;
    static final String[] PAYLOADS = { "1KB", "300KB" };
    static final int[] LATENCIES = { 0, 20 };

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        Instant started = Instant.now();
        Path out = Path.of(args.length > 0 ? args[0] : "target/bench");
        Files.createDirectories(out);
        Settings s = Settings.parse(args);
        String loadAtStart = Machine.loadAverage();
        System.out.println("Benchmark harness: " + THREADS + " sender threads, warmup " + s.warmupIterations + " x "
                           + s.warmupSeconds + " s, measurement " + s.measureIterations + " x " + s.measureSeconds
                           + " s, one fork per run");
        System.out.println("Machine: " + Machine.describe());

        List<PushRow> pushRows = new ArrayList<>();
        List<CallbackRow> callbackRows = new ArrayList<>();
        try (LoopbackGateway gateway = new LoopbackGateway()) {
            for (String payload : PAYLOADS) {
                for (int latency : LATENCIES) {
                    if (latency == 0) {
                        // bound by the CPU: each contender alone in a JVM of its own, with JMH's profilers
                        for (String contender : CONTENDERS) {
                            String name = "push-" + payload + "-" + latency + "ms-" + contender;
                            if (s.selected(name)) {
                                gateway.reset(latency);
                                long t0 = System.nanoTime();
                                RunResult r = run(s, name, PushBenchmark.class, out, gateway,
                                        Map.of("contender", contender, "payload", payload));
                                pushRows.add(pushRow(payload, latency, contender, Figures.of(r), gateway, t0, false));
                                System.out.println(pushRows.get(pushRows.size() - 1).progress());
                            }
                        }
                        continue;
                    }
                    // bound by the gateway: the contenders differ by a fraction of a percent, so they take turns in one
                    // JVM, which what changes between runs cannot tell apart
                    String name = "push-" + payload + "-" + latency + "ms-turns";
                    if (s.selected(name)) {
                        gateway.reset(latency);
                        long t0 = System.nanoTime();
                        RunResult r = run(s.inTurns(CONTENDERS.length), name + " (raw, component, route in turns)",
                                PushTurnsBenchmark.class, out, gateway, Map.of("payload", payload));
                        for (String contender : CONTENDERS) {
                            Properties figures = load(out.resolve("push-" + payload + "-" + contender + ".properties"), r);
                            pushRows.add(pushRow(payload, latency, contender, r == null ? null : Figures.of(figures), gateway,
                                    t0, true));
                            System.out.println(pushRows.get(pushRows.size() - 1).progress());
                        }
                    }
                }
            }
            if (s.selected("callback")) {
                RunResult r = run(s.inTurns(CallbackBenchmark.TARGETS.length),
                        "callback (bare platform-http and mitake-mms:callback in turns)", CallbackBenchmark.class, out, null,
                        Map.of());
                for (String target : CallbackBenchmark.TARGETS) {
                    Properties counts = load(out.resolve("callback-" + target + ".properties"), r);
                    CallbackRow row = new CallbackRow(target, r == null ? null : Figures.of(counts), counts,
                            Machine.loadAverage());
                    callbackRows.add(row);
                    System.out.println(row.progress());
                }
            }
        }

        Report report = new Report(pushRows, callbackRows);
        String table = "Run started " + started.truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + ", 1-minute load average "
                       + loadAtStart + " at start (it counts the harness's own runnable threads: up to about 16 at 0 ms)\n"
                       + report.markdown(s, Duration.between(started, Instant.now()));
        Files.writeString(out.resolve("results.md"), table, StandardCharsets.UTF_8);
        System.out.println();
        System.out.println(table);
        for (String line : report.ratioLines()) {
            System.out.println(line);
        }
        System.out.println(report.summary());
        if (report.hasProblems()) {
            System.out.println("Some runs failed or a contender sent a wrong request: see above.");
            System.exit(1);
        }
    }

    /**
     * One JMH run in one fork; null when it failed (the failure is printed). {@link PushBenchmark} runs get JMH's GC
     * profiler and a CPU time profiler; the extra JVM arguments go to the JVM that does the measured work: the fork for
     * pushes, the servers the fork starts for the callback.
     */
    private static RunResult run(Settings s, String name, Class<?> benchmark, Path out, LoopbackGateway gateway,
                                 Map<String, String> params) {
        ChainedOptionsBuilder o = new OptionsBuilder()
                .include("^" + benchmark.getName().replace(".", "\\.") + "\\.")
                .forks(1)
                .threads(THREADS)
                .warmupIterations(s.warmupIterations)
                .warmupTime(TimeValue.seconds(s.warmupSeconds))
                .measurementIterations(s.measureIterations)
                .measurementTime(TimeValue.seconds(s.measureSeconds))
                .shouldFailOnError(true);
        List<String> jvmArgs = new ArrayList<>(List.of("-XX:+UseG1GC", "-Dbench.out=" + out.toAbsolutePath(),
                "-Dlog4j2.configurationFile=bench-log4j2.xml"));
        if (gateway != null) {
            jvmArgs.add("-Dbench.gateway=" + gateway.baseUrl());
        }
        if (benchmark == CallbackBenchmark.class) {
            // the load generator: the servers it starts are measured
            jvmArgs.addAll(List.of("-Xms512m", "-Xmx512m", "-Dbench.serverJvmArgs=" + String.join(" ", s.extraJvmArgs)));
        } else {
            jvmArgs.addAll(List.of("-Xms1g", "-Xmx1g"));
            jvmArgs.addAll(s.extraJvmArgs);
        }
        if (benchmark == PushBenchmark.class) {
            o.addProfiler(GCProfiler.class).addProfiler(CpuTimeProfiler.class);
        }
        o.jvmArgs(jvmArgs.toArray(new String[0]));
        params.forEach(o::param);
        System.out.println("Running " + name + " ...");
        // JMH's own output goes to a log per run (and to the console with verbose): a failure's stack trace is there
        Path log = out.resolve(name.replaceAll("[^A-Za-z0-9-]+", "_") + ".log");
        try (PrintStream logStream = new PrintStream(Files.newOutputStream(log), true, StandardCharsets.UTF_8)) {
            OutputFormat format = OutputFormatFactory.createFormatInstance(s.verbose ? new TeeStream(logStream, System.out) : logStream,
                    VerboseMode.NORMAL);
            return new Runner(o.build(), format).runSingle();
        } catch (RunnerException | IOException | RuntimeException e) {
            System.out.println("FAILED " + name + ": " + e + (e.getCause() == null ? "" : " caused by " + e.getCause()));
            printFailure(log);
            return null;
        }
    }

    /** The lines of a run's log from the first exception on, where JMH printed why the run failed. */
    private static void printFailure(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            int from = 0;
            while (from < lines.size() && !lines.get(from).contains("Exception") && !lines.get(from).contains("Error")) {
                from++;
            }
            lines.subList(Math.min(from, lines.size()), Math.min(lines.size(), from + 40))
                    .forEach(line -> System.out.println("    " + line));
            System.out.println("    (the whole output of the run: " + log + ")");
        } catch (IOException e) {
            System.out.println("    (no log of the run: " + e + ")");
        }
    }

    /** Writes to two streams, for JMH's output to go to the log and the console. */
    private static final class TeeStream extends PrintStream {
        private final PrintStream second;

        TeeStream(PrintStream first, PrintStream second) {
            super(first, true, StandardCharsets.UTF_8);
            this.second = second;
        }

        @Override
        public void write(int b) {
            super.write(b);
            second.write(b);
        }

        @Override
        public void write(byte[] buf, int off, int len) {
            super.write(buf, off, len);
            second.write(buf, off, len);
        }

        @Override
        public void flush() {
            super.flush();
            second.flush();
        }
    }

    /** The figures a run in turns wrote, deleted once read; empty when the run failed. */
    private static Properties load(Path file, RunResult r) throws IOException {
        Properties p = new Properties();
        if (r != null && Files.exists(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                p.load(in);
            }
            Files.delete(file);
        }
        return p;
    }

    /** The figures of one contender in one case. */
    record Figures(double perSecond, double p50Millis, double p99Millis, double bytesPerOp, double cpuMicrosPerOp) {

        /** Of a run with one contender: throughput by Little's law, JMH's sampled latencies and its profilers. */
        static Figures of(RunResult r) {
            if (r == null) {
                return null;
            }
            Statistics st = r.getPrimaryResult().getStatistics();
            // ops per second of THREADS closed-loop senders: threads / mean latency
            return new Figures(THREADS * 1000.0 / st.getMean(), st.getPercentile(50), st.getPercentile(99),
                    secondary(r, "gc.alloc.rate.norm"), secondary(r, CpuTimeProfiler.NAME));
        }

        /** Of one contender of a run in turns (see {@link Turns.Turn#store}). */
        static Figures of(Properties p) {
            double ops = number(p, "measuredOps");
            double nanos = number(p, "measuredNanos");
            return new Figures(ops * 1e9 / nanos, number(p, "p50Millis"), number(p, "p99Millis"),
                    number(p, "allocatedBytes") / ops, number(p, "cpuNanos") / 1000.0 / ops);
        }

        private static double secondary(RunResult r, String name) {
            Result<?> result = r.getSecondaryResults().get(name);
            return result == null ? Double.NaN : result.getScore();
        }

        private static double number(Properties p, String key) {
            String v = p.getProperty(key);
            return v == null ? Double.NaN : Double.parseDouble(v);
        }
    }

    private static PushRow pushRow(String payload, int latency, String contender, Figures figures, LoopbackGateway gateway,
                                   long startedNanos, boolean inTurns) {
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - startedNanos);
        return new PushRow(payload, latency, contender, figures, inTurns, gateway.tokenCalls(contender),
                gateway.pushes(contender), gateway.refused(), gateway.problems(), seconds, Machine.loadAverage());
    }

    record PushRow(String payload, int latency, String contender, Figures figures, boolean inTurns, long tokenCalls,
                   long pushes, long refused, List<String> problems, long seconds, String load) {

        boolean ok() {
            return figures != null && problems.isEmpty() && refused == 0;
        }

        String caseName() {
            return payload + "-" + latency + "ms";
        }

        String progress() {
            if (figures == null) {
                return "  " + caseName() + " " + contender + ": FAILED " + problems;
            }
            return String.format(Locale.ROOT,
                    "  %s %-9s %8.0f msg/s  p50 %7.2f ms  p99 %7.2f ms  %,11.0f B/push  %7.0f us CPU/push  tokens %d  pushes %d  %d s  load %s%s",
                    caseName(), contender, figures.perSecond, figures.p50Millis, figures.p99Millis, figures.bytesPerOp,
                    figures.cpuMicrosPerOp, tokenCalls, pushes, seconds, load, problems.isEmpty() ? "" : "  PROBLEMS " + problems);
        }
    }

    /** The figures are the server's: its CPU time and allocations, measured in its own JVM. */
    record CallbackRow(String target, Figures figures, Properties counts, String load) {

        long count(String key) {
            return Long.parseLong(counts.getProperty(key, "0"));
        }

        /** Reports (component) or requests (bare) that reached the route, over those sent. */
        double deliveredRatio() {
            long sent = "component".equals(target) ? count("reportsSent") : count("requestsSent");
            return sent == 0 ? Double.NaN : (double) count("delivered") / sent;
        }

        String progress() {
            if (figures == null) {
                return "  callback " + target + ": FAILED";
            }
            return String.format(Locale.ROOT,
                    "  callback %-9s %8.0f req/s  p50 %7.2f ms  p99 %7.2f ms  %,9.0f B/req  %6.0f us CPU/req  sent %d  200s %d  delivered %d %s  load %s",
                    target, figures.perSecond, figures.p50Millis, figures.p99Millis, figures.bytesPerOp,
                    figures.cpuMicrosPerOp, count("requestsSent"), count("requestsAnswered200"), count("delivered"),
                    counts.getProperty("deliveredUnit", ""), load);
        }
    }

    static final class Settings {
        // the Camel contenders have much more code to compile than the raw client: on 2 cores, with other work on the
        // machine, C2 needs 10 to 20 s before they run at their steady state
        int warmupIterations = 18;
        int warmupSeconds = 1;
        int measureIterations = 5;
        int measureSeconds = 1;
        boolean verbose;
        String only;
        List<String> extraJvmArgs = new ArrayList<>();

        /**
         * For a run of n contenders in turns: each gets twice the measurement iterations of a run alone, and the warmup
         * gets a few more iterations, rounded up so that every contender has as many as the others.
         */
        Settings inTurns(int n) {
            Settings copy = new Settings();
            copy.warmupIterations = (warmupIterations + 6 + n - 1) / n * n;
            copy.warmupSeconds = warmupSeconds;
            copy.measureIterations = measureIterations * 2 * n;
            copy.measureSeconds = measureSeconds;
            copy.verbose = verbose;
            copy.only = only;
            copy.extraJvmArgs = extraJvmArgs;
            return copy;
        }

        static Settings parse(String[] args) {
            Settings s = new Settings();
            for (int i = 1; i < args.length; i++) {
                for (String a : args[i].trim().split("\\s+")) {
                    if (a.isEmpty()) {
                        continue;
                    }
                    if (a.equals("quick")) {
                        s.warmupIterations = 1;
                        s.warmupSeconds = 1;
                        s.measureIterations = 2;
                        s.measureSeconds = 1;
                    } else if (a.equals("verbose")) {
                        s.verbose = true;
                    } else if (a.startsWith("jvmArg=")) {
                        s.extraJvmArgs.add(a.substring(7));
                    } else if (a.startsWith("only=")) {
                        s.only = a.substring(5);
                    } else if (a.startsWith("warmup=")) {
                        String[] v = a.substring(7).split("x");
                        s.warmupIterations = Integer.parseInt(v[0]);
                        s.warmupSeconds = Integer.parseInt(v[1]);
                    } else if (a.startsWith("measure=")) {
                        String[] v = a.substring(8).split("x");
                        s.measureIterations = Integer.parseInt(v[0]);
                        s.measureSeconds = Integer.parseInt(v[1]);
                    } else {
                        throw new IllegalArgumentException("Unknown argument " + a);
                    }
                }
            }
            return s;
        }

        boolean selected(String name) {
            return only == null || name.matches(".*(" + only + ").*");
        }
    }

    /** Builds the Markdown table and the ratio lines. */
    static final class Report {
        private final List<PushRow> push;
        private final List<CallbackRow> callback;
        private final Map<String, Ratio> ratios = new LinkedHashMap<>();

        Report(List<PushRow> push, List<CallbackRow> callback) {
            this.push = push;
            this.callback = callback;
            computeRatios();
        }

        record Ratio(String name, double value, String target, boolean met) {
        }

        private PushRow find(String payload, int latency, String contender) {
            for (PushRow r : push) {
                if (r.payload.equals(payload) && r.latency == latency && r.contender.equals(contender) && r.figures != null) {
                    return r;
                }
            }
            return null;
        }

        private void computeRatios() {
            for (String payload : PAYLOADS) {
                for (int latency : LATENCIES) {
                    PushRow raw = find(payload, latency, "raw");
                    PushRow component = find(payload, latency, "component");
                    PushRow route = find(payload, latency, "route");
                    String c = payload.toLowerCase(Locale.ROOT) + "_" + latency + "ms";
                    double minVsRaw = latency == 0 ? 0.85 : 0.95;
                    if (raw != null && component != null) {
                        double v = component.figures.perSecond / raw.figures.perSecond;
                        put("throughput_component_vs_raw_" + c, v, ">= " + minVsRaw, v >= minVsRaw);
                    }
                    if (route != null && component != null) {
                        double v = component.figures.perSecond / route.figures.perSecond;
                        put("throughput_component_vs_route_" + c, v, ">= 1.0", v >= 1.0);
                    }
                    if (raw != null && component != null) {
                        double v = component.figures.cpuMicrosPerOp / raw.figures.cpuMicrosPerOp;
                        put("cpu_per_push_component_vs_raw_" + c, v, "(information)", true);
                    }
                    if (payload.equals("300KB") && raw != null && component != null) {
                        double v = component.figures.bytesPerOp / raw.figures.bytesPerOp;
                        put("bytes_per_push_component_vs_raw_" + c, v, "<= 1.5", v <= 1.5);
                    }
                }
            }
            long maxTokens = -1;
            for (PushRow r : push) {
                if (r.contender.equals("component") && r.figures != null) {
                    // each run is far shorter than the token's lifetime: one lifetime per run
                    long lifetimes = Math.max(1, (long) Math.ceil(r.seconds / Double.parseDouble(LoopbackGateway.EXPIRES_IN)));
                    maxTokens = Math.max(maxTokens, (long) Math.ceil((double) r.tokenCalls / lifetimes));
                }
            }
            if (maxTokens >= 0) {
                put("token_requests_per_lifetime_component", maxTokens, "= 1", maxTokens == 1);
            }
            CallbackRow bare = null;
            CallbackRow component = null;
            for (CallbackRow r : callback) {
                if (r.figures != null) {
                    if (r.target.equals("bare")) {
                        bare = r;
                    } else {
                        component = r;
                    }
                }
            }
            if (bare != null && component != null) {
                double v = component.figures.perSecond / bare.figures.perSecond;
                put("throughput_callback_vs_bare_platform_http", v, ">= 0.9", v >= 0.9);
                put("server_cpu_per_request_callback_vs_bare_platform_http", component.figures.cpuMicrosPerOp / bare.figures.cpuMicrosPerOp,
                        "(information)", true);
            }
            if (component != null) {
                double v = component.deliveredRatio();
                put("callback_reports_delivered_vs_sent", v, "= 1.0", v == 1.0);
            }
        }

        private void put(String name, double value, String target, boolean met) {
            ratios.put(name, new Ratio(name, value, target, met));
        }

        /** Ratios with a target, then the others. */
        boolean informational(Ratio r) {
            return r.target.startsWith("(");
        }

        boolean hasProblems() {
            return push.stream().anyMatch(r -> !r.ok())
                   || callback.stream().anyMatch(r -> r.figures == null
                                                      || r.count("requestsAnswered200") != r.count("requestsSent"));
        }

        String summary() {
            long targets = ratios.values().stream().filter(r -> !informational(r)).count();
            long met = ratios.values().stream().filter(r -> !informational(r) && r.met).count();
            return "Targets met: " + met + " of " + targets;
        }

        List<String> ratioLines() {
            List<String> lines = new ArrayList<>();
            for (Ratio r : ratios.values()) {
                lines.add(String.format(Locale.ROOT, "RATIO %s %.3f", r.name, r.value));
            }
            return lines;
        }

        String markdown(Settings s, Duration took) {
            StringBuilder sb = new StringBuilder();
            sb.append("Machine: ").append(Machine.describe()).append('\n');
            Settings turns = s.inTurns(CONTENDERS.length);
            sb.append(String.format(Locale.ROOT, "Runs: %d sender threads, 1 fork per run; 0 ms: each contender alone, JMH "
                                                 + "SampleTime, warmup %d x %d s, measurement %d x %d s; 20 ms and callback: in "
                                                 + "turns, warmup %d x %d s, measurement %d x %d s, shared by the contenders; "
                                                 + "harness took %d s%n%n",
                    THREADS, s.warmupIterations, s.warmupSeconds, s.measureIterations, s.measureSeconds,
                    turns.warmupIterations, turns.warmupSeconds, turns.measureIterations, turns.measureSeconds,
                    took.toSeconds()));
            sb.append("| payload | gateway latency | contender | measured | messages/s | p50 ms | p99 ms | bytes/push | CPU µs/push | token requests | pushes | load avg |\n");
            sb.append("|---|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
            for (PushRow r : push) {
                String measured = r.inTurns ? "in turns" : "alone";
                if (r.figures == null) {
                    sb.append(String.format(Locale.ROOT, "| %s | %d ms | %s | %s | failed | | | | | | | |%n", r.payload,
                            r.latency, r.contender, measured));
                    continue;
                }
                Figures f = r.figures;
                sb.append(String.format(Locale.ROOT, "| %s | %d ms | %s | %s | %.0f | %.2f | %.2f | %,.0f | %.0f | %d | %d | %s |%n",
                        r.payload, r.latency, r.contender, measured, f.perSecond, f.p50Millis, f.p99Millis, f.bytesPerOp,
                        f.cpuMicrosPerOp, r.tokenCalls, r.pushes, r.load));
            }
            if (!callback.isEmpty()) {
                sb.append("\n| callback target | requests/s | p50 ms | p99 ms | server bytes/request | server CPU µs/request | requests sent | answered 200 "
                          + "| delivered to the route | load avg |\n");
                sb.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
                for (CallbackRow r : callback) {
                    String name = r.target.equals("component") ? "mitake-mms:callback" : "bare platform-http";
                    if (r.figures == null) {
                        sb.append("| ").append(name).append(" | failed | | | | | | | | |\n");
                        continue;
                    }
                    Figures f = r.figures;
                    sb.append(String.format(Locale.ROOT, "| %s | %.0f | %.2f | %.2f | %,.0f | %.0f | %d | %d | %d %s | %s |%n", name,
                            f.perSecond, f.p50Millis, f.p99Millis, f.bytesPerOp, f.cpuMicrosPerOp, r.count("requestsSent"),
                            r.count("requestsAnswered200"), r.count("delivered"), r.counts.getProperty("deliveredUnit", ""), r.load));
                }
            }
            sb.append("\n| ratio | value | target | met |\n|---|---:|---|---|\n");
            for (Ratio r : ratios.values()) {
                sb.append(String.format(Locale.ROOT, "| %s | %.3f | %s | %s |%n", r.name, r.value, r.target,
                        informational(r) ? "" : r.met ? "yes" : "**no**"));
            }
            return sb.toString();
        }
    }
}
