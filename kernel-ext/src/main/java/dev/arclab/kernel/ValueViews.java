package dev.arclab.kernel;

import dev.arclab.dsl.Grid;
import dev.arclab.report.GridPictures;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;

/**
 * How cell results that no renderer is registered for are shown: arrays as jshell shows them
 * ({@code int[3] { 1, 2, 3 }}, not {@code [I@3f20b954}), and a {@code List<Grid>} or {@code Map<String, Grid>} as
 * pictures in a row, each with its caption (its index or key).
 */
final class ValueViews {
    /** More grids than this show as text: a row of hundreds of pictures helps no one. */
    static final int MAX_PICTURES = 60;

    private ValueViews() {
    }

    /** The view of {@code value}, or null to leave it to the renderers. */
    static DisplayData view(Object value) {
        if (value.getClass().isArray()) {
            return new DisplayData(arrayText(value));
        }
        Map<String, Grid> grids = grids(value);
        if (grids != null) {
            return picturesInARow(grids, value.toString());
        }
        return null;
    }

    /** An array as jshell prints it: {@code int[3] { 1, 2, 3 }}, {@code String[2] { "a", "b" }}, nested alike. */
    static String arrayText(Object array) {
        int n = Array.getLength(array);
        Class<?> component = array.getClass().getComponentType();
        String type = component.getSimpleName();
        int brackets = type.indexOf('[');
        String head = brackets < 0 ? type + "[" + n + "]" : type.substring(0, brackets) + "[" + n + "]"
                + type.substring(brackets);
        StringBuilder sb = new StringBuilder(head).append(" {");
        for (int i = 0; i < n; i++) {
            if (sb.length() > 10_000) {
                sb.append(i == 0 ? " ..." : ", ...");
                break;
            }
            sb.append(i == 0 ? " " : ", ").append(element(Array.get(array, i)));
        }
        return sb.append(n == 0 ? "}" : " }").toString();
    }

    private static String element(Object e) {
        if (e == null) {
            return "null";
        }
        if (e.getClass().isArray()) {
            return arrayText(e);
        }
        if (e instanceof String s) {
            return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
        }
        if (e instanceof Character c) {
            return "'" + c + "'";
        }
        return String.valueOf(e);
    }

    /** The grids of a non-empty List of Grids (captions 0, 1, ...) or Map with Grid values (captions the keys). */
    private static Map<String, Grid> grids(Object value) {
        Map<String, Grid> grids = new LinkedHashMap<>();
        if (value instanceof List<?> list && !list.isEmpty() && list.size() <= MAX_PICTURES) {
            for (int i = 0; i < list.size(); i++) {
                if (!(list.get(i) instanceof Grid g)) {
                    return null;
                }
                grids.put(String.valueOf(i), g);
            }
            return grids;
        }
        if (value instanceof Map<?, ?> map && !map.isEmpty() && map.size() <= MAX_PICTURES) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!(e.getValue() instanceof Grid g)) {
                    return null;
                }
                grids.put(String.valueOf(e.getKey()), g);
            }
            return grids;
        }
        return null;
    }

    private static DisplayData picturesInARow(Map<String, Grid> grids, String text) {
        StringBuilder html = new StringBuilder("<div style=\"display:flex;flex-wrap:wrap;gap:12px;align-items:flex-end\">");
        List<String> plain = new ArrayList<>();
        for (Map.Entry<String, Grid> e : grids.entrySet()) {
            Grid g = e.getValue();
            String png = Base64.getEncoder().encodeToString(GridPictures.grid(g).toPng());
            String caption = escape(e.getKey());
            html.append("<figure style=\"margin:0;text-align:center\"><img src=\"data:image/png;base64,").append(png)
                    .append("\" alt=\"").append(caption).append("\"/><figcaption>").append(caption)
                    .append(" <small>(").append(g.rows()).append("\u00d7").append(g.cols())
                    .append(")</small></figcaption></figure>");
            plain.add(e.getKey() + ": Grid " + g.rows() + "\u00d7" + g.cols());
        }
        html.append("</div>");
        DisplayData d = new DisplayData(String.join("\n", plain));
        d.putHTML(html.toString());
        return d;
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
