package io.github.mitakemms.camel.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import io.github.mitakemms.camel.bench.BenchMain.CallbackRow;
import io.github.mitakemms.camel.bench.BenchMain.Settings;
import io.github.mitakemms.camel.bench.curve.PushCurve;
import io.github.mitakemms.camel.bench.curve.SvgPlot;

/**
 * How cost grows: the push curve (one exchange with 1 to 50,000 destinations, {@link PushCurve} in a JVM of its own)
 * and the callback curve (bodies of 1 to 1,000 reports, {@code CallbackBenchmark} with its {@code reports} parameter):
 * their tables and their plots.
 */
final class Curves {

    static final int[] CALLBACK_REPORTS = { 1, 10, 100, 1_000 };

    private Curves() {
    }

    /** One point of the push curve, as {@link PushCurve} prints it. */
    record PushPoint(String payload, int destinations, int exchanges, long nanosPerExchange, long bytesPerExchange, int calls,
                     long largestBody, long firstCallLive, long peakLive) {

        double nanosPerDestination() {
            return (double) nanosPerExchange / destinations;
        }

        double bytesPerDestination() {
            return (double) bytesPerExchange / destinations;
        }

        double peakPerDestination() {
            return (double) peakLive / destinations;
        }
    }

    static PushPoint point(List<PushPoint> points, String payload, int destinations) {
        for (PushPoint p : points) {
            if (p.payload.equals(payload) && p.destinations == destinations) {
                return p;
            }
        }
        return null;
    }

    /**
     * At 50,000 destinations, the peak live heap with the 300 KB attachment less that with the 1 KB one, over the
     * difference of their base64: how many attachment-sized buffers the exchange holds at once. The message's own
     * encoded attachment is one; a request body in flight another; every further body held at once one more.
     */
    static double attachmentCopiesHeld(List<PushPoint> points) {
        PushPoint small = point(points, Payload.SMALL.label(), PushCurve.LARGE_POINT);
        PushPoint large = point(points, Payload.LARGE.label(), PushCurve.LARGE_POINT);
        if (small == null || large == null) {
            return Double.NaN;
        }
        double unit = base64Length(Payload.LARGE) - base64Length(Payload.SMALL);
        return (large.peakLive - small.peakLive) / unit;
    }

    private static int base64Length(Payload p) {
        return (p.image().length + 2) / 3 * 4;
    }

