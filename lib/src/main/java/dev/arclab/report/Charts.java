package dev.arclab.report;

import dev.arclab.profile.PhaseName;
import dev.arclab.profile.ItemTiming;
import dev.arclab.profile.PhaseRecord;
import dev.arclab.profile.RunRecord;
import dev.arclab.profile.TaskTiming;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Timing charts as XChart charts (render them with {@link #png} / {@link #svg}, or tweak them first).
 * Every chart has a title, axis titles with units, and a legend when it has more than one series. Times
 * are shown in seconds, or in milliseconds when everything on the chart is shorter than a second.
 */
public final class Charts {
    public static final int WIDTH = 960;
    public static final int HEIGHT = 520;

    /** Colours of the pipeline's phases, so a phase has the same colour on every chart. */
    private static final Map<String, Color> PHASE_COLORS = new LinkedHashMap<>();
    private static final Color[] EXTRA = {
        new Color(0x4E79A7), new Color(0xF28E2B), new Color(0xE15759), new Color(0x76B7B2), new Color(0x59A14F),
        new Color(0xEDC948), new Color(0xB07AA1), new Color(0xFF9DA7), new Color(0x9C755F), new Color(0xBAB0AC),
    };
    private static final Color WALL = new Color(0x4E79A7);
    private static final Color BUSY = new Color(0xF28E2B);
    private static final Color CPU = new Color(0x59A14F);
    private static final Color OTHER = new Color(0xC8C8C8);

    static {
        PHASE_COLORS.put("load", EXTRA[0]);
        for (PhaseName p : PhaseName.values()) {
            PHASE_COLORS.put(p.id(), EXTRA[p.ordinal() + 1]);
        }
    }

    private Charts() {
    }

    /** The colour of a phase: fixed for the pipeline's phases, stable by name for others. */
    public static Color phaseColor(String phase) {
        Color c = PHASE_COLORS.get(phase);
        return c != null ? c : EXTRA[Math.floorMod(phase.hashCode(), EXTRA.length)];
    }

    // ---- units ----------------------------------------------------------------------------------------------

    /** A time unit for an axis: seconds, or milliseconds when the largest value is below a second. */
    record Unit(String symbol, double nanos) {
        static Unit forMaxNanos(double maxNanos) {
            return maxNanos < 1e9 ? new Unit("ms", 1e6) : new Unit("s", 1e9);
        }

        double of(double nanos) {
            return nanos / this.nanos;
        }

        String format(double nanos) {
            double v = of(nanos);
            return String.format(Locale.ROOT, v >= 100 ? "%.0f %s" : v >= 10 ? "%.1f %s" : "%.2f %s", v, symbol);
        }
    }

    // ---- styling --------------------------------------------------------------------------------------------

    private static void style(AxesChartStyler s, int seriesCount) {
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotBorderVisible(false);
        s.setPlotGridLinesColor(new Color(0xE3E3E3));
        s.setPlotGridLinesStroke(new BasicStroke(1f));
        s.setChartTitleBoxVisible(false);
        s.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        s.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        s.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        s.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        s.setLegendBorderColor(new Color(0xDDDDDD));
        s.setLegendPosition(Styler.LegendPosition.OutsideE);
        s.setLegendVisible(seriesCount > 1);
        s.setChartPadding(12);
        s.setAntiAlias(true);
        s.setLocale(Locale.ROOT);
    }

    private static XYChart xy(String title, String xTitle, String yTitle, int width, int height) {
        return new XYChartBuilder().width(width).height(height).title(title).xAxisTitle(xTitle).yAxisTitle(yTitle).build();
    }

    private static CategoryChart category(String title, String xTitle, String yTitle, int width, int height) {
        return new CategoryChartBuilder().width(width).height(height).title(title).xAxisTitle(xTitle).yAxisTitle(yTitle)
                .build();
    }

    /** Adds a series of filled rectangles (x0, x1, yCentre) of the given half height to an XY chart. */
    private static XYSeries bars(XYChart chart, String name, List<double[]> rects, double halfHeight, Color color) {
        int n = rects.size();
        double[] xs = new double[n * 6];
        double[] ys = new double[n * 6];
        int k = 0;
        for (double[] r : rects) {
            double y0 = r[2] - halfHeight;
            double y1 = r[2] + halfHeight;
            double[][] pts = {{r[0], y0}, {r[1], y0}, {r[1], y1}, {r[0], y1}, {r[0], y0}, {Double.NaN, Double.NaN}};
            for (double[] p : pts) {
                xs[k] = p[0];
                ys[k] = p[1];
                k++;
            }
        }
        XYSeries s = chart.addSeries(name, xs, ys);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
        s.setMarker(SeriesMarkers.NONE);
        s.setFillColor(color);
        s.setLineColor(color.darker());
        s.setLineWidth(0.8f);
        return s;
    }

    /**
     * Makes the y axis of an XY chart show one label per integer position 0..n-1 (lanes or bars). XChart
     * drops a custom tick labelling whose labels repeat at the axis ends, so positions between lanes get
     * blank labels that differ below and above the lanes. XChart 4.0.3 also loops forever on tick labels
     * longer than 20 characters, so labels are shortened to fit.
     */
    private static void laneAxis(XYChart chart, List<String> fullLabels) {
        int n = fullLabels.size();
        List<String> labels = fullLabels.stream().map(l -> shorten(l, MAX_TICK_LABEL)).toList();
        AxesChartStyler s = chart.getStyler();
        s.setYAxisMin(-0.6);
        s.setYAxisMax(n - 0.4);
        s.setPlotGridHorizontalLinesVisible(false);
        Function<Double, String> f = v -> {
            long i = Math.round(v);
            if (Math.abs(v - i) < 1e-6 && i >= 0 && i < n) {
                return labels.get((int) i);
            }
            return v < 0 ? "" : " ";
        };
        chart.getStyler().setYAxisTickLabelsFormattingFunction(f);
    }

    /** XChart 4.0.3 never finishes laying out an axis with a tick label longer than 20 characters. */
    static final int MAX_TICK_LABEL = 20;

    static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "\u2026";
    }

    // ---- search: tasks solved over time -----------------------------------------------------------------------

    /**
     * Tasks solved over time, one line per strategy: after each iteration's save (x: seconds since the run started,
     * the phases' wall times added up), the tasks that strategy has given their first demo-perfect program so far
     * ({@code strategy.NAME.newly solved}), and their total.
     */
    public static XYChart solvedOverTime(RunRecord run) {
        Map<String, List<double[]>> lines = new java.util.TreeMap<>();
        List<double[]> total = new ArrayList<>();
        Map<String, Long> sums = new LinkedHashMap<>();
        long sum = 0;
        double t = 0;
        total.add(new double[] {0, 0});
        for (PhaseRecord p : run.phases()) {
            t += p.wallNanos() / 1e9;
            if (!p.phase().equals("save")) {
                continue;
            }
            for (Map.Entry<String, Long> c : p.counters().entrySet()) {
                String k = c.getKey();
                if (k.startsWith("strategy.") && k.endsWith(".newly solved")) {
                    String name = k.substring("strategy.".length(), k.length() - ".newly solved".length());
                    sums.merge(name, c.getValue(), Long::sum);
                    lines.computeIfAbsent(name, n -> new ArrayList<>(List.of(new double[] {0, 0})));
                }
            }
            sum = sums.values().stream().mapToLong(Long::longValue).sum();
            for (Map.Entry<String, List<double[]>> e : lines.entrySet()) {
                e.getValue().add(new double[] {t, sums.getOrDefault(e.getKey(), 0L)});
            }
            total.add(new double[] {t, sum});
        }
        XYChart chart = xy("Tasks solved over time, per strategy", "seconds", "tasks newly solved", WIDTH, HEIGHT);
        style(chart.getStyler(), lines.size() + 1);
        chart.getStyler().setLegendVisible(true);
        addLine(chart, "all strategies", total);
        lines.forEach((name, pts) -> addLine(chart, name, pts));
        return chart;
    }

    private static void addLine(XYChart chart, String name, List<double[]> pts) {
        double[] xs = new double[pts.size()];
        double[] ys = new double[pts.size()];
        for (int k = 0; k < pts.size(); k++) {
            xs[k] = pts.get(k)[0];
            ys[k] = pts.get(k)[1];
        }
        chart.addSeries(name, xs, ys);
    }

    // ---- performance journey --------------------------------------------------------------------------------

    /** Stacked horizontal bars of phase wall times, one bar per run, first run on top. */
    public static XYChart journey(List<RunRecord> runs) {
        List<RunSeries> series = new ArrayList<>();
        for (RunRecord r : runs) {
            series.add(RunSeries.of(r));
        }
        return journeyOfSeries(series);
    }

    /**
     * Stacked horizontal bars of median phase wall times, one bar per series (its runs' medians, so the
     * segments of a repeated configuration are typical values), first series on top, total at the bar's end.
     */
    public static XYChart journeyOfSeries(List<RunSeries> series) {
        if (series.isEmpty()) {
            throw new IllegalArgumentException("no runs to chart");
        }
        Set<String> phases = new LinkedHashSet<>();
        series.forEach(s -> phases.addAll(s.phases()));
        double maxTotal = 0;
        Map<String, double[]> walls = new LinkedHashMap<>();
        double[] totals = new double[series.size()];
        for (String p : phases) {
            double[] w = new double[series.size()];
            for (int i = 0; i < series.size(); i++) {
                Range r = series.get(i).wall(p);
                w[i] = r.isEmpty() ? 0 : r.median();
                totals[i] += w[i];
            }
            walls.put(p, w);
        }
        for (double t : totals) {
            maxTotal = Math.max(maxTotal, t);
        }
        Unit unit = Unit.forMaxNanos(maxTotal);
        int n = series.size();
        int height = Math.max(260, Math.min(900, 150 + 46 * n));
        XYChart chart = xy("Performance journey: wall time per phase", "wall time (" + unit.symbol() + ")", "run",
                WIDTH, height);
        style(chart.getStyler(), phases.size());
        double[] start = new double[n];
        for (Map.Entry<String, double[]> e : walls.entrySet()) {
            List<double[]> rects = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                double w = unit.of(e.getValue()[i]);
                if (w > 0) {
                    rects.add(new double[] {start[i], start[i] + w, n - 1 - i});
                }
                start[i] += w;
            }
            if (!rects.isEmpty()) {
                bars(chart, e.getKey(), rects, 0.32, phaseColor(e.getKey()));
            }
        }
        List<String> labels = new ArrayList<>();
        for (int i = n - 1; i >= 0; i--) {
            RunSeries s = series.get(i);
            labels.add(s.repeats() > 1 ? s.name() + " (median of " + s.repeats() + ")" : s.name());
        }
        laneAxis(chart, labels);
        chart.getStyler().setXAxisMin(0.0);
        chart.getStyler().setXAxisMax(unit.of(maxTotal) * 1.15);
        for (int i = 0; i < n; i++) {
            double x = unit.of(totals[i]);
            String text = unit.format(totals[i]);
            double xText = x + unit.of(maxTotal) * 0.012 + Drawing.textWidth(text, 12, false) / 2
                    * unit.of(maxTotal) * 1.15 / (WIDTH - 260.0);
            chart.addAnnotation(new AnnotationText(text, xText, n - 1 - i, false));
        }
        chart.getStyler().setAnnotationTextFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
        chart.getStyler().setAnnotationTextFontColor(new Color(0x333333));
        return chart;
    }

    // ---- wall vs busy vs CPU --------------------------------------------------------------------------------

    /**
     * Wall, busy and CPU time per phase of a run (each summed over iterations), side by side. Busy and CPU
     * are summed over work items, so busy / wall is the parallelism the pool reached: a busy bar four times
     * the wall bar means four workers were busy on average, not that the phase took four times as long.
     */
    public static CategoryChart wallBusyCpu(RunRecord run) {
        RunSeries s = RunSeries.of(run);
        List<String> phases = s.phases();
        double max = 0;
        List<Double> wall = new ArrayList<>();
        List<Double> busy = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (String p : phases) {
            Range w = s.wall(p);
            Range b = s.busy(p);
            boolean items = run.phases().stream().anyMatch(r -> r.phase().equals(p) && r.items() > 0);
            labels.add(items && w.median() > 0
                    ? String.format(Locale.ROOT, "%s (\u00d7%.1f)", p, b.median() / w.median()) : p);
            wall.add(s.wall(p).median());
            busy.add(s.busy(p).median());
            cpu.add(s.cpu(p).median());
            max = Math.max(max, Math.max(wall.get(wall.size() - 1), Math.max(busy.get(busy.size() - 1), cpu.get(cpu.size() - 1))));
        }
        Unit unit = Unit.forMaxNanos(max);
        int threads = s.threads();
        boolean saysThreads = s.name().contains("thread");
        CategoryChart chart = category("Wall vs busy vs CPU per phase: " + s.name()
                        + (threads > 0 && !saysThreads ? " (" + threads + " threads)" : ""),
                "phase (\u00d7 parallelism = busy / wall; summed over iterations)", "time (" + unit.symbol() + ")",
                WIDTH, HEIGHT);
        style(chart.getStyler(), 3);
        chart.getStyler().setAvailableSpaceFill(0.75);
        chart.getStyler().setPlotGridVerticalLinesVisible(false);
        chart.getStyler().setYAxisMin(0.0);
        rotateIfCrowded(chart, labels);
        addCategory(chart, "wall (elapsed)", labels, scale(wall, unit), WALL);
        addCategory(chart, "busy (sum of item times)", labels, scale(busy, unit), BUSY);
        addCategory(chart, "CPU (sum of item CPU)", labels, scale(cpu, unit), CPU);
        return chart;
    }

    /** Prefix of the per-member counters a distributed phase records ({@code cluster.member.HOST:PORT.busyNanos}). */
    public static final String MEMBER_COUNTER = "cluster.member.";

    /**
     * Busy time per cluster member per phase of a run (summed over iterations), from the distributed
     * phases' per-member counters: one bar per member in each phase, so an idle or overloaded member shows.
     * Phases that ran on the local pool have no bars.
     */
    public static CategoryChart busyPerMember(RunRecord run) {
        Map<String, Map<String, Double>> byMember = new java.util.TreeMap<>();
        List<String> phases = new ArrayList<>();
        double max = 0;
        for (PhaseRecord r : run.phases()) {
            for (Map.Entry<String, Long> e : r.counters().entrySet()) {
                String k = e.getKey();
                if (k.startsWith(MEMBER_COUNTER) && k.endsWith(".busyNanos")) {
                    String member = k.substring(MEMBER_COUNTER.length(), k.length() - ".busyNanos".length());
                    if (!phases.contains(r.phase())) {
                        phases.add(r.phase());
                    }
                    double v = byMember.computeIfAbsent(member, m -> new java.util.HashMap<>()).merge(r.phase(),
                            (double) e.getValue(), Double::sum);
                    max = Math.max(max, v);
                }
            }
        }
        if (byMember.isEmpty()) {
            throw new IllegalArgumentException("the run has no phase that ran on a cluster");
        }
        Unit unit = Unit.forMaxNanos(max);
        CategoryChart chart = category("Busy time per cluster member per phase (summed over iterations)", "phase",
                "busy (" + unit.symbol() + ")", WIDTH, HEIGHT);
        style(chart.getStyler(), byMember.size());
        chart.getStyler().setYAxisMin(0.0);
        for (Map.Entry<String, Map<String, Double>> m : byMember.entrySet()) {
            List<Double> busy = new ArrayList<>();
            for (String p : phases) {
                busy.add(m.getValue().getOrDefault(p, 0.0));
            }
            chart.addSeries(m.getKey(), phases, scale(busy, unit)).setMarker(SeriesMarkers.NONE);
        }
        return chart;
    }

    /** Tilts category labels when they would not fit side by side under the plot. */
    private static void rotateIfCrowded(CategoryChart chart, List<String> labels) {
        double widest = labels.stream().mapToDouble(l -> Drawing.textWidth(l, 12, false)).max().orElse(0);
        double room = (WIDTH - 300.0) / Math.max(1, labels.size());
        if (widest > room * 0.9) {
            chart.getStyler().setXAxisLabelRotation(30);
        }
    }

    private static List<Double> scale(List<Double> nanos, Unit unit) {
        List<Double> out = new ArrayList<>();
        for (double v : nanos) {
            out.add(Double.isNaN(v) ? 0 : unit.of(v));
        }
        return out;
    }

    private static CategorySeries addCategory(CategoryChart chart, String name, List<String> x, List<Double> y, Color c) {
        CategorySeries s = chart.addSeries(name, x, y);
        s.setFillColor(c);
        s.setLineColor(c);
        s.setMarker(SeriesMarkers.NONE);
        return s;
    }

    // ---- worker timeline ------------------------------------------------------------------------------------

    /** Above this many items, the worker timeline merges same-colour neighbours less than a pixel apart. */
    public static final int GANTT_MERGE_ABOVE = 2000;

    /** How many of a phase's tasks get their own colour on the worker timeline. */
    public static final int GANTT_TASK_COLOURS = 6;

    /**
     * Worker timeline (Gantt) of one phase: one lane per worker thread, one bar per work item from its start
     * to its end. The tasks with the most busy time get their own colours (so slow tasks stand out); the
     * others are grey. Above {@link #GANTT_MERGE_ABOVE} items, neighbouring items of one colour on a lane
     * that are less than about a pixel apart are drawn as one bar.
     */
    public static XYChart gantt(PhaseRecord phase) {
        List<ItemTiming> items = phase.itemTimings();
        if (items.isEmpty()) {
            throw new IllegalArgumentException("phase " + phase.phase() + " (iteration " + phase.iteration()
                    + ") has no item timings");
        }
        TreeSet<Integer> workers = new TreeSet<>();
        long end = phase.wallNanos();
        for (ItemTiming it : items) {
            workers.add(it.worker());
            end = Math.max(end, it.endNanos());
        }
        Unit unit = Unit.forMaxNanos(end);
        List<TaskTiming> byBusy = new ArrayList<>(phase.tasks());
        byBusy.sort(Comparator.comparingLong(TaskTiming::busyNanos).reversed().thenComparing(TaskTiming::task));
        int named = byBusy.size() <= GANTT_TASK_COLOURS + 1 ? byBusy.size() : GANTT_TASK_COLOURS;
        Map<String, Integer> colourOf = new HashMap<>();
        for (int i = 0; i < named; i++) {
            colourOf.put(byBusy.get(i).task(), i);
        }
        Map<Integer, Integer> laneOf = new HashMap<>();
        List<String> laneLabels = new ArrayList<>();
        List<Integer> ws = new ArrayList<>(workers);
        int lanes = ws.size();
        for (int i = 0; i < lanes; i++) {
            laneOf.put(ws.get(i), lanes - 1 - i);
        }
        for (int i = lanes - 1; i >= 0; i--) {
            laneLabels.add("worker " + ws.get(i));
        }
        Map<Integer, List<double[]>> rects = new TreeMap<>();
        // With many items, neighbours of one colour on a lane closer than about a pixel are drawn as one bar:
        // they could not be told apart anyway, and tens of thousands of polygons make XChart slow.
        double mergeGap = items.size() > GANTT_MERGE_ABOVE ? unit.of(end) / 1500.0 : -1;
        List<ItemTiming> ordered = new ArrayList<>(items);
        ordered.sort(Comparator.comparingInt(ItemTiming::worker).thenComparingLong(ItemTiming::startNanos));
        Map<Integer, double[]> open = new HashMap<>();
        int openLane = Integer.MIN_VALUE;
        for (ItemTiming it : ordered) {
            int c = colourOf.getOrDefault(it.task(), -1);
            double x0 = unit.of(it.startNanos());
            double x1 = unit.of(it.endNanos());
            double lane = laneOf.get(it.worker());
            if (it.worker() != openLane) {
                open.clear();
                openLane = it.worker();
            }
            double[] last = open.get(c);
            if (last != null && x0 - last[1] <= mergeGap) {
                last[1] = Math.max(last[1], x1);
                continue;
            }
            double[] r = {x0, x1, lane};
            rects.computeIfAbsent(c, k -> new ArrayList<>()).add(r);
            open.put(c, r);
        }
        int height = Math.max(300, Math.min(900, 160 + 34 * lanes));
        String title = String.format(Locale.ROOT, "Worker timeline: %s, iteration %d (%d threads, %d items, parallelism %.2f)",
                phase.phase(), phase.iteration(), phase.threads(), phase.items(), phase.parallelism());
        XYChart chart = xy(title, "time since phase start (" + unit.symbol() + ")", "worker thread", WIDTH, height);
        style(chart.getStyler(), rects.size());
        // Grey first: series paint in order, so the named tasks stay visible on top of merged grey bars.
        if (rects.containsKey(-1)) {
            bars(chart, "other tasks (" + (byBusy.size() - named) + ")", rects.get(-1), 0.36, OTHER);
        }
        for (int i = 0; i < named; i++) {
            List<double[]> r = rects.get(i);
            if (r != null) {
                TaskTiming t = byBusy.get(i);
                bars(chart, "task " + t.task() + " (" + unit.format(t.busyNanos()) + " busy)", r, 0.36, EXTRA[i % EXTRA.length]);
            }
        }
        laneAxis(chart, laneLabels);
        chart.getStyler().setXAxisMin(0.0);
        chart.getStyler().setXAxisMax(unit.of(end));
        return chart;
    }

    // ---- speedup --------------------------------------------------------------------------------------------

    /** Phases whose baseline wall time (median) is under this are left out of speedup charts: their ratio is noise. */
    public static final long SPEEDUP_NOISE_FLOOR_NANOS = 5_000_000L;

    /** Speedup of each run against the baseline per phase and in total; 1 is the baseline, above 1 faster. */
    public static CategoryChart speedup(Comparison c) {
        List<String> phases = new ArrayList<>();
        int quiet = 0;
        for (Comparison.Row r : c.rowsOf(c.baseline().name())) {
            // a phase faster than the noise floor has a speedup made of noise: leave it out (the title says so)
            if (!r.phase().equals(RunSeries.TOTAL) && r.wall().median() < SPEEDUP_NOISE_FLOOR_NANOS) {
                quiet++;
                continue;
            }
            phases.add(r.phase());
        }
        CategoryChart chart = category("Speedup against \u201c" + c.baseline().name() + "\u201d"
                        + (quiet == 0 ? "" : " (" + quiet + " phase" + (quiet == 1 ? "" : "s") + " under "
                        + SPEEDUP_NOISE_FLOOR_NANOS / 1_000_000 + " ms left out)"),
                "phase", "speedup (baseline wall / run wall, \u00d7)", WIDTH, HEIGHT);
        style(chart.getStyler(), c.runs().size());
        chart.getStyler().setLegendVisible(true); // name the run even when there is only one
        chart.getStyler().setAvailableSpaceFill(0.7);
        chart.getStyler().setPlotGridVerticalLinesVisible(false);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisDecimalPattern("0.0#");
        double max = 1;
        int k = 0;
        for (RunSeries r : c.runs()) {
            Map<String, Double> byPhase = new HashMap<>();
            for (Comparison.Row row : c.rowsOf(r.name())) {
                byPhase.put(row.phase(), Double.isNaN(row.speedup()) ? 0 : row.speedup());
            }
            List<Double> y = new ArrayList<>();
            for (String p : phases) {
                double v = byPhase.getOrDefault(p, 0.0);
                y.add(v);
                max = Math.max(max, v);
            }
            addCategory(chart, r.name(), phases, y, EXTRA[k++ % EXTRA.length]);
        }
        chart.getStyler().setYAxisMax(Math.ceil(max * 1.1 * 4) / 4);
        rotateIfCrowded(chart, phases);
        AnnotationLine one = new AnnotationLine(1.0, false, false);
        chart.addAnnotation(one);
        chart.getStyler().setAnnotationLineColor(new Color(0x444444));
        chart.getStyler().setAnnotationLineStroke(new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER,
                10f, new float[] {6f, 4f}, 0f));
        return chart;
    }

    /** Speedup of single runs against a baseline run. */
    public static CategoryChart speedup(RunRecord baseline, List<RunRecord> runs) {
        List<RunSeries> s = new ArrayList<>();
        runs.forEach(r -> s.add(RunSeries.of(r)));
        return speedup(Comparison.of(RunSeries.of(baseline), s));
    }

    // ---- thread scaling -------------------------------------------------------------------------------------

    /** Measured speedup against the thread count, with the min..max band when repeated, and the ideal line. */
    public static XYChart threadScaling(ThreadScaling s) {
        List<ThreadScaling.Point> pts = s.points();
        int n = pts.size();
        double[] t = new double[n];
        double[] med = new double[n];
        double[] ideal = new double[n];
        boolean repeated = false;
        double max = 1;
        for (int i = 0; i < n; i++) {
            ThreadScaling.Point p = pts.get(i);
            t[i] = p.threads();
            med[i] = s.speedup(p);
            ideal[i] = s.idealSpeedup(p);
            repeated |= p.wall().n() > 1;
            max = Math.max(max, Math.max(ideal[i], s.speedupHigh(p)));
        }
        XYChart chart = xy("Thread scaling: " + s.phase(), "threads",
                "speedup vs " + s.reference().threads() + " thread" + (s.reference().threads() == 1 ? "" : "s") + " (\u00d7)",
                WIDTH, HEIGHT);
        style(chart.getStyler(), repeated ? 3 : 2);
        chart.getStyler().setXAxisDecimalPattern("0");
        // the axes span the data: threads from the first measured count, speedup to a quarter above the highest
        chart.getStyler().setXAxisMin(Math.max(0.0, t[0] - 0.5));
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setXAxisMax(Math.max(t[n - 1], 1) + 0.5);
        chart.getStyler().setYAxisMax(Math.ceil(max * 1.05 * 4) / 4);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        if (repeated) {
            double[] bx = new double[2 * n + 1];
            double[] by = new double[2 * n + 1];
            for (int i = 0; i < n; i++) {
                bx[i] = t[i];
                by[i] = s.speedupLow(pts.get(i));
                bx[2 * n - 1 - i] = t[i];
                by[2 * n - 1 - i] = s.speedupHigh(pts.get(i));
            }
            bx[2 * n] = bx[0];
            by[2 * n] = by[0];
            XYSeries band = chart.addSeries("measured min..max", bx, by);
            band.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
            band.setMarker(SeriesMarkers.NONE);
            band.setFillColor(new Color(0x4E, 0x79, 0xA7, 60));
            band.setLineColor(new Color(0x4E, 0x79, 0xA7, 90));
            band.setLineWidth(0.5f);
        }
        XYSeries id = chart.addSeries("ideal (linear)", t, ideal);
        id.setMarker(SeriesMarkers.NONE);
        id.setLineColor(new Color(0x888888));
        id.setLineStyle(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {7f, 5f}, 0f));
        XYSeries m = chart.addSeries(repeated ? "measured (median)" : "measured", t, med);
        m.setMarker(SeriesMarkers.CIRCLE);
        m.setMarkerColor(WALL);
        m.setLineColor(WALL);
        m.setLineWidth(2.5f);
        return chart;
    }

    // ---- cache ----------------------------------------------------------------------------------------------

    /** Cache lookups per iteration by origin, from a run's {@code cache.*} counters (one map, or all if null). */
    public static CategoryChart cacheByIteration(RunRecord run, String map) {
        return cacheByIteration(CacheStats.perIteration(run, map), map == null ? "all maps" : map);
    }

    /** Cache lookups per iteration by origin: hits from this session, hits from disk, misses; stacked. */
    public static CategoryChart cacheByIteration(Map<Integer, CacheStats> perIteration, String what) {
        if (perIteration.isEmpty()) {
            throw new IllegalArgumentException("no cache counters to chart");
        }
        List<String> x = new ArrayList<>();
        List<Long> session = new ArrayList<>();
        List<Long> disk = new ArrayList<>();
        List<Long> misses = new ArrayList<>();
        new TreeMap<>(perIteration).forEach((it, s) -> {
            x.add("iteration " + it);
            session.add(s.sessionHits());
            disk.add(s.diskHits());
            misses.add(s.misses());
        });
        CategoryChart chart = category("Cache lookups by origin per iteration: " + what, "iteration",
                "lookups (count)", WIDTH, HEIGHT);
        style(chart.getStyler(), 3);
        chart.getStyler().setStacked(true);
        chart.getStyler().setAvailableSpaceFill(0.55);
        chart.getStyler().setPlotGridVerticalLinesVisible(false);
        chart.getStyler().setYAxisDecimalPattern("#,##0");
        addCategory(chart, "hits (this session)", x, toDouble(session), new Color(0x59A14F));
        addCategory(chart, "hits (from disk)", x, toDouble(disk), new Color(0x4E79A7));
        addCategory(chart, "misses", x, toDouble(misses), new Color(0xE15759));
        return chart;
    }

    private static List<Double> toDouble(List<Long> v) {
        return v.stream().map(Long::doubleValue).toList();
    }

    // ---- output ---------------------------------------------------------------------------------------------

    public static byte[] png(Chart<?, ?> chart) {
        return Images.png(BitmapEncoder.getBufferedImage(chart));
    }

    public static void writePng(Chart<?, ?> chart, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.write(file, png(chart));
    }

    /** The chart as SVG (through {@link Svg}, as {@link Drawing}s are). */
    public static String svg(Chart<?, ?> chart) {
        return Svg.of(chart.getWidth(), chart.getHeight(), g -> chart.paint(g, chart.getWidth(), chart.getHeight()));
    }

    public static void writeSvg(Chart<?, ?> chart, Path file) throws IOException {
        Files.writeString(file, svg(chart), StandardCharsets.UTF_8);
    }
}
