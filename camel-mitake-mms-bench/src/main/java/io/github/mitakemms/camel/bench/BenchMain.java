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
                           + " s, one fork per run; 1-minute load average " + loadAtStart + " at start");
        System.out.println("Machine: " + Machine.describe());

        List<PushRow> pushRows = new ArrayList<>();
        List<CallbackRow> callbackRows = new ArrayList<>();
        List<Curves.PushPoint> pushCurve = new ArrayList<>();
        List<CallbackRow> callbackCurve = new ArrayList<>();
        List<String> failedRuns = new ArrayList<>();
        try (LoopbackGateway gateway = new LoopbackGateway()) {
            for (String payload : PAYLOADS) {
                for (int latency : LATENCIES) {
                    if (latency == 0) {
                        // bound by the CPU: each contender alone in a JVM of its own, with JMH's profilers
                        for (String contender : CONTENDERS) {
                            String name = "push-" + payload + "-" + latency + "ms-" + contender;
                            if (s.selected(name)) {
                                long[] t0 = new long[1];
                                Attempt<RunResult> a = attempt(failedRuns, name, () -> {
                                    gateway.reset(latency);
                                    deleteRetries(out, payload);
                                    t0[0] = System.nanoTime();
                                    return run(s, name, PushBenchmark.class, out, gateway,
                                            Map.of("contender", contender, "payload", payload));
                                });
                                pushRows.add(pushRow(payload, latency, contender, Figures.of(a.result), gateway, t0[0], false,
                                        a.retried, readRetries(out, payload, contender)));
                                System.out.println(pushRows.get(pushRows.size() - 1).progress());
                            }
                        }
                        continue;
                    }
                    // bound by the gateway: the contenders differ by a fraction of a percent, so they take turns in one
                    // JVM, which what changes between runs cannot tell apart
                    String name = "push-" + payload + "-" + latency + "ms-turns";
                    if (s.selected(name)) {
                        long[] t0 = new long[1];
                        Attempt<RunResult> a = attempt(failedRuns, name, () -> {
                            gateway.reset(latency);
                            deleteRetries(out, payload);
                            t0[0] = System.nanoTime();
                            return run(s.inTurns(CONTENDERS.length), name + " (" + String.join(", ", CONTENDERS) + " in turns)",
                                    PushTurnsBenchmark.class, out, gateway, Map.of("payload", payload));
                        });
                        for (String contender : CONTENDERS) {
                            Properties figures = load(out.resolve("push-" + payload + "-" + contender + ".properties"), a.result);
                            pushRows.add(pushRow(payload, latency, contender, a.result == null ? null : Figures.of(figures), gateway,
                                    t0[0], true, a.retried, readRetries(out, payload, contender)));
                            System.out.println(pushRows.get(pushRows.size() - 1).progress());
                        }
                    }
                }
            }
        }
        if (s.selected("callback")) {
            Attempt<RunResult> a = attempt(failedRuns, "callback", () -> run(s.inTurns(CallbackBenchmark.TARGETS.length),
                    "callback (bare platform-http and mitake-mms:callback in turns)", CallbackBenchmark.class, out, null,
                    Map.of("reports", "0")));
            for (String target : CallbackBenchmark.TARGETS) {
                Properties counts = load(out.resolve("callback-" + target + ".properties"), a.result);
                CallbackRow row = new CallbackRow(target, CallbackBenchmark.SPEC_REPORTS, a.result == null ? null : Figures.of(counts),
                        counts, Machine.loadAverage(), a.retried);
                callbackRows.add(row);
                System.out.println(row.progress());
            }
        }
        if (s.selected("curve-push")) {
            Attempt<Boolean> a = attempt(failedRuns, "curve-push", () -> Curves.runPush(s, out, pushCurve));
            if (a.result == null) {
                pushCurve.clear();
            }
        }
        if (s.selected("curve-callback")) {
            String sizes = java.util.Arrays.stream(Curves.CALLBACK_REPORTS).mapToObj(Integer::toString)
                    .collect(java.util.stream.Collectors.joining(","));
            Attempt<RunResult> a = attempt(failedRuns, "curve-callback", () -> run(s.curve(CallbackBenchmark.TARGETS.length
                                                                                            * Curves.CALLBACK_REPORTS.length),
                    "curve-callback (bare platform-http and mitake-mms:callback, bodies of " + sizes + " reports, in turns)",
                    CallbackBenchmark.class, out, null, Map.of("reports", sizes)));
            for (int reports : Curves.CALLBACK_REPORTS) {
                for (String target : CallbackBenchmark.TARGETS) {
                    Properties counts = load(out.resolve("callback-" + target + "-" + reports + ".properties"), a.result);
                    CallbackRow row = new CallbackRow(target, reports, a.result == null ? null : Figures.of(counts), counts,
                            Machine.loadAverage(), a.retried);
                    callbackCurve.add(row);
                    System.out.println(row.progress());
                }
            }
        }

        Report report = new Report(pushRows, callbackRows, pushCurve, callbackCurve, failedRuns);
        Duration took = Duration.between(started, Instant.now());
        String table = "Run started " + started.truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + ", 1-minute load average "
                       + loadAtStart + " at start and " + Machine.loadAverage() + " at the end (it counts the harness's own "
                       + "runnable threads: up to about 16 at 0 ms)\n"
                       + report.markdown(s, took);
        Files.writeString(out.resolve("results.md"), table, StandardCharsets.UTF_8);
        Curves.writePlots(out, pushCurve, callbackCurve);
        System.out.println();
        System.out.println(table);
        for (String line : report.ratioLines()) {
            System.out.println(line);
        }
        System.out.println(report.summary());
        System.out.printf(Locale.ROOT, "Harness took %d min %d s; load average %s at start, %s at the end%n", took.toMinutes(),
                took.toSecondsPart(), loadAtStart, Machine.loadAverage());
        if (report.hasProblems()) {
            System.out.println("Some runs failed twice or a contender sent a wrong request: see above.");
            System.exit(1);
        }
    }

    /** One run that may be made twice: its result (null when both attempts failed) and why the first failed. */
    record Attempt<T>(T result, String retried) {
    }

    interface RunOnce<T> {
        /** Null when the run failed (and printed why). */
        T run() throws Exception;
    }

    /**
     * Makes a run; when it fails, makes it once more and notes why the first failed (a transient failure of one
     * contender must not lose the other figures). A run that fails twice is a failure.
     */
    static <T> Attempt<T> attempt(List<String> failedRuns, String name, RunOnce<T> run) throws Exception {
        lastFailure = null;
        attemptNo = 1;
        T r = run.run();
        if (r != null) {
            return new Attempt<>(r, null);
        }
        String first = lastFailure == null ? "failed" : lastFailure;
        System.out.println("RETRY " + name + " once, after: " + first);
        lastFailure = null;
        attemptNo = 2;
        r = run.run();
        if (r == null) {
            failedRuns.add(name + ": " + first + "; again: " + lastFailure);
        }
        return new Attempt<>(r, first);
    }

    private static final long STARTED = System.nanoTime();

    /** Time since the harness started, as m:ss. */
    static String elapsed() {
        long sec = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - STARTED);
        return String.format(Locale.ROOT, "%d:%02d, load %s", sec / 60, sec % 60, Machine.loadAverage());
    }

    /** Which attempt of a run is being made: 1 or 2. */
    static volatile int attemptNo = 1;

    /** Why the last run failed, in one line. */
    static volatile String lastFailure;

    private static void deleteRetries(Path out, String payload) throws IOException {
        for (String c : CONTENDERS) {
            Files.deleteIfExists(out.resolve("retries-" + payload + "-" + c + ".txt"));
        }
    }

    private static long readRetries(Path out, String payload, String contender) throws IOException {
        Path f = out.resolve("retries-" + payload + "-" + contender + ".txt");
        return Files.exists(f) ? Long.parseLong(Files.readString(f).trim()) : -1;
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
        if (attemptNo == 1 && s.failOnce != null && name.matches(".*(" + s.failOnce + ").*")) {
            // to check the harness: the push runs' senders fail after a while in the first attempt only
            jvmArgs.add("-D" + PushBenchmark.INJECT_FAILURE + "=true");
        }
        o.jvmArgs(jvmArgs.toArray(new String[0]));
        params.forEach(o::param);
        System.out.println("Running " + name + (attemptNo > 1 ? " again" : "") + " ... (" + elapsed() + ")");
        // JMH's own output goes to a log per run (and to the console with verbose): a failure's stack trace is there
        Path log = out.resolve(name.replaceAll("[^A-Za-z0-9-]+", "_") + ".log");
        try (PrintStream logStream = new PrintStream(Files.newOutputStream(log), true, StandardCharsets.UTF_8)) {
            OutputFormat format = OutputFormatFactory.createFormatInstance(s.verbose ? new TeeStream(logStream, System.out) : logStream,
                    VerboseMode.NORMAL);
            return new Runner(o.build(), format).runSingle();
        } catch (RunnerException | IOException | RuntimeException e) {
            lastFailure = e + (e.getCause() == null ? "" : " caused by " + e.getCause());
            System.out.println("FAILED " + name + ": " + lastFailure);
            String cause = printFailure(log);
            if (cause != null) {
                lastFailure = cause.length() > 160 ? cause.substring(0, 160) + "…" : cause;
            }
            return null;
        }
    }

    /**
     * Prints the lines of a run's log from the first exception on, where JMH printed why the run failed; returns that
     * first line (the cause), or null.
     */
    private static String printFailure(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            int from = 0;
            while (from < lines.size() && !lines.get(from).contains("Exception") && !lines.get(from).contains("Error")) {
                from++;
            }
            lines.subList(Math.min(from, lines.size()), Math.min(lines.size(), from + 40))
                    .forEach(line -> System.out.println("    " + line));
            System.out.println("    (the whole output of the run: " + log + ")");
            return from < lines.size() ? lines.get(from).trim() : null;
        } catch (IOException e) {
            System.out.println("    (no log of the run: " + e + ")");
            return null;
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
    record Figures(double perSecond, double p50Millis, double p99Millis, double bytesPerOp, double cpuMicrosPerOp,
                   double jitMillis) {

        /** Of a run with one contender: throughput by Little's law, JMH's sampled latencies and its profilers. */
        static Figures of(RunResult r) {
            if (r == null) {
                return null;
            }
            Statistics st = r.getPrimaryResult().getStatistics();
            // ops per second of THREADS closed-loop senders: threads / mean latency
            return new Figures(THREADS * 1000.0 / st.getMean(), st.getPercentile(50), st.getPercentile(99),
                    secondary(r, "gc.alloc.rate.norm"), secondary(r, CpuTimeProfiler.NAME),
                    secondary(r, CpuTimeProfiler.JIT));
        }

        /** Of one contender of a run in turns (see {@link Turns.Turn#store}). */
        static Figures of(Properties p) {
            double ops = number(p, "measuredOps");
            double nanos = number(p, "measuredNanos");
            return new Figures(ops * 1e9 / nanos, number(p, "p50Millis"), number(p, "p99Millis"),
                    number(p, "allocatedBytes") / ops, number(p, "cpuNanos") / 1000.0 / ops, Double.NaN);
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
                                   long startedNanos, boolean inTurns, String retried, long transportRetries) {
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - startedNanos);
        return new PushRow(payload, latency, contender, figures, inTurns, gateway.tokenCalls(contender),
                gateway.pushes(contender), gateway.refused(), gateway.problems(), seconds, Machine.loadAverage(), retried,
                transportRetries);
    }

    /**
     * One contender in one case. {@code retried}: why the run's first attempt failed, null when it did not;
     * {@code transportRetries}: pushes the contender itself sent again (java.net.http, the limit's reconnects).
     */
    record PushRow(String payload, int latency, String contender, Figures figures, boolean inTurns, long tokenCalls,
                   long pushes, long refused, List<String> problems, long seconds, String load, String retried,
                   long transportRetries) {

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
                    "  %s %-9s %8.0f msg/s  p50 %7.2f ms  p99 %7.2f ms  %,11.0f B/push  %7.0f us CPU/push  JIT %s ms  tokens %d  pushes %d  resent %d  %d s  load %s%s%s",
                    caseName(), contender, figures.perSecond, figures.p50Millis, figures.p99Millis, figures.bytesPerOp,
                    figures.cpuMicrosPerOp, Double.isNaN(figures.jitMillis) ? "-" : String.format(Locale.ROOT, "%.0f", figures.jitMillis),
                    tokenCalls, pushes, transportRetries, seconds, load,
                    retried == null ? "" : "  (run retried)", problems.isEmpty() ? "" : "  PROBLEMS " + problems);
        }
    }

    /** The figures are the server's: its CPU time and allocations, measured in its own JVM. */
    record CallbackRow(String target, int reportsPerRequest, Figures figures, Properties counts, String load, String retried) {

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
                return "  callback " + target + " (" + reportsPerRequest + " reports per body): FAILED";
            }
            return String.format(Locale.ROOT,
                    "  callback %4d reports %-9s %8.0f req/s  p50 %7.2f ms  p99 %7.2f ms  %,9.0f B/req  %6.0f us CPU/req  sent %d  200s %d  delivered %d %s  load %s",
                    reportsPerRequest, target, figures.perSecond, figures.p50Millis, figures.p99Millis, figures.bytesPerOp,
                    figures.cpuMicrosPerOp, count("requestsSent"), count("requestsAnswered200"), count("delivered"),
                    counts.getProperty("deliveredUnit", ""), load) + (retried == null ? "" : "  (run retried)");
        }
    }

    static final class Settings {
        // the Camel contenders have much more code to compile than the raw client: on 2 cores shared with 16 senders and
        // the gateway, C2 finishes compiling their push path only after 20 to 25 s; the column "JIT ms while measured"
        // shows whether it had
        int warmupIterations = 30;
        // in turns every contender's code is compiled while the others run: the warmup is shared
        int turnsWarmupIterations = 24;
        int warmupSeconds = 1;
        int measureIterations = 5;
        int measureSeconds = 1;
        boolean verbose;
        boolean quick;
        String only;
        String failOnce;
        List<String> extraJvmArgs = new ArrayList<>();

        /**
         * For a run of n contenders in turns: each gets twice the measurement iterations of a run alone, and the warmup
         * gets a few more iterations, rounded up so that every contender has as many as the others.
         */
        Settings inTurns(int n) {
            Settings copy = copy();
            copy.warmupIterations = quick ? n : (turnsWarmupIterations + n - 1) / n * n;
            copy.warmupSeconds = warmupSeconds;
            copy.measureIterations = quick ? 2 * n : measureIterations * 2 * n;
            return copy;
        }

        /** For the callback curve, n turns (target and body size): two rounds of warmup, three of measurement. */
        Settings curve(int n) {
            Settings copy = copy();
            copy.warmupIterations = quick ? n : 2 * n;
            copy.measureIterations = quick ? n : 3 * n;
            return copy;
        }

        private Settings copy() {
            Settings copy = new Settings();
            copy.warmupIterations = warmupIterations;
            copy.turnsWarmupIterations = turnsWarmupIterations;
            copy.warmupSeconds = warmupSeconds;
            copy.measureIterations = measureIterations;
            copy.measureSeconds = measureSeconds;
            copy.verbose = verbose;
            copy.quick = quick;
            copy.only = only;
            copy.failOnce = failOnce;
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
                        s.quick = true;
                        s.warmupIterations = 1;
                        s.warmupSeconds = 1;
                        s.measureIterations = 2;
                        s.measureSeconds = 1;
                    } else if (a.equals("verbose")) {
                        s.verbose = true;
                    } else if (a.startsWith("jvmArg=")) {
                        s.extraJvmArgs.add(a.substring(7));
                    } else if (a.startsWith("failOnce=")) {
                        s.failOnce = a.substring(9);
                    } else if (a.startsWith("only=")) {
                        s.only = a.substring(5);
                    } else if (a.startsWith("warmup=")) {
                        String[] v = a.substring(7).split("x");
                        s.warmupIterations = Integer.parseInt(v[0]);
                        s.turnsWarmupIterations = s.warmupIterations + 6;
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

    /** Builds the Markdown tables and the ratio lines. */
    static final class Report {
        private final List<PushRow> push;
        private final List<CallbackRow> callback;
        private final List<Curves.PushPoint> pushCurve;
        private final List<CallbackRow> callbackCurve;
        private final List<String> failedRuns;
        private final Map<String, Ratio> ratios = new LinkedHashMap<>();

        Report(List<PushRow> push, List<CallbackRow> callback, List<Curves.PushPoint> pushCurve, List<CallbackRow> callbackCurve,
               List<String> failedRuns) {
            this.push = push;
            this.callback = callback;
            this.pushCurve = pushCurve;
            this.callbackCurve = callbackCurve;
            this.failedRuns = failedRuns;
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
                    PushRow hc5 = find(payload, latency, "hc5");
                    PushRow jdk = find(payload, latency, "jdk");
                    PushRow component = find(payload, latency, "component");
                    PushRow route = find(payload, latency, "route");
                    String c = payload.toLowerCase(Locale.ROOT) + "_" + latency + "ms";
                    double minVsFloor = latency == 0 ? 0.9 : 0.98;
                    if (hc5 != null && component != null) {
                        double v = component.figures.perSecond / hc5.figures.perSecond;
                        put("throughput_component_vs_hc5_" + c, v, ">= " + minVsFloor, v >= minVsFloor);
                        v = component.figures.bytesPerOp / hc5.figures.bytesPerOp;
                        put("bytes_per_push_component_vs_hc5_" + c, v, "<= 1.2", v <= 1.2);
                        v = component.figures.cpuMicrosPerOp / hc5.figures.cpuMicrosPerOp;
                        put("cpu_per_push_component_vs_hc5_" + c, v, "(information)", true);
                    }
                    PushRow camelHc5 = find(payload, latency, "camel-hc5");
                    if (hc5 != null && camelHc5 != null) {
                        put("bytes_per_push_camel_hc5_vs_hc5_" + c, camelHc5.figures.bytesPerOp / hc5.figures.bytesPerOp,
                                "(information)", true);
                    }
                    if (camelHc5 != null && component != null) {
                        put("throughput_component_vs_camel_hc5_" + c, component.figures.perSecond / camelHc5.figures.perSecond,
                                "(information)", true);
                        put("bytes_per_push_component_vs_camel_hc5_" + c,
                                component.figures.bytesPerOp / camelHc5.figures.bytesPerOp, "(information)", true);
                    }
                    if (route != null && component != null) {
                        double v = component.figures.perSecond / route.figures.perSecond;
                        put("throughput_component_vs_route_" + c, v, ">= 1.0", v >= 1.0);
                    }
                    if (jdk != null && component != null) {
                        put("throughput_component_vs_jdk_" + c, component.figures.perSecond / jdk.figures.perSecond,
                                "(information)", true);
                    }
                    PushRow limit = find(payload, latency, "limit");
                    if (limit != null) {
                        for (String contender : CONTENDERS) {
                            PushRow r = find(payload, latency, contender);
                            if (r != null && r != limit) {
                                put("throughput_" + contender.replace('-', '_') + "_vs_limit_" + c, r.figures.perSecond / limit.figures.perSecond,
                                        "(information)", true);
                            }
                        }
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
            CallbackRow bare = target(callback, "bare", CallbackBenchmark.SPEC_REPORTS);
            CallbackRow component = target(callback, "component", CallbackBenchmark.SPEC_REPORTS);
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
            Curves.PushPoint p500 = Curves.point(pushCurve, "1KB", 500);
            Curves.PushPoint p5000 = Curves.point(pushCurve, "1KB", 5_000);
            Curves.PushPoint p50000 = Curves.point(pushCurve, "1KB", 50_000);
            if (p500 != null && p50000 != null) {
                double v = p50000.nanosPerDestination() / p500.nanosPerDestination();
                put("curve_push_time_per_destination_50000_vs_500", v, "<= 1.25", v <= 1.25);
                v = p50000.bytesPerDestination() / p500.bytesPerDestination();
                put("curve_push_bytes_per_destination_50000_vs_500", v, "<= 1.25", v <= 1.25);
            }
            if (p5000 != null && p50000 != null) {
                double v = p50000.peakPerDestination() / p5000.peakPerDestination();
                put("curve_push_peak_heap_per_destination_50000_vs_5000", v, "<= 1.25", v <= 1.25);
            }
            double copies = Curves.attachmentCopiesHeld(pushCurve);
            if (!Double.isNaN(copies)) {
                put("curve_push_50000_attachment_sized_buffers_held", copies, "<= 2.5", copies <= 2.5);
            }
            for (int reports : Curves.CALLBACK_REPORTS) {
                CallbackRow b = target(callbackCurve, "bare", reports);
                CallbackRow m = target(callbackCurve, "component", reports);
                if (b != null && m != null) {
                    put("curve_callback_vs_bare_" + reports + "_reports", m.figures.perSecond / b.figures.perSecond,
                            "(information)", true);
                }
                if (m != null) {
                    double v = m.deliveredRatio();
                    put("curve_callback_reports_delivered_vs_sent_" + reports + "_reports", v, "= 1.0", v == 1.0);
                }
            }
        }

        private static CallbackRow target(List<CallbackRow> rows, String target, int reports) {
            for (CallbackRow r : rows) {
                if (r.figures != null && r.target.equals(target) && r.reportsPerRequest == reports) {
                    return r;
                }
            }
            return null;
        }

        private void put(String name, double value, String target, boolean met) {
            ratios.put(name, new Ratio(name, value, target, met));
        }

        /** Ratios with a target, then the others. */
        boolean informational(Ratio r) {
            return r.target.startsWith("(");
        }

        boolean hasProblems() {
            return !failedRuns.isEmpty() || push.stream().anyMatch(r -> !r.ok())
                   || java.util.stream.Stream.concat(callback.stream(), callbackCurve.stream())
                           .anyMatch(r -> r.figures == null || r.count("requestsAnswered200") != r.count("requestsSent"));
        }

        String summary() {
            long targets = ratios.values().stream().filter(r -> !informational(r)).count();
            long met = ratios.values().stream().filter(r -> !informational(r) && r.met).count();
            long retried = push.stream().filter(r -> r.retried != null).map(r -> r.caseName() + r.inTurns).distinct().count()
                           + java.util.stream.Stream.concat(callback.stream(), callbackCurve.stream())
                                   .filter(r -> r.retried != null).map(r -> r.reportsPerRequest).distinct().count();
            return "Targets met: " + met + " of " + targets + "; runs retried once: " + retried + "; runs failed twice: "
                   + failedRuns.size();
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
                                                 + "SampleTime, warmup %d x %d s, measurement %d x %d s; 20 ms: in "
                                                 + "turns, warmup %d x %d s, measurement %d x %d s, shared by the contenders; "
                                                 + "harness took %d min %d s%n%n",
                    THREADS, s.warmupIterations, s.warmupSeconds, s.measureIterations, s.measureSeconds,
                    turns.warmupIterations, turns.warmupSeconds, turns.measureIterations, turns.measureSeconds,
                    took.toMinutes(), took.toSecondsPart()));
            sb.append("| payload | gateway latency | contender | measured | messages/s | of the limit | p50 ms | p99 ms | bytes/push "
                      + "| CPU µs/push | JIT ms while measured | token requests | pushes | pushes resent | run retried | load avg |\n");
            sb.append("|---|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|\n");
            for (PushRow r : push) {
                String measured = r.inTurns ? "in turns" : "alone";
                String retried = r.retried == null ? "no" : "yes: " + r.retried.replace("|", "/");
                if (r.figures == null) {
                    sb.append(String.format(Locale.ROOT, "| %s | %d ms | %s | %s | failed twice | | | | | | | | | | %s | |%n",
                            r.payload, r.latency, r.contender, measured, retried));
                    continue;
                }
                Figures f = r.figures;
                PushRow limit = find(r.payload, r.latency, "limit");
                String ofLimit = limit == null ? "" : String.format(Locale.ROOT, "%.2f", f.perSecond / limit.figures.perSecond);
                sb.append(String.format(Locale.ROOT, "| %s | %d ms | %s | %s | %.0f | %s | %.2f | %.2f | %,.0f | %.0f | %s | %d | %d | %s | %s | %s |%n",
                        r.payload, r.latency, r.contender, measured, f.perSecond, ofLimit, f.p50Millis, f.p99Millis, f.bytesPerOp,
                        f.cpuMicrosPerOp, Double.isNaN(f.jitMillis) ? "" : String.format(Locale.ROOT, "%.0f", f.jitMillis), r.tokenCalls, r.pushes, r.transportRetries < 0 ? "?" : Long.toString(r.transportRetries),
                        retried, r.load));
            }
            if (!callback.isEmpty()) {
                sb.append("\n| callback target | requests/s | p50 ms | p99 ms | server bytes/request | server CPU µs/request | requests sent | answered 200 "
                          + "| delivered to the route | run retried | load avg |\n");
                sb.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|\n");
                for (CallbackRow r : callback) {
                    String name = r.target.equals("component") ? "mitake-mms:callback" : "bare platform-http";
                    String retried = r.retried == null ? "no" : "yes: " + r.retried.replace("|", "/");
                    if (r.figures == null) {
                        sb.append("| ").append(name).append(" | failed twice | | | | | | | | ").append(retried).append(" | |\n");
                        continue;
                    }
                    Figures f = r.figures;
                    sb.append(String.format(Locale.ROOT, "| %s | %.0f | %.2f | %.2f | %,.0f | %.0f | %d | %d | %d %s | %s | %s |%n", name,
                            f.perSecond, f.p50Millis, f.p99Millis, f.bytesPerOp, f.cpuMicrosPerOp, r.count("requestsSent"),
                            r.count("requestsAnswered200"), r.count("delivered"), r.counts.getProperty("deliveredUnit", ""),
                            retried, r.load));
                }
            }
            sb.append(Curves.pushTable(pushCurve));
            sb.append(Curves.callbackTable(callbackCurve, s.curve(CallbackBenchmark.TARGETS.length * Curves.CALLBACK_REPORTS.length)));
            sb.append("\n| ratio | value | target | met |\n|---|---:|---|---|\n");
            for (Ratio r : ratios.values()) {
                sb.append(String.format(Locale.ROOT, "| %s | %.3f | %s | %s |%n", r.name, r.value, r.target,
                        informational(r) ? "" : r.met ? "yes" : "**no**"));
            }
            if (!failedRuns.isEmpty()) {
                sb.append("\nRuns that failed twice:\n");
                failedRuns.forEach(f -> sb.append("- ").append(f).append('\n'));
            }
            return sb.toString();
        }
    }
}