    /** Runs {@link PushCurve} in a JVM of its own; TRUE when it completed, null when it failed (printed). */
    static Boolean runPush(Settings s, Path out, List<PushPoint> into) throws IOException, InterruptedException {
        into.clear();
        System.out.println("Running curve-push (1 to 50,000 destinations in one exchange) ... (" + BenchMain.elapsed() + ")");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms1g", "-Xmx1g", "-XX:+UseG1GC", "-Dlog4j2.configurationFile=bench-log4j2.xml"));
        command.addAll(s.extraJvmArgs);
        command.addAll(List.of("-classpath", System.getProperty("java.class.path"), PushCurve.class.getName(),
                s.quick ? "quick" : "full"));
        Path log = out.resolve("curve-push.log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lines.add(line);
                if (line.startsWith("POINT ")) {
                    String[] f = line.split(" ");
                    PushPoint point = new PushPoint(f[1], Integer.parseInt(f[2]), Integer.parseInt(f[3]), Long.parseLong(f[4]),
                            Long.parseLong(f[5]), Integer.parseInt(f[6]), Long.parseLong(f[7]), Long.parseLong(f[8]),
                            Long.parseLong(f[9]));
                    into.add(point);
                    System.out.println(String.format(Locale.ROOT,
                            "  curve push %-5s %,6d destinations: %d calls, %8.2f ms/exchange, %6.2f us/destination, %,8.0f B/destination, "
                            + "peak live heap over the input %,d B (%.0f B/destination), largest call body %,d B",
                            point.payload, point.destinations, point.calls, point.nanosPerExchange / 1e6, point.nanosPerDestination() / 1e3,
                            point.bytesPerDestination(), point.peakLive, point.peakPerDestination(), point.largestBody));
                }
            }
        }
        Files.write(log, lines, StandardCharsets.UTF_8);
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
        }
        if (p.exitValue() != 0 || into.size() != PushCurve.DESTINATIONS.length + 1) {
            BenchMain.lastFailure = "curve-push exited with " + p.exitValue() + " after " + into.size() + " points";
            System.out.println("FAILED curve-push: " + BenchMain.lastFailure);
            lines.stream().filter(l -> !l.startsWith("POINT ")).limit(40).forEach(l -> System.out.println("    " + l));
            System.out.println("    (the whole output of the run: " + log + ")");
            into.clear();
            return null;
        }
        return Boolean.TRUE;
    }

    static String pushTable(List<PushPoint> points) {
        if (points.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder("\n| payload | destinations | API calls | exchanges measured | ms per exchange "
                                             + "| µs per destination | bytes allocated per destination | largest call's body "
                                             + "| live heap over the input at the first call | peak live heap over the input "
                                             + "| peak per destination |\n");
        sb.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (PushPoint p : points) {
            sb.append(String.format(Locale.ROOT, "| %s | %,d | %d | %d | %.2f | %.2f | %,.0f | %,d | %,d | %,d | %,.0f |%n",
                    p.payload, p.destinations, p.calls, p.exchanges, p.nanosPerExchange / 1e6, p.nanosPerDestination() / 1e3,
                    p.bytesPerDestination(), p.largestBody, p.firstCallLive, p.peakLive, p.peakPerDestination()));
        }
        double copies = attachmentCopiesHeld(points);
        if (!Double.isNaN(copies)) {
            sb.append(String.format(Locale.ROOT, "%nAt 50,000 destinations the 300 KB attachment's exchange held %,d bytes more at its "
                                                 + "peak than the 1 KB one's: %.2f times the difference of their base64 "
                                                 + "(the message's encoded attachment and the body of the call in flight make 2).%n",
                    point(points, "300KB", PushCurve.LARGE_POINT).peakLive - point(points, "1KB", PushCurve.LARGE_POINT).peakLive,
                    copies));
        }
        return sb.toString();
    }

    static String callbackTable(List<CallbackRow> rows, Settings settings) {
        if (rows.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%nCallback curve: in turns (every body size and target in one JVM), warmup %d x %d s, "
                                                                        + "measurement %d x %d s shared by the turns%n%n",
                settings.warmupIterations, settings.warmupSeconds, settings.measureIterations, settings.measureSeconds));
        sb.append("| reports per body | callback target | requests/s | reports/s | p50 ms | p99 ms | server bytes/request "
                  + "| server CPU µs/request | requests sent | answered 200 | delivered to the route | vs bare | run retried |\n");
        sb.append("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (CallbackRow r : rows) {
            String name = r.target().equals("component") ? "mitake-mms:callback" : "bare platform-http";
            String retried = r.retried() == null ? "no" : "yes: " + r.retried().replace("|", "/");
            if (r.figures() == null) {
                sb.append(String.format(Locale.ROOT, "| %d | %s | failed twice | | | | | | | | | | %s |%n", r.reportsPerRequest(), name,
                        retried));
                continue;
            }
            BenchMain.Figures f = r.figures();
            String vs = "";
            if (r.target().equals("component")) {
                for (CallbackRow b : rows) {
                    if (b.target().equals("bare") && b.reportsPerRequest() == r.reportsPerRequest() && b.figures() != null) {
                        vs = String.format(Locale.ROOT, "%.3f", f.perSecond() / b.figures().perSecond());
                    }
                }
            }
            sb.append(String.format(Locale.ROOT, "| %d | %s | %.0f | %.0f | %.2f | %.2f | %,.0f | %.0f | %d | %d | %d %s | %s | %s |%n",
                    r.reportsPerRequest(), name, f.perSecond(), f.perSecond() * r.reportsPerRequest(), f.p50Millis(),
                    f.p99Millis(), f.bytesPerOp(), f.cpuMicrosPerOp(), r.count("requestsSent"), r.count("requestsAnswered200"),
                    r.count("delivered"), r.counts().getProperty("deliveredUnit", ""), vs, retried));
        }
        return sb.toString();
    }

    /** Writes push-curve.svg and callback-curve.svg to the output folder. */
    static void writePlots(Path out, List<PushPoint> push, List<CallbackRow> callback) throws IOException {
        List<PushPoint> small = push.stream().filter(p -> p.payload.equals(Payload.SMALL.label())).toList();
        PushPoint at500 = point(small, Payload.SMALL.label(), 500);
        if (!small.isEmpty() && at500 != null) {
            double[] x = small.stream().mapToDouble(PushPoint::destinations).toArray();
            String xLabel = "destinations in one exchange (calls of 500; log scale)";
            String name = "mitake-mms:push, 1 KB image";
            String linear = "linear: the 500-destination cost × n / 500";
            List<SvgPlot.Panel> panels = List.of(
                    new SvgPlot.Panel("Time per exchange", xLabel, "ms (log scale)", true, List.of(
                            new SvgPlot.Series(name, x, small.stream().mapToDouble(p -> p.nanosPerExchange / 1e6).toArray()),
                            new SvgPlot.Series(linear, x, java.util.Arrays.stream(x).map(n -> at500.nanosPerExchange / 1e6 * n / 500).toArray()))),
                    new SvgPlot.Panel("Bytes allocated per exchange", xLabel, "KB (log scale)", true, List.of(
                            new SvgPlot.Series(name, x, small.stream().mapToDouble(p -> p.bytesPerExchange / 1e3).toArray()),
                            new SvgPlot.Series(linear, x, java.util.Arrays.stream(x).map(n -> at500.bytesPerExchange / 1e3 * n / 500).toArray()))),
                    new SvgPlot.Panel("Peak live heap over the input during the exchange", xLabel, "KB (log scale)", true, List.of(
                            new SvgPlot.Series(name, x, small.stream().mapToDouble(p -> p.peakLive / 1e3).toArray()),
                            new SvgPlot.Series(linear, x, java.util.Arrays.stream(x).map(n -> at500.peakLive / 1e3 * n / 500).toArray()))));
            Files.writeString(out.resolve("push-curve.svg"), SvgPlot.render("Push: cost by destinations in one exchange", panels),
                    StandardCharsets.UTF_8);
        }
        if (!callback.isEmpty()) {
            List<SvgPlot.Series> requests = new ArrayList<>();
            List<SvgPlot.Series> reports = new ArrayList<>();
            for (String target : new String[] { "component", "bare" }) {
                List<CallbackRow> rows = callback.stream().filter(r -> r.target().equals(target) && r.figures() != null).toList();
                double[] x = rows.stream().mapToDouble(CallbackRow::reportsPerRequest).toArray();
                String name = target.equals("component") ? "mitake-mms:callback" : "bare platform-http";
                requests.add(new SvgPlot.Series(name, x, rows.stream().mapToDouble(r -> r.figures().perSecond()).toArray()));
                reports.add(new SvgPlot.Series(name, x,
                        rows.stream().mapToDouble(r -> r.figures().perSecond() * r.reportsPerRequest()).toArray()));
            }
            String xLabel = "reports per callback body (log scale)";
            Files.writeString(out.resolve("callback-curve.svg"), SvgPlot.render("Callback: throughput by reports per body", List.of(
                    new SvgPlot.Panel("Requests per second", xLabel, "requests/s", false, requests),
                    new SvgPlot.Panel("Reports per second", xLabel, "reports/s (log scale)", true, reports))), StandardCharsets.UTF_8);
        }
    }
}
