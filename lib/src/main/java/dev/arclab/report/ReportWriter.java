package dev.arclab.report;

import dev.arclab.profile.PhaseRecord;
import dev.arclab.profile.RunConfig;
import dev.arclab.profile.RunRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.knowm.xchart.internal.chartpart.Chart;
import tech.tablesaw.api.Table;

/**
 * Writes a report of saved runs to a directory: every table as its own HTML page, every chart as PNG, all
 * tables as text in report.txt, and index.html that shows everything on one page. What it contains:
 * the performance journey of all runs; against the baseline (the first run unless given), the comparison
 * table with speedups and noise-aware verdicts and the speedup chart; the thread-scaling curve when the
 * runs differ in thread count; and per run its phase table, wall/busy/CPU chart, the worker timeline and
 * task table of its busiest phase, and its cache statistics when it has cache counters.
 */
public final class ReportWriter {
    /** Tasks listed in the per-task table of a run's busiest phase. */
    public static final int TASK_ROWS = 20;

    private final Path dir;
    private final List<String> written = new ArrayList<>();
    private final StringBuilder index = new StringBuilder();
    private final StringBuilder text = new StringBuilder();

    private ReportWriter(Path dir) {
        this.dir = dir;
    }

    /** What was written: the directory, the index page and every file, relative to the directory. */
    public record Result(Path dir, Path index, List<String> files) {
    }

