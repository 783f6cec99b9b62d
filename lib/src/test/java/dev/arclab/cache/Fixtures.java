package dev.arclab.cache;

import dev.arclab.pipeline.LibraryEntry;
import dev.arclab.cache.MapStats;
import dev.arclab.pipeline.PhaseResults;
import dev.arclab.pipeline.Pipeline;
import dev.arclab.pipeline.PipelineConfig;
import dev.arclab.cache.ResultCache;
import dev.arclab.pipeline.SampleResult;
import dev.arclab.program.BundledSolvers;
import dev.arclab.program.ParseResult;
import dev.arclab.task.TaskLoader;
import dev.arclab.task.TaskSet;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Small pipeline runs for the cache tests, in this JVM or a child one. */
final class Fixtures {
    private Fixtures() {
    }

    /** Pairs of tasks with the same transformation (one's solver solves the other), plus some others. */
    static final List<String> IDS = List.of("74dd1130", "9dfd6313", "3c9b0459", "6150a2bd", "6fa7a44f", "8be77c9e",
            "6d0aefbc", "c9e6f938", "46442a0e", "7fe24cdd", "d631b094", "be94b721", "a699fb00", "25ff71a9");

    private static TaskSet tasks;

    static synchronized TaskSet tasks() {
        if (tasks == null) {
            tasks = TaskLoader.bundled().filter(t -> IDS.contains(t.id()));
        }
        return tasks;
    }

    /** The bundled solvers of only the first task of each pair (and the odd ones). */
    static ParseResult solvers() {
        Set<String> drop = Set.of("9dfd6313", "6150a2bd", "8be77c9e", "c9e6f938", "7fe24cdd");
        ParseResult all = BundledSolvers.parse();
        return new ParseResult(all.file(), all.programs().stream().filter(p -> !drop.contains(p.taskId())).toList(), List.of());
    }

    static PipelineConfig config() {
        return PipelineConfig.defaults().withThreads(2).withSeed(42).withTasksPerBatch(8).withMutation(0.3, 2);
    }

    /** A run: the library loaded, two iterations, then predict. */
    record Run(List<String> signature, List<MapStats> cache) {
        long diskHits() {
            return cache.stream().mapToLong(MapStats::diskHits).sum();
        }

        long sessionHits() {
            return cache.stream().mapToLong(MapStats::sessionHits).sum();
        }

        long misses() {
            return cache.stream().mapToLong(MapStats::misses).sum();
        }
    }

    static Run run(ResultCache cache) {
        List<MapStats> before = cache.stats();
        try (Pipeline p = new Pipeline(tasks(), config(), cache)) {
            p.loadLibrary(solvers());
            List<PhaseResults.Iteration> its = new ArrayList<>();
            its.add(p.runOnce());
            its.add(p.runOnce());
            PhaseResults.Predicted predicted = p.predict();
            List<String> sig = signature(p, its, predicted);
            List<MapStats> after = cache.stats();
            List<MapStats> delta = new ArrayList<>();
            for (int k = 0; k < after.size(); k++) {
                delta.add(after.get(k).since(before.get(k)));
            }
            return new Run(sig, delta);
        }
    }

    /** Everything a run decides, without timings. */
    static List<String> signature(Pipeline p, List<PhaseResults.Iteration> its, PhaseResults.Predicted predicted) {
        List<String> out = new ArrayList<>();
        for (PhaseResults.Iteration it : its) {
            out.add("batch " + it.generated().batch().members().stream().map(m -> m.task() + ":" + m.hash() + ":" + m.origin())
                    .collect(Collectors.joining(",")));
            for (PhaseResults.TaskScores t : it.scored().tasks()) {
                StringBuilder sb = new StringBuilder(t.task());
                for (SampleResult[] r : t.results()) {
                    for (SampleResult s : r) {
                        sb.append(s.status().ordinal()).append(s.match() ? 'M' : '-').append(s.fuel()).append(':')
                                .append(s.produced() == null ? "none" : s.produced().rows() + "x" + s.produced().cols() + "#"
                                        + java.util.Arrays.hashCode(s.produced().cells())).append(',');
                    }
                }
                out.add(sb.toString());
            }
            out.add("kept " + it.filtered().kept().stream().map(c -> c.task() + ":" + c.hash() + ":" + c.matched()).toList());
            out.add("texts " + it.canonicalized().texts());
            out.add("checked " + it.validated().checked().stream().map(c -> c.candidate().hash() + ":" + c.validation().pairs()
                    + ":" + c.validation().fuel()).toList());
            out.add("added " + it.saved().added().stream().map(e -> e.task() + ":" + e.hash()).toList());
            out.add("near " + it.differed().nearMisses().entrySet().stream().map(e -> e.getKey() + "="
                    + e.getValue().stream().map(n -> n.program().hash() + "@" + n.measures()).toList()).toList());
        }
        out.add("library " + p.library().all().stream().map(Fixtures::entry).toList());
        out.add("predicted " + predicted.tasks().stream().map(t -> t.task() + ":" + t.programs() + ":" + t.correct()).toList());
        return out;
    }

    static String entry(LibraryEntry e) {
        return e.task() + ":" + e.hash() + ":" + e.score() + ":" + e.fuel() + ":" + e.origin();
    }

    static String digest(List<String> lines) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (String l : lines) {
                md.update(l.getBytes(StandardCharsets.UTF_8));
                md.update((byte) '\n');
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
