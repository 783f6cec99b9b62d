package dev.arclab.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Summary of a solver library: per task the programs it keeps with their demo score and measured cost.
 * The score is the share of demo pairs a program solves, 0..1 (1 = all demo pairs); the cost is the
 * validation cost in whatever unit the library stores (it is only compared, never converted).
 */
public record LibrarySummary(Map<String, List<ScoredProgram>> library) {

    /** One kept program: its demo score (0..1) and cost. */
    public record ScoredProgram(double score, double cost) {
    }

    private static final double[] LOWS = {1, 0.75, 0.5, 0.25, 0, 0};
    private static final double[] HIGHS = {1, 1, 0.75, 0.5, 0.25, 0};

    /** A score band of the distribution: [low, high); the perfect band is [1, 1], the zero band [0, 0]. */
    public record Band(String label, double low, double high, int tasks, int programs) {
    }

    public LibrarySummary {
        Map<String, List<ScoredProgram>> copy = new TreeMap<>();
        library.forEach((task, programs) -> copy.put(task, List.copyOf(programs)));
        library = Collections.unmodifiableMap(copy);
    }

    public static LibrarySummary of(Map<String, List<ScoredProgram>> library) {
        return new LibrarySummary(library);
    }

    public int tasks() {
        return library.size();
    }

    public int tasksWithPrograms() {
        return (int) library.values().stream().filter(l -> !l.isEmpty()).count();
    }

    public int programs() {
        return library.values().stream().mapToInt(List::size).sum();
    }

    /** Tasks whose best program solves every demo pair. */
    public int perfectTasks() {
        return (int) library.values().stream().filter(l -> best(l) >= 1.0).count();
    }

    public int maxProgramsPerTask() {
        return library.values().stream().mapToInt(List::size).max().orElse(0);
    }

    /** Median cost over all programs, NaN for an empty library. */
    public double medianCost() {
        List<ScoredProgram> all = new ArrayList<>();
        library.values().forEach(all::addAll);
        return Range.of(all.stream().mapToDouble(ScoredProgram::cost).toArray()).median();
    }

    /** Best score of a task's programs, 0 when it has none. */
    public static double best(List<ScoredProgram> programs) {
        return programs.stream().mapToDouble(ScoredProgram::score).max().orElse(0);
    }

    /**
     * Score distribution in bands (perfect, 0.75..1, 0.5..0.75, 0.25..0.5, above 0..0.25, zero): tasks counted
     * by their best program, programs by their own score.
     */
    public List<Band> distribution() {
        double[][] bands = {{1.0, Double.POSITIVE_INFINITY}, {0.75, 1.0}, {0.5, 0.75}, {0.25, 0.5}, {Double.MIN_VALUE, 0.25},
            {Double.NEGATIVE_INFINITY, Double.MIN_VALUE}};
        String[] labels = {"1 (all demo pairs)", "0.75 to < 1", "0.5 to < 0.75", "0.25 to < 0.5", "> 0 to < 0.25", "0"};
        Map<String, int[]> counts = new LinkedHashMap<>();
        for (String l : labels) {
            counts.put(l, new int[2]);
        }
        for (List<ScoredProgram> programs : library.values()) {
            counts.get(labels[band(bands, best(programs))])[0]++;
            for (ScoredProgram p : programs) {
                counts.get(labels[band(bands, p.score())])[1]++;
            }
        }
        List<Band> out = new ArrayList<>();
        for (int i = 0; i < labels.length; i++) {
            int[] c = counts.get(labels[i]);
            out.add(new Band(labels[i], LOWS[i], HIGHS[i], c[0], c[1]));
        }
        return out;
    }

    private static int band(double[][] bands, double score) {
        for (int i = 0; i < bands.length; i++) {
            if (score >= bands[i][0]) {
                return i;
            }
        }
        return bands.length - 1;
    }
}
