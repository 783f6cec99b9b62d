package dev.arclab.lab;

import dev.arclab.dsl.Grid;
import dev.arclab.pipeline.Batch;
import dev.arclab.pipeline.Candidate;
import dev.arclab.pipeline.PhaseResults.NearMiss;
import dev.arclab.pipeline.PhaseResults.Scored;
import dev.arclab.pipeline.PhaseResults.TaskScores;
import dev.arclab.pipeline.SampleResult;
import dev.arclab.report.Drawing;
import dev.arclab.report.GridPictures;
import dev.arclab.report.Images;
import dev.arclab.task.Task;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A scored program on one task, as pictures: for every demo pair the input, the expected output, what the program
 * produced and the diff mask ({@link GridPictures#candidate}), one pair under the other. Shows as one PNG. Built here
 * in lib, beside {@link Views}, so that the notebook's magics and renderers only show it and never read a batch's
 * members themselves.
 */
public record CandidateView(String task, String program, String caption, List<Drawing> pairs) {
    public CandidateView {
        pairs = List.copyOf(pairs);
    }

    /** The picture of a candidate of the last score: which member on which task. */
    public static CandidateView of(Scored scored, Task task, int member, String note) {
        TaskScores ts = scored.tasks().stream().filter(t -> t.task().equals(task.id())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("task " + task.id() + " was not scored"));
        Batch.Member m = scored.batch().members().get(member);
        SampleResult[] results = ts.results()[member];
        String caption = task.id() + " \u2190 " + short12(m.hash()) + " (" + ts.matched(member) + "/" + results.length
                + " demo pairs" + (note == null || note.isEmpty() ? "" : ", " + note) + ")";
        List<Drawing> pairs = new ArrayList<>();
        for (int s = 0; s < results.length; s++) {
            SampleResult r = results[s];
            Grid produced = r == null ? null : r.produced();
            String status = r == null ? "not run (partial)" : r.status().name().toLowerCase(Locale.ROOT);
            pairs.add(GridPictures.candidate(task.demo().get(s).input(), ts.expected()[s], produced,
                    s == 0 ? caption : null, produced == null ? status : null));
        }
        return new CandidateView(task.id(), m.hash(), caption, pairs);
    }

    /** A candidate with at least one demo match. */
    public static CandidateView of(Scored scored, Task task, Candidate c) {
        return of(scored, task, c.member(), c.originForTask().toString());
    }

    /** A near miss of the last differs, with its partial credit in the caption. */
    public static CandidateView of(Scored scored, Task task, NearMiss n) {
        int member = scored.batch().members().indexOf(n.program());
        if (member < 0) {
            throw new IllegalArgumentException("the near miss " + short12(n.program().hash())
                    + " is not in the last batch");
        }
        return of(scored, task, member, String.format(Locale.ROOT, "near miss, credit %.2f", n.measures().combined()));
    }

    /** The pairs stacked into one image. */
    public BufferedImage image() {
        int w = 1;
        int h = 0;
        List<BufferedImage> images = new ArrayList<>();
        for (Drawing d : pairs) {
            BufferedImage img = d.toImage();
            images.add(img);
            w = Math.max(w, img.getWidth());
            h += img.getHeight();
        }
        BufferedImage out = new BufferedImage(w, Math.max(h, 1), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, w, Math.max(h, 1));
            int y = 0;
            for (BufferedImage img : images) {
                g.drawImage(img, 0, y, null);
                y += img.getHeight();
            }
        } finally {
            g.dispose();
        }
        return out;
    }

    public byte[] png() {
        return Images.png(image());
    }

    static String short12(String hash) {
        return hash.substring(0, Math.min(12, hash.length()));
    }

    @Override
    public String toString() {
        return caption;
    }
}
