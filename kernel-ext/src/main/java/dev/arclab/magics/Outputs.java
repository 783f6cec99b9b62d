package dev.arclab.magics;

import java.util.Locale;
import dev.arclab.report.ThreadScaling;
import dev.arclab.report.Tables;
import dev.arclab.report.Comparison;
import dev.arclab.report.Charts;
import dev.arclab.report.Html;
import dev.arclab.report.Images;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Several values shown as one cell result, one after the other: e.g. a table, a chart and a line of verdicts.
 * Each part is rendered by {@link Renderers#global()}: as HTML its HTML, else its PNG as an image, else its text;
 * as text, the parts' text.
 */
public record Outputs(List<Object> parts) {
    public Outputs {
        parts = List.copyOf(parts);
    }

    public static Outputs of(Object... parts) {
        return new Outputs(Arrays.stream(parts).filter(p -> p != null).toList());
    }

    /** A comparison: a line naming the regressions beyond the noise, the table, and the speedup chart. */
    public static Outputs comparison(Comparison c) {
        List<String> regressions = new ArrayList<>();
        for (Comparison.Row r : c.regressions()) {
            regressions.add(r.phase() + " of " + r.run() + String.format(Locale.ROOT, " (%+.1f%%)", r.changePercent()));
        }
        long improvements = c.improvements().size();
        String line = (regressions.isEmpty() ? "No regressions beyond the noise"
                : "REGRESSIONS beyond the noise: " + String.join(", ", regressions)) + "; " + improvements
                + (improvements == 1 ? " improvement" : " improvements") + ". Rule: " + c.ruleDescription();
        return Outputs.of(line, Tables.comparison(c), Charts.speedup(c));
    }

    /** Thread scaling: table and chart. */
    public static Outputs scaling(ThreadScaling s) {
        return Outputs.of(Tables.threadScaling(s), Charts.threadScaling(s));
    }

    public String html() throws Exception {
        StringBuilder sb = new StringBuilder("<div class=\"arclab-outputs\">");
        for (Object part : parts) {
            Map<String, Object> data = Renderers.global().render(part);
            sb.append("\n<div style=\"margin:6px 0\">");
            if (data.get(Renderers.HTML) instanceof String html) {
                sb.append(html);
            } else if (data.get(Renderers.PNG) instanceof byte[] png) {
                sb.append("<img src=\"").append(Images.dataUri(png)).append("\"/>");
            } else {
                sb.append("<pre>").append(Html.escape(text(part, data))).append("</pre>");
            }
            sb.append("</div>");
        }
        return sb.append("\n</div>").toString();
    }

    public String text() throws Exception {
        List<String> out = new ArrayList<>();
        for (Object part : parts) {
            out.add(text(part, Renderers.global().render(part)));
        }
        return String.join("\n\n", out);
    }

    private static String text(Object part, Map<String, Object> data) {
        if (data.get("text/plain") instanceof String s) {
            return s;
        }
        if (data.containsKey(Renderers.PNG)) {
            return "[picture: " + part.getClass().getSimpleName() + "]";
        }
        return String.valueOf(part);
    }

    @Override
    public String toString() {
        try {
            return text();
        } catch (Exception e) {
            return "Outputs" + parts;
        }
    }
}
