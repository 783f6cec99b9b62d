package dev.arclab.dsl;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/** Decodes the typed values of dsl-vectors.json (format in shared/docs/dsl-vectors.md §2). */
final class VectorCodec {

    private VectorCodec() {
    }

    static Object[] decodeAll(JsonArray arr) {
        Object[] out = new Object[arr.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = decode(arr.get(k).getAsJsonObject());
        }
        return out;
    }

    static Object decode(JsonObject o) {
        if (o.has("int")) {
            return o.get("int").getAsInt();
        }
        if (o.has("bool")) {
            return o.get("bool").getAsBoolean() ? 1 : 0;
        }
        if (o.has("none")) {
            return None.NONE;
        }
        if (o.has("tuple")) {
            return ObjectTuple.wrap(decodeAll(o.getAsJsonArray("tuple")));
        }
        if (o.has("grid")) {
            JsonArray rows = o.getAsJsonArray("grid");
            int[][] g = new int[rows.size()][];
            for (int i = 0; i < g.length; i++) {
                JsonArray row = rows.get(i).getAsJsonArray();
                g[i] = new int[row.size()];
                for (int j = 0; j < g[i].length; j++) {
                    g[i][j] = row.get(j).getAsInt();
                }
            }
            return Grid.of(g);
        }
        if (o.has("set")) {
            JsonArray items = o.getAsJsonArray("set");
            Object[] es = decodeAll(items);
            for (int k = 1; k < es.length; k++) {
                if (Values.compare(es[k - 1], es[k]) >= 0) {
                    throw new AssertionError("set elements not strictly ascending under the canonical order at "
                            + k + ": " + Values.repr(es[k - 1]) + " then " + Values.repr(es[k]));
                }
            }
            return FSet.wrapSorted(es);
        }
        if (o.has("prim")) {
            return Dsl.require(o.get("prim").getAsString());
        }
        if (o.has("build")) {
            Object[] args = decodeAll(o.getAsJsonArray("args"));
            return Dsl.call(o.get("build").getAsString(), args);
        }
        throw new IllegalArgumentException("unknown value encoding: " + o);
    }

    static String show(JsonElement e) {
        String s = e.toString();
        return s.length() > 300 ? s.substring(0, 297) + "..." : s;
    }
}
