package dev.arclab.report;

import dev.arclab.profile.PhaseRecord;
import dev.arclab.profile.RunRecord;
import dev.arclab.profile.TaskTiming;
import dev.arclab.report.NoiseRule.Verdict;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.jsoup.nodes.Element;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.columns.numbers.NumberColumnFormatter;
import tech.tablesaw.io.html.HtmlWriteOptions;

/**
 * Timing, comparison, cache and library tables as Tablesaw {@link Table}s with rounded print formats,
 * and their HTML and text forms. Seconds columns are named "... s" and hold only times; counts are integer
 * columns; missing values print as "–".
 */
public final class Tables {
    /** Name of the summary row of a phase table. */
    public static final String TOTAL = "total";
    /** How a per-task table is ordered (descending, except {@link #NAME}). */
    public enum TaskOrder { SPAN, BUSY, CPU, ITEMS, NAME }

    static final String MISSING = "\u2013";

    private Tables() {
    }

    // ---- formats --------------------------------------------------------------------------------------------

    /** A number formatter with {@code pattern} (Locale.ROOT) that shows missing values as a dash. */
    public static NumberColumnFormatter format(String pattern) {
        return new NumberColumnFormatter(new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT)), MISSING);
    }

    private static DoubleColumn seconds(String name) {
        DoubleColumn c = DoubleColumn.create(name);
        c.setPrintFormatter(format("#,##0.000"));
        return c;
    }

    private static DoubleColumn ratio(String name) {
        DoubleColumn c = DoubleColumn.create(name);
        c.setPrintFormatter(format("0.00"));
        return c;
    }

    private static DoubleColumn speedup(String name) {
        DoubleColumn c = DoubleColumn.create(name);
        c.setPrintFormatter(format("0.00'\u00d7'"));
        return c;
    }

    /** A fraction (0.87) printed as a percentage (87.0%). */
    private static DoubleColumn fraction(String name) {
        DoubleColumn c = DoubleColumn.create(name);
        c.setPrintFormatter(format("0.0%"));
        return c;
    }

    /** A value already in percent (12.5) printed with its sign (+12.5%). */
    private static DoubleColumn signedPercent(String name) {
        DoubleColumn c = DoubleColumn.create(name);
        c.setPrintFormatter(format("+0.0'%';-0.0'%'"));
        return c;
    }

    /** An integer column printed with thousands separators. */
    public static IntColumn ints(String name) {
        IntColumn c = IntColumn.create(name);
        c.setPrintFormatter(format("#,##0"));
        return c;
    }

    /** A long column printed with thousands separators. */
    public static LongColumn longs(String name) {
        LongColumn c = LongColumn.create(name);
        c.setPrintFormatter(format("#,##0"));
        return c;
    }

    /** Appends {@code v}, or a missing value when it is NaN or infinite. */
    public static void add(DoubleColumn c, double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            c.appendMissing();
        } else {
            c.append(v);
        }
    }

    // ---- phase table ----------------------------------------------------------------------------------------

    /**
     * One row per phase record of the run (in the order they ran) and a total row: wall, busy and CPU
     * seconds, items, longest item, parallelism = busy / wall, efficiency = parallelism / threads, and the
     * cache hits (this session, from disk) and misses summed over the phase's {@code cache.*} counters.
     */
    public static Table phases(RunRecord run) {
        StringColumn phase = StringColumn.create("phase");
        IntColumn iter = ints("iteration");
        IntColumn threads = ints("threads");
        DoubleColumn wall = seconds("wall s");
        DoubleColumn busy = seconds("busy s");
        DoubleColumn cpu = seconds("CPU s");
        IntColumn items = ints("items");
        DoubleColumn longest = seconds("longest item s");
        DoubleColumn par = ratio("parallelism");
        DoubleColumn eff = fraction("efficiency");
        LongColumn hits = longs("cache hits");
        LongColumn disk = longs("disk hits");
        LongColumn misses = longs("misses");
        StringColumn note = StringColumn.create("note");

        long tWall = 0;
        long tBusy = 0;
        long tCpu = 0;
        long tItems = 0;
        long tLongest = 0;
        CacheStats tCache = null;
        int commonThreads = -1;
        for (PhaseRecord p : run.phases()) {
            phase.append(p.phase());
            iter.append(p.iteration());
            threads.append(p.threads());
            wall.append(p.wallSeconds());
            busy.append(p.busySeconds());
            cpu.append(p.cpuSeconds());
            items.append(p.items());
            longest.append(p.longestItemNanos() / 1e9);
            addParallelism(par, eff, p.items(), p.busyNanos(), p.wallNanos(), p.threads());
            if (CacheStats.hasCacheCounters(p.counters())) {
                CacheStats c = CacheStats.total("all", CacheStats.fromCounters(p.counters()));
                hits.append(c.sessionHits());
                disk.append(c.diskHits());
                misses.append(c.misses());
                tCache = tCache == null ? c : tCache.plus(c);
            } else {
                hits.appendMissing();
                disk.appendMissing();
                misses.appendMissing();
            }
            note.append(p.partial() ? "partial" : "");
            tWall += p.wallNanos();
            tBusy += p.busyNanos();
            tCpu += p.cpuNanos();
            tItems += p.items();
            tLongest = Math.max(tLongest, p.longestItemNanos());
            commonThreads = commonThreads == -1 || commonThreads == p.threads() ? p.threads() : 0;
        }
        int totalThreads = commonThreads > 0 ? commonThreads : run.config() == null ? 0 : run.config().threads();
        phase.append(TOTAL);
        iter.appendMissing();
        if (totalThreads > 0) {
            threads.append(totalThreads);
        } else {
            threads.appendMissing();
        }
        wall.append(tWall / 1e9);
        busy.append(tBusy / 1e9);
        cpu.append(tCpu / 1e9);
        items.append((int) Math.min(Integer.MAX_VALUE, tItems));
        longest.append(tLongest / 1e9);
        addParallelism(par, eff, tItems, tBusy, tWall, totalThreads);
        if (tCache != null) {
            hits.append(tCache.sessionHits());
            disk.append(tCache.diskHits());
            misses.append(tCache.misses());
        } else {
            hits.appendMissing();
            disk.appendMissing();
            misses.appendMissing();
        }
        note.append(run.phases().stream().anyMatch(PhaseRecord::partial) ? "partial" : "");
        return Table.create("Phases of run " + RunSeries.nameOf(run), phase, iter, threads, wall, busy, cpu, items,
                longest, par, eff, hits, disk, misses, note);
    }

    private static void addParallelism(DoubleColumn par, DoubleColumn eff, long items, long busy, long wall, int threads) {
        if (items == 0 || wall == 0) {
            par.appendMissing();
            eff.appendMissing();
            return;
        }
        double p = (double) busy / wall;
        par.append(p);
        add(eff, threads > 0 ? p / threads : Double.NaN);
    }

    // ---- per-task table -------------------------------------------------------------------------------------

    /** All tasks of a phase, longest span first. */
    public static Table tasks(PhaseRecord phase) {
        return tasks(phase, TaskOrder.SPAN, 0);
    }

    /**
     * The tasks of a phase: items, span (first item start to last item end: the task's wall time in the
     * phase), busy and CPU seconds, share of the phase's busy time, and when the task started and ended.
     * {@code limit} keeps the first rows (0 keeps all).
     */
    public static Table tasks(PhaseRecord phase, TaskOrder order, int limit) {
        Comparator<TaskTiming> cmp = switch (order) {
            case SPAN -> Comparator.comparingLong(TaskTiming::spanNanos).reversed();
            case BUSY -> Comparator.comparingLong(TaskTiming::busyNanos).reversed();
            case CPU -> Comparator.comparingLong(TaskTiming::cpuNanos).reversed();
            case ITEMS -> Comparator.comparingInt(TaskTiming::items).reversed();
            case NAME -> Comparator.comparing(TaskTiming::task);
        };
        List<TaskTiming> tasks = new ArrayList<>(phase.tasks());
        tasks.sort(cmp.thenComparing(TaskTiming::task));
        if (limit > 0 && tasks.size() > limit) {
            tasks = tasks.subList(0, limit);
        }
        StringColumn task = StringColumn.create("task");
        IntColumn items = ints("items");
        DoubleColumn span = seconds("span s");
        DoubleColumn busy = seconds("busy s");
        DoubleColumn cpu = seconds("CPU s");
        DoubleColumn share = fraction("share of busy");
        DoubleColumn first = seconds("first start s");
        DoubleColumn last = seconds("last end s");
        for (TaskTiming t : tasks) {
            task.append(t.task());
            items.append(t.items());
            span.append(t.spanNanos() / 1e9);
            busy.append(t.busyNanos() / 1e9);
            cpu.append(t.cpuNanos() / 1e9);
            add(share, phase.busyNanos() == 0 ? Double.NaN : (double) t.busyNanos() / phase.busyNanos());
            if (t.items() == 0) {
                first.appendMissing();
                last.appendMissing();
            } else {
                first.append(t.firstStartNanos() / 1e9);
                last.append(t.lastEndNanos() / 1e9);
            }
        }
        String title = "Tasks of " + phase.phase() + " (iteration " + phase.iteration() + "), by "
                + order.name().toLowerCase(Locale.ROOT)
                + (limit > 0 && phase.tasks().size() > limit ? ", top " + limit + " of " + phase.tasks().size() : "");
        return Table.create(title, task, items, span, busy, cpu, share, first, last);
    }

    // ---- repeats, comparison, scaling -----------------------------------------------------------------------

    /** min / median / max wall seconds of each phase over the repeats of a series, and their spread. */
    public static Table repeats(RunSeries series) {
        StringColumn phase = StringColumn.create("phase");
        IntColumn n = ints("runs");
        DoubleColumn min = seconds("min s");
        DoubleColumn med = seconds("median s");
        DoubleColumn max = seconds("max s");
        DoubleColumn spread = fraction("spread");
        List<String> phases = new ArrayList<>(series.phases());
        phases.add(RunSeries.TOTAL);
        for (String p : phases) {
            Range r = series.wall(p).scaled(1e9);
            phase.append(p);
            n.append(r.n());
            add(min, r.min());
            add(med, r.median());
            add(max, r.max());
            add(spread, r.relativeSpread());
        }
        return Table.create("Wall time over " + series.repeats() + " runs of " + series.name(), phase, n, min, med, max, spread);
    }

    /**
     * Runs side by side per phase: median wall seconds with min and max, speedup against the baseline
     * (baseline wall / run wall), change in percent and the noise-aware verdict.
     */
    public static Table comparison(Comparison c) {
        StringColumn phase = StringColumn.create("phase");
        StringColumn run = StringColumn.create("run");
        IntColumn n = ints("runs");
        DoubleColumn wall = seconds("wall s");
        DoubleColumn min = seconds("min s");
        DoubleColumn max = seconds("max s");
        DoubleColumn speedup = speedup("speedup");
        DoubleColumn change = signedPercent("change");
        StringColumn verdict = StringColumn.create("verdict");
        for (Comparison.Row r : c.rows()) {
            Range w = r.wall().scaled(1e9);
            phase.append(r.phase());
            run.append(r.run());
            n.append(w.n());
            add(wall, w.median());
            add(min, w.min());
            add(max, w.max());
            add(speedup, r.speedup());
            add(change, r.changePercent());
            verdict.append(r.baseline() ? (w.isEmpty() ? Verdict.MISSING.label() : "baseline") : r.verdict().label());
        }
        return Table.create("Runs against baseline " + c.baseline().name(), phase, run, n, wall, min, max, speedup,
                change, verdict);
    }

    /** Thread scaling: median wall time per thread count, speedup with its range, ideal, efficiency. */
    public static Table threadScaling(ThreadScaling s) {
        IntColumn threads = ints("threads");
        IntColumn n = ints("runs");
        DoubleColumn wall = seconds("wall s");
        DoubleColumn min = seconds("min s");
        DoubleColumn max = seconds("max s");
        DoubleColumn speedup = speedup("speedup");
        DoubleColumn low = speedup("speedup low");
        DoubleColumn high = speedup("speedup high");
        DoubleColumn ideal = speedup("ideal");
        DoubleColumn eff = fraction("efficiency");
        int cores = Runtime.getRuntime().availableProcessors();
        DoubleColumn possible = speedup("possible on " + cores + " cores");
        StringColumn check = StringColumn.create("check");
        for (ThreadScaling.Point p : s.points()) {
            Range w = p.wall().scaled(1e9);
            threads.append(p.threads());
            n.append(w.n());
            add(wall, w.median());
            add(min, w.min());
            add(max, w.max());
            add(speedup, s.speedup(p));
            add(low, s.speedupLow(p));
            add(high, s.speedupHigh(p));
            add(ideal, s.idealSpeedup(p));
            add(eff, s.efficiency(p));
            add(possible, s.possibleSpeedup(p, cores));
            check.append(s.beyondHardware(p, cores) ? "beyond what the cores allow: noise or warm-up" : "");
        }
        return Table.create("Thread scaling of " + s.phase(), threads, n, wall, min, max, speedup, low, high, ideal, eff,
                possible, check);
    }

    // ---- cache and library ----------------------------------------------------------------------------------

    /** One row per cache map: hits by origin, misses, hit rate, entries, size and measured time saved. */
    public static Table cache(List<CacheStats> stats) {
        StringColumn map = StringColumn.create("map");
        LongColumn session = longs("hits (this session)");
        LongColumn disk = longs("hits (from disk)");
        LongColumn misses = longs("misses");
        DoubleColumn rate = fraction("hit rate");
        LongColumn entries = longs("entries");
        DoubleColumn mib = DoubleColumn.create("size MiB");
        mib.setPrintFormatter(format("#,##0.00"));
        DoubleColumn saved = seconds("time saved s");
        for (CacheStats s : stats) {
            map.append(s.map());
            session.append(s.sessionHits());
            disk.append(s.diskHits());
            misses.append(s.misses());
            add(rate, s.hitRate());
            if (s.entries() < 0) {
                entries.appendMissing();
            } else {
                entries.append(s.entries());
            }
            add(mib, s.bytes() < 0 ? Double.NaN : s.bytes() / (1024.0 * 1024.0));
            add(saved, s.secondsSaved());
        }
        return Table.create("Cache", map, session, disk, misses, rate, entries, mib, saved);
    }

    /** The library in one row: tasks, tasks with a program, programs, tasks solved on all demo pairs, cost. */
    public static Table library(LibrarySummary s) {
        IntColumn tasks = ints("tasks");
        IntColumn with = ints("tasks with programs");
        IntColumn programs = ints("programs");
        IntColumn perfect = ints("tasks with a perfect program");
        IntColumn max = ints("max programs per task");
        DoubleColumn cost = ratio("median cost");
        tasks.append(s.tasks());
        with.append(s.tasksWithPrograms());
        programs.append(s.programs());
        perfect.append(s.perfectTasks());
        max.append(s.maxProgramsPerTask());
        add(cost, s.medianCost());
        return Table.create("Solver library", tasks, with, programs, perfect, max, cost);
    }

    /** Score distribution: tasks by their best program's demo score, programs by their own. */
    public static Table libraryScores(LibrarySummary s) {
        StringColumn band = StringColumn.create("demo score");
        IntColumn tasks = ints("tasks (best program)");
        IntColumn programs = ints("programs");
        for (LibrarySummary.Band b : s.distribution()) {
            band.append(b.label());
            tasks.append(b.tasks());
            programs.append(b.programs());
        }
        return Table.create("Solver library scores", band, tasks, programs);
    }

    // ---- output ---------------------------------------------------------------------------------------------

    /** The table as fixed-width text with its title, every row. */
    public static String text(Table t) {
        return t.printAll();
    }

    /**
     * The table as an HTML fragment: {@code <table class="arclab">} with the table's name as caption,
     * numeric cells of class "num", verdict cells of class "regression" / "improvement" and the total row
     * of class "total". Style it with {@link Html#CSS} (pages written by {@link ReportWriter} include it).
     */
    public static String html(Table t) {
        StringWriter w = new StringWriter();
        HtmlWriteOptions.ElementCreator creator = (name, column, row) -> element(t, name, column, row);
        try {
            HtmlWriteOptions options = HtmlWriteOptions.builder(w).escapeText(true).elementCreator(creator).build();
            t.write().usingOptions(options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String html = w.toString();
        int open = html.indexOf('>', html.indexOf("<table")) + 1;
        return html.substring(0, open) + "\n<caption>" + Html.escape(t.name()) + "</caption>" + html.substring(open);
    }

    /** {@link #html(Table)} preceded by the report's style sheet, for a notebook cell's HTML output. */
    public static String notebookHtml(Table t) {
        return "<style>" + Html.CSS + "</style>\n" + html(t);
    }

    private static Element element(Table t, String name, Column<?> column, Integer row) {
        Element e = new Element(name);
        switch (name) {
            case "table" -> e.addClass("arclab");
            case "tr" -> {
                if (row != null && row >= 0 && t.columnCount() > 0 && row < t.rowCount()
                        && TOTAL.equals(t.column(0).getString(row))) {
                    e.addClass("total");
                }
            }
            case "td", "th" -> {
                if (column instanceof NumericColumn<?>) {
                    e.addClass("num");
                }
                if (row != null && column != null && "td".equals(name) && "verdict".equals(column.name())) {
                    String v = column.getString(row);
                    if (Verdict.REGRESSION.label().equals(v)) {
                        e.addClass("regression");
                    } else if (Verdict.IMPROVEMENT.label().equals(v)) {
                        e.addClass("improvement");
                    }
                }
            }
            default -> {
            }
        }
        return e;
    }
}
