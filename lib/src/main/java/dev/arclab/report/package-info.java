/**
 * Timing reports, charts and pictures for ARC Lab, independent of Jupyter.
 *
 * <ul>
 *   <li>{@link dev.arclab.report.Tables}: Tablesaw tables of a run's phases, a phase's tasks, run comparisons,
 *       repeats, thread scaling, cache statistics ({@link dev.arclab.report.CacheStats}) and the solver
 *       library ({@link dev.arclab.report.LibrarySummary}); as HTML ({@code Tables.html}) or text.</li>
 *   <li>{@link dev.arclab.report.Charts}: XChart charts (performance journey, wall vs busy vs CPU, worker
 *       timeline, speedup, thread scaling, cache hits by origin); PNG or SVG.</li>
 *   <li>{@link dev.arclab.report.Experiments}: repeated runs ({@link dev.arclab.report.RunSeries}), noise-aware
 *       comparison ({@link dev.arclab.report.Comparison}, {@link dev.arclab.report.NoiseRule}) and thread
 *       scaling ({@link dev.arclab.report.ThreadScaling}).</li>
 *   <li>{@link dev.arclab.report.GridPictures}: grids, tasks and candidates in the ARC palette as
 *       {@link dev.arclab.report.Drawing}s (PNG or SVG).</li>
 *   <li>{@link dev.arclab.report.ReportWriter}: a directory with every table and chart and an index.html, as
 *       written by the {@code report} command.</li>
 * </ul>
 *
 * <pre>{@code
 * RunSeries before = Experiments.repeat("before", 1, 5, () -> pipeline.run(config));
 * RunSeries after = Experiments.repeat("after", 1, 5, () -> patched.run(config));
 * Comparison c = Experiments.compare(before, after);          // medians, min..max ranges
 * String html = Tables.html(Tables.comparison(c));            // verdict column flags regressions
 * Charts.writePng(Charts.speedup(c), Path.of("speedup.png"));
 * }</pre>
 */
package dev.arclab.report;