    /**
     * Writes the report. {@code baseline} must be one of {@code runs} or null (the first run). With
     * {@code groupRepeats}, runs with equal configurations are taken as repeats of one series and compared
     * by their medians under the default {@link NoiseRule}; otherwise every run is its own series.
     */
    public static Result write(List<RunRecord> runs, RunRecord baseline, boolean groupRepeats, Path dir) throws IOException {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("no runs to report");
        }
        if (baseline != null && runs.stream().noneMatch(r -> r == baseline)) {
            throw new IllegalArgumentException("the baseline must be one of the runs");
        }
        Files.createDirectories(dir);
        ReportWriter w = new ReportWriter(dir);
        w.report(runs, baseline == null ? runs.get(0) : baseline, groupRepeats);
        return new Result(dir, dir.resolve("index.html"), List.copyOf(w.written));
    }

    private void report(List<RunRecord> runs, RunRecord baselineRun, boolean groupRepeats) throws IOException {
        List<RunSeries> series = series(runs, groupRepeats);
        RunSeries baseline = series.stream().filter(s -> s.runs().contains(baselineRun)).findFirst().orElseThrow();

        index.append("<h1>ARC Lab run report</h1>\n");
        index.append("<p class=\"note\">").append(runs.size()).append(" run record").append(runs.size() == 1 ? "" : "s")
                .append(groupRepeats && series.size() < runs.size() ? ", grouped into " + series.size()
                        + " configurations (runs with equal configuration are repeats)" : "")
                .append(". Times are seconds unless marked; wall = elapsed, busy = sum of work-item durations, ")
                .append("CPU = sum of their thread CPU time, parallelism = busy / wall, efficiency = parallelism / threads.</p>\n");
        runList(series);

        section("Performance journey", "journey");
        chart(Charts.journeyOfSeries(series), "journey.png", "Stacked wall time per phase, one bar per run");

        if (series.size() > 1) {
            List<RunSeries> others = new ArrayList<>(series);
            others.remove(baseline);
            Comparison c = Comparison.of(baseline, others);
            section("Against baseline " + baseline.name(), "comparison");
            index.append("<p class=\"note\">Speedup = baseline wall / run wall. Rule: ")
                    .append(Html.escape(c.ruleDescription())).append(".</p>\n");
            verdictSummary(c);
            table(Tables.comparison(c), "comparison.html");
            chart(Charts.speedup(c), "speedup.png", "Speedup per phase against the baseline");
        }
        for (RunSeries s : series) {
            if (s.repeats() > 1) {
                section("Repeats of " + s.name(), null);
                table(Tables.repeats(s), "repeats-" + slug(series, s) + ".html");
            }
        }

        Map<Integer, List<RunRecord>> byThreads = scalingRuns(runs);
        if (byThreads.size() > 1) {
            ThreadScaling ts = ThreadScaling.of(RunSeries.TOTAL, byThreads);
            section("Thread scaling", "scaling");
            index.append("<p class=\"note\">Runs whose configurations differ only in the thread count, grouped by it; ")
                    .append("speedup of the whole run against the smallest thread count.</p>\n");
            table(Tables.threadScaling(ts), "scaling.html");
            chart(Charts.threadScaling(ts), "scaling.png", "Measured speedup against threads, with the ideal line");
        }

        for (RunSeries s : series) {
            runSection(s, slug(series, s));
        }

        Files.writeString(dir.resolve("report.txt"), text.toString(), StandardCharsets.UTF_8);
        written.add("report.txt");
        Files.writeString(dir.resolve("index.html"), Html.page("ARC Lab run report", index.toString()), StandardCharsets.UTF_8);
        written.add("index.html");
    }

    /**
     * The runs of the largest set whose configurations differ only in the thread count, by thread count;
     * empty unless that set spans at least two thread counts.
     */
    static Map<Integer, List<RunRecord>> scalingRuns(List<RunRecord> runs) {
        Map<RunConfig, Map<Integer, List<RunRecord>>> groups = new LinkedHashMap<>();
        for (RunRecord r : runs) {
            RunConfig c = r.config();
            if (c == null || c.threads() <= 0) {
                continue;
            }
            RunConfig key = new RunConfig(c.seed(), 0, c.tasks(), c.librarySize(), c.tasksPerBatch(),
                    c.mutationProbability(), c.iterations(), c.dslVersion(), c.label());
            groups.computeIfAbsent(key, k -> new TreeMap<>()).computeIfAbsent(c.threads(), k -> new ArrayList<>()).add(r);
        }
        return groups.values().stream().filter(g -> g.size() > 1).max(Comparator.comparingInt(Map::size))
                .orElse(Map.of());
    }

    private static List<RunSeries> series(List<RunRecord> runs, boolean groupRepeats) {
        Map<Object, List<RunRecord>> groups = new LinkedHashMap<>();
        for (int i = 0; i < runs.size(); i++) {
            RunRecord r = runs.get(i);
            Object key = groupRepeats && r.config() != null ? r.config() : Integer.valueOf(i);
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
        }
        List<RunSeries> out = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        for (List<RunRecord> g : groups.values()) {
            String base = RunSeries.nameOf(g.get(0));
            String name = base;
            for (int k = 2; !names.add(name); k++) {
                name = base + " (" + k + ")";
            }
            out.add(new RunSeries(name, g));
        }
        return out;
    }

    private static String slug(List<RunSeries> all, RunSeries s) {
        return "run" + (all.indexOf(s) + 1);
    }

    private void runList(List<RunSeries> series) {
        index.append("<table class=\"arclab\">\n<caption>Runs</caption>\n<thead><tr><th>run</th><th>id</th><th>started (UTC)</th>")
                .append("<th class=\"num\">threads</th><th class=\"num\">tasks</th><th class=\"num\">seed</th><th>DSL</th>")
                .append("<th class=\"num\">repeats</th><th class=\"num\">wall s (median)</th><th>section</th></tr></thead>\n<tbody>\n");
        for (RunSeries s : series) {
            RunRecord r = s.runs().get(0);
            RunConfig c = r.config();
            String slug = slug(series, s);
            index.append("<tr><td>").append(Html.escape(s.name())).append("</td><td>").append(Html.escape(r.id()))
                    .append("</td><td>").append(Html.escape(started(r.startedMillis()))).append("</td><td class=\"num\">")
                    .append(c == null ? Tables.MISSING : c.threads()).append("</td><td class=\"num\">")
                    .append(c == null ? Tables.MISSING : c.tasks()).append("</td><td class=\"num\">")
                    .append(c == null ? Tables.MISSING : c.seed()).append("</td><td>")
                    .append(Html.escape(c == null ? Tables.MISSING : c.dslVersion())).append("</td><td class=\"num\">")
                    .append(s.repeats()).append("</td><td class=\"num\">")
                    .append(String.format(Locale.ROOT, "%.3f", s.wall(RunSeries.TOTAL).median() / 1e9))
                    .append("</td><td><a href=\"#").append(slug).append("\">details</a></td></tr>\n");
        }
        index.append("</tbody>\n</table>\n");
    }

    private static String started(long millis) {
        return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC)
                .format(Instant.ofEpochMilli(millis));
    }

    private void verdictSummary(Comparison c) {
        List<Comparison.Row> reg = c.regressions();
        List<Comparison.Row> imp = c.improvements();
        index.append("<p>");
        if (reg.isEmpty()) {
            index.append("No regression beyond the noise rule.");
        } else {
            index.append("<strong class=\"regression\">").append(reg.size()).append(" regression")
                    .append(reg.size() == 1 ? "" : "s").append(":</strong> ");
            index.append(Html.escape(String.join(", ", reg.stream().map(r -> String.format(Locale.ROOT, "%s in %s (%+.1f%%)",
                    r.run(), r.phase(), r.changePercent())).toList())));
            index.append('.');
        }
        if (!imp.isEmpty()) {
            index.append(' ').append(imp.size()).append(" improvement").append(imp.size() == 1 ? "" : "s")
                    .append(" (see the verdict column).");
        }
        index.append("</p>\n");
    }

    private void runSection(RunSeries s, String slug) throws IOException {
        RunRecord run = s.runs().get(0);
        section("Run " + s.name() + (s.repeats() > 1 ? " (first of " + s.repeats() + " repeats)" : ""), slug);
        table(Tables.phases(run), "phases-" + slug + ".html");
        chart(Charts.wallBusyCpu(run), "wall-busy-cpu-" + slug + ".png", "Wall vs busy vs CPU per phase");
        PhaseRecord busiest = run.phases().stream().filter(p -> !p.itemTimings().isEmpty())
                .max(Comparator.comparingLong(PhaseRecord::busyNanos)).orElse(null);
        if (busiest != null) {
            String ph = slugPart(busiest.phase()) + "-" + busiest.iteration();
            index.append("<h3>Busiest phase: ").append(Html.escape(busiest.phase())).append(", iteration ")
                    .append(busiest.iteration()).append("</h3>\n");
            chart(Charts.gantt(busiest), "gantt-" + slug + "-" + ph + ".png", "Worker timeline of the busiest phase");
            table(Tables.tasks(busiest, Tables.TaskOrder.SPAN, TASK_ROWS), "tasks-" + slug + "-" + ph + ".html");
        }
        Map<String, CacheStats> maps = new TreeMap<>();
        for (PhaseRecord p : run.phases()) {
            for (CacheStats c : CacheStats.fromCounters(p.counters())) {
                maps.merge(c.map(), c, CacheStats::plus);
            }
        }
        if (!maps.isEmpty()) {
            index.append("<h3>Cache</h3>\n");
            table(Tables.cache(new ArrayList<>(maps.values())), "cache-" + slug + ".html");
            chart(Charts.cacheByIteration(run, null), "cache-" + slug + ".png", "Cache lookups by origin per iteration");
        }
    }

    private static String slugPart(String s) {
        String out = s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return out.isEmpty() ? "phase" : out;
    }

    private void section(String title, String anchor) {
        index.append("<h2").append(anchor == null ? "" : " id=\"" + anchor + "\"").append('>').append(Html.escape(title))
                .append("</h2>\n");
    }

    private void table(Table t, String file) throws IOException {
        String html = Tables.html(t);
        Files.writeString(dir.resolve(file), Html.page(t.name(), html), StandardCharsets.UTF_8);
        written.add(file);
        index.append(html).append("\n<p class=\"note\"><a href=\"").append(Html.escape(file))
                .append("\">table on its own page</a></p>\n");
        text.append(Tables.text(t)).append("\n\n");
    }

    private void chart(Chart<?, ?> chart, String file, String alt) throws IOException {
        Objects.requireNonNull(chart);
        Charts.writePng(chart, dir.resolve(file));
        written.add(file);
        index.append("<p><img class=\"chart\" src=\"").append(Html.escape(file)).append("\" alt=\"")
                .append(Html.escape(alt)).append("\"/></p>\n");
    }
}
