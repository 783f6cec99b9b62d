package dev.arclab.magics;

import dev.arclab.lab.CandidateView;
import dev.arclab.lab.Views;
import dev.arclab.lab.Summary;
import dev.arclab.dsl.Grid;
import dev.arclab.pipeline.PhaseResults.Canonicalized;
import dev.arclab.pipeline.PhaseResults.Differed;
import dev.arclab.pipeline.PhaseResults.Filtered;
import dev.arclab.pipeline.PhaseResults.Generated;
import dev.arclab.pipeline.PhaseResults.Iteration;
import dev.arclab.pipeline.PhaseResults.Predicted;
import dev.arclab.pipeline.PhaseResults.Saved;
import dev.arclab.pipeline.PhaseResults.Scored;
import dev.arclab.pipeline.PhaseResults.Validated;
import dev.arclab.pipeline.SolverLibrary;
import dev.arclab.profile.PhaseRecord;
import dev.arclab.profile.RunRecord;
import dev.arclab.report.Charts;
import dev.arclab.report.Comparison;
import dev.arclab.report.Drawing;
import dev.arclab.report.GridPictures;
import dev.arclab.report.Tables;
import dev.arclab.report.ThreadScaling;
import dev.arclab.task.Task;
import dev.arclab.task.TaskSet;
import java.util.function.Function;
import org.knowm.xchart.internal.chartpart.Chart;
import tech.tablesaw.api.Table;

/**
 * How ARC Lab's values look in a notebook. Part of {@link Renderers#global()}, which the kernel adapters install
 * ({@code ArcLabExtension} for our kernel and JJava, {@link IJavaMagics} for IJava):
 *
 * <ul>
 *   <li>{@link Grid}, {@link Task} (its pairs side by side), {@link Drawing} and {@link CandidateView}: PNG pictures
 *       in the ARC palette;</li>
 *   <li>Tablesaw {@link Table}: HTML (with the report's style) and text;</li>
 *   <li>XChart charts: PNG;</li>
 *   <li>each phase result ({@code PhaseResults.*}), {@link RunRecord}, {@link PhaseRecord}, {@link SolverLibrary} and
 *       {@link TaskSet}: a compact summary line plus its table ({@link Views});</li>
 *   <li>{@link Comparison} and {@link ThreadScaling}: table and chart; {@link Outputs}: its parts;
 *       {@link ProgressBar.View}: a progress bar.</li>
 * </ul>
 */
public final class LabRenderers {
    private static final String TEXT = "text/plain";

    private LabRenderers() {
    }

    /** Adds ARC Lab's renderers to {@code r}. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static Renderers addTo(Renderers r) {
        r.register(Grid.class, Renderers.PNG, g -> GridPictures.grid(g).toPng());
        r.register(Grid.class, TEXT, g -> "Grid " + g.rows() + "\u00d7" + g.cols());
        r.register(Task.class, Renderers.PNG, t -> GridPictures.task(t).toPng());
        r.register(Task.class, TEXT, t -> "Task " + t.id() + ": " + t.demo().size() + " demo pairs, " + t.test().size()
                + " test inputs");
        r.register(Drawing.class, Renderers.PNG, Drawing::toPng);
        r.register(Drawing.class, TEXT, d -> "Drawing " + d.width() + "\u00d7" + d.height());
        r.register(CandidateView.class, Renderers.PNG, CandidateView::png);
        r.register(CandidateView.class, TEXT, CandidateView::caption);

        r.register(Table.class, Renderers.HTML, Tables::notebookHtml);
        r.register(Table.class, TEXT, t -> Tables.text(t).stripTrailing());
        Class<Chart> chart = Chart.class;
        r.register(chart, Renderers.PNG, c -> Charts.png((Chart<?, ?>) c));
        r.register(chart, TEXT, c -> "Chart: " + ((Chart<?, ?>) c).getTitle());

        summary(r, Generated.class, Views::of);
        summary(r, Scored.class, Views::of);
        summary(r, Filtered.class, Views::of);
        summary(r, Canonicalized.class, Views::of);
        summary(r, Validated.class, Views::of);
        summary(r, Saved.class, Views::of);
        summary(r, Differed.class, Views::of);
        summary(r, Predicted.class, Views::of);
        summary(r, Iteration.class, Views::of);
        summary(r, RunRecord.class, Views::of);
        summary(r, PhaseRecord.class, Views::of);
        summary(r, SolverLibrary.class, Views::of);
        summary(r, TaskSet.class, Views::of);
        summary(r, Summary.class, s -> s);

        r.register(Comparison.class, Renderers.HTML, c -> Outputs.comparison(c).html());
        r.register(Comparison.class, TEXT, c -> Outputs.comparison(c).text());
        r.register(ThreadScaling.class, Renderers.HTML, s -> Outputs.scaling(s).html());
        r.register(ThreadScaling.class, TEXT, s -> Outputs.scaling(s).text());
        r.register(Outputs.class, Renderers.HTML, Outputs::html);
        r.register(Outputs.class, TEXT, Outputs::text);
        r.register(ProgressBar.View.class, Renderers.HTML, ProgressBar.View::html);
        r.register(ProgressBar.View.class, TEXT, ProgressBar.View::text);
        return r;
    }

    private static <T> void summary(Renderers r, Class<T> type, Function<T, Summary> view) {
        r.register(type, Renderers.HTML, v -> view.apply(v).html());
        r.register(type, TEXT, v -> view.apply(v).text());
    }
}
