package io.github.mitakemms.camel.bench.curve;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Line plots as SVG, written by hand so that the harness needs no plotting tool: panels stacked one above the other,
 * each with a logarithmic x axis (the curves' sizes grow by decades), a y axis linear from 0 or logarithmic, and a
 * legend. On log-log axes a cost that grows linearly is a straight line of slope 1.
 */
public final class SvgPlot {

    private static final String[] COLOURS = { "#1f77b4", "#d62728", "#2ca02c", "#9467bd" };
    private static final int WIDTH = 640;
    private static final int PANEL_HEIGHT = 240;
    private static final int LEFT = 80;
    private static final int RIGHT = 20;
    private static final int TOP = 40;
    private static final int BOTTOM = 50;

    /** One line: its name and its points. */
    public record Series(String name, double[] x, double[] y) {
    }

    /** One chart: title, axis labels and lines. */
    public record Panel(String title, String xLabel, String yLabel, boolean logY, List<Series> series) {
    }

    private SvgPlot() {
    }

    public static String render(String title, List<Panel> panels) {
        int height = 30 + panels.size() * (PANEL_HEIGHT + TOP + BOTTOM);
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                                             + "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"11\">%n", WIDTH, height, WIDTH, height));
        sb.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", WIDTH, height));
        sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"20\" font-size=\"14\" text-anchor=\"middle\">%s</text>%n", WIDTH / 2,
                escape(title)));
        int y0 = 30;
        for (Panel p : panels) {
            panel(sb, p, y0);
            y0 += PANEL_HEIGHT + TOP + BOTTOM;
        }
        return sb.append("</svg>\n").toString();
    }

    private static void panel(StringBuilder sb, Panel p, int top) {
        double minX = Double.MAX_VALUE;
        double maxX = 0;
        double maxY = 0;
        double minY = Double.MAX_VALUE;
        for (Series s : p.series) {
            for (int i = 0; i < s.x.length; i++) {
                if (Double.isFinite(s.y[i])) {
                    minX = Math.min(minX, s.x[i]);
                    maxX = Math.max(maxX, s.x[i]);
                    maxY = Math.max(maxY, s.y[i]);
                    if (s.y[i] > 0) {
                        minY = Math.min(minY, s.y[i]);
                    }
                }
            }
        }
        if (maxX == 0) {
            return;
        }
        double lo = Math.floor(Math.log10(minX));
        double hi = Math.max(lo + 1, Math.ceil(Math.log10(maxX)));
        double yStep = niceStep(maxY / 5);
        double yMax = Math.max(yStep, Math.ceil(maxY / yStep) * yStep);
        double yLo = p.logY && minY < Double.MAX_VALUE ? Math.floor(Math.log10(minY)) : 0;
        double yHi = p.logY ? Math.max(yLo + 1, Math.ceil(Math.log10(maxY))) : 0;
        int plotTop = top + TOP;
        int plotBottom = plotTop + PANEL_HEIGHT;
        int plotRight = WIDTH - RIGHT;
        sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"13\">%s</text>%n", LEFT, top + 20, escape(p.title)));
        sb.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#888\"/>%n",
                LEFT, plotTop, plotRight - LEFT, PANEL_HEIGHT));
        for (double d = lo; d <= hi; d++) {
            double x = LEFT + (d - lo) / (hi - lo) * (plotRight - LEFT);
            sb.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#ddd\"/>%n", x, plotTop, x, plotBottom));
            sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n", x, plotBottom + 15,
                    String.format(Locale.ROOT, "%,d", (long) Math.pow(10, d))));
        }
        List<Double> ticks = new ArrayList<>();
        if (p.logY) {
            for (double d = yLo; d <= yHi; d++) {
                ticks.add(Math.pow(10, d));
            }
        } else {
            for (double v = 0; v <= yMax + yStep / 2; v += yStep) {
                ticks.add(v);
            }
        }
        for (double v : ticks) {
            double y = p.logY ? plotBottom - (Math.log10(v) - yLo) / (yHi - yLo) * PANEL_HEIGHT : plotBottom - v / yMax * PANEL_HEIGHT;
            sb.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>%n", LEFT, y, plotRight, y));
            sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n", LEFT - 5, y + 4, label(v)));
        }
        sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>%n", (LEFT + plotRight) / 2,
                plotBottom + 35, escape(p.xLabel)));
        sb.append(String.format(Locale.ROOT, "<text transform=\"translate(15,%d) rotate(-90)\" text-anchor=\"middle\">%s</text>%n",
                (plotTop + plotBottom) / 2, escape(p.yLabel)));
        for (int k = 0; k < p.series.size(); k++) {
            Series s = p.series.get(k);
            String colour = COLOURS[k % COLOURS.length];
            List<String> points = new ArrayList<>();
            for (int i = 0; i < s.x.length; i++) {
                if (!Double.isFinite(s.y[i]) || s.x[i] <= 0 || (p.logY && s.y[i] <= 0)) {
                    continue;
                }
                double x = LEFT + (Math.log10(s.x[i]) - lo) / (hi - lo) * (plotRight - LEFT);
                double y = p.logY ? plotBottom - (Math.log10(s.y[i]) - yLo) / (yHi - yLo) * PANEL_HEIGHT
                        : plotBottom - s.y[i] / yMax * PANEL_HEIGHT;
                points.add(String.format(Locale.ROOT, "%.1f,%.1f", x, y));
                sb.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>%n", x, y, colour));
            }
            sb.append(String.format(Locale.ROOT, "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"1.5\"/>%n",
                    String.join(" ", points), colour));
            int ly = plotTop + 15 + k * 15;
            sb.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"2\"/>%n",
                    plotRight - 170, ly - 4, plotRight - 150, ly - 4, colour));
            sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text>%n", plotRight - 145, ly, escape(s.name)));
        }
    }

    private static double niceStep(double raw) {
        if (raw <= 0 || !Double.isFinite(raw)) {
            return 1;
        }
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / mag;
        return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * mag;
    }

    private static String label(double v) {
        return v == Math.rint(v) ? String.format(Locale.ROOT, "%,d", (long) v)
                : v >= 0.01 ? String.format(Locale.ROOT, "%.2f", v) : String.format(Locale.ROOT, "%.0e", v);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
