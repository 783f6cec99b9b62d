package dev.arclab.task;

import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict JSON reader (Gson's streaming parser) into plain values: {@code Map<String, Object>} in key
 * order, {@code List<Object>}, String, {@link Num} (the number's text as written), Boolean and null.
 * Duplicate keys are rejected: Gson's own tree would silently keep the last one. Paths are written
 * {@code train[2].output[3][1]}, with "" for the top level.
 */
final class Json {
    /** A JSON number, kept as written so that 1.0 and 1e0 can be told from 1. */
    record Num(String text) {
        /** Whether it is written as an integer of at most 9 digits (so it fits an int). */
        boolean isInt() {
            int start = text.startsWith("-") ? 1 : 0;
            int digits = text.length() - start;
            if (digits < 1 || digits > 9) {
                return false;
            }
            for (int i = start; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c < '0' || c > '9') {
                    return false;
                }
            }
            return true;
        }
    }

    /** The text is not JSON (or has a duplicate key); {@code path} is where the reader was. */
    static final class Malformed extends Exception {
        final String path;
        final String what;

        Malformed(String what, String path) {
            super(what + (path.isEmpty() ? "" : " at " + path));
            this.what = what;
            this.path = path;
        }
    }

    private static final int MAX_DEPTH = 64;
    private static final Pattern GSON_MESSAGE =
            Pattern.compile("(?s)(.*?) at line (\\d+) column (\\d+) path (\\S*).*");

    private Json() {
    }

    static Object parse(String text) throws Malformed {
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        JsonReader r = new JsonReader(new StringReader(text));
        r.setStrictness(Strictness.STRICT);
        try {
            Object v = value(r, 0);
            boolean more;
            try {
                more = r.peek() != JsonToken.END_DOCUMENT;
            } catch (IOException e) {
                more = true; // strict mode refuses a second top-level value outright
            }
            if (more) {
                throw new Malformed("not JSON: more text after the top-level value " + where(r), "");
            }
            return v;
        } catch (IOException | IllegalStateException | NumberFormatException e) {
            throw fromGson(e, r);
        }
    }

    private static Object value(JsonReader r, int depth) throws IOException, Malformed {
        if (depth > MAX_DEPTH) {
            throw new Malformed("not JSON this loader accepts: nested deeper than " + MAX_DEPTH, path(r));
        }
        switch (r.peek()) {
            case BEGIN_OBJECT: {
                Map<String, Object> m = new LinkedHashMap<>();
                r.beginObject();
                while (r.hasNext()) {
                    String name = r.nextName();
                    if (m.containsKey(name)) {
                        throw new Malformed("duplicate key \"" + name + "\"", path(r));
                    }
                    m.put(name, value(r, depth + 1));
                }
                r.endObject();
                return m;
            }
            case BEGIN_ARRAY: {
                List<Object> l = new ArrayList<>();
                r.beginArray();
                while (r.hasNext()) {
                    l.add(value(r, depth + 1));
                }
                r.endArray();
                return l;
            }
            case STRING:
                return r.nextString();
            case NUMBER:
                return new Num(r.nextString());
            case BOOLEAN:
                return r.nextBoolean();
            case NULL:
                r.nextNull();
                return null;
            default:
                throw new Malformed("not JSON: unexpected " + r.peek() + " " + where(r), path(r));
        }
    }

    /** Gson's "$.train[0].input" as "train[0].input". */
    static String path(JsonReader r) {
        return gsonPath(r.getPath());
    }

    private static String gsonPath(String p) {
        if (p.startsWith("$.")) {
            return p.substring(2);
        }
        return p.startsWith("$") ? p.substring(1) : p;
    }

    private static String where(JsonReader r) {
        Matcher m = GSON_MESSAGE.matcher(r.toString());
        return m.matches() ? "(line " + m.group(2) + ", column " + m.group(3) + ")" : "";
    }

    private static Malformed fromGson(Exception e, JsonReader r) {
        String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        Matcher m = GSON_MESSAGE.matcher(msg);
        String what = msg.lines().findFirst().orElse(msg);
        String line = "";
        String path = path(r);
        if (m.matches()) {
            what = m.group(1);
            line = " (line " + m.group(2) + ", column " + m.group(3) + ")";
            path = gsonPath(m.group(4));
        }
        if (what.startsWith("Use JsonReader.setStrictness")) {
            what = "malformed JSON";
        }
        if (!what.isEmpty()) {
            what = Character.toLowerCase(what.charAt(0)) + what.substring(1);
        }
        return new Malformed("not JSON: " + what + line, path);
    }

    /** A short name of a value's JSON type, for messages. */
    static String typeOf(Object v) {
        if (v == null) {
            return "null";
        } else if (v instanceof Map) {
            return "an object";
        } else if (v instanceof List) {
            return "an array";
        } else if (v instanceof String s) {
            return "a string \"" + (s.length() > 20 ? s.substring(0, 20) + "..." : s) + "\"";
        } else if (v instanceof Num n) {
            return "the number " + n.text();
        } else {
            return "the boolean " + v;
        }
    }

    static String member(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    static String index(String path, int i) {
        return path + "[" + i + "]";
    }
}
