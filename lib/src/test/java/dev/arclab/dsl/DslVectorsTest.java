package dev.arclab.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The 9,768 golden vectors of shared/docs/dsl-vectors.json (a copy lives in the test resources), one
 * test each. {@code -Dvectors.prim=name[,name...]} restricts the run to some primitives.
 */
class DslVectorsTest {

    static List<JsonObject> vectors() throws IOException {
        try (Reader r = new InputStreamReader(
                Objects.requireNonNull(DslVectorsTest.class.getResourceAsStream("/dsl-vectors.json")),
                StandardCharsets.UTF_8)) {
            JsonArray all = JsonParser.parseReader(r).getAsJsonObject().getAsJsonArray("vectors");
            String only = System.getProperty("vectors.prim", "");
            List<String> names = only.isBlank() ? List.of() : List.of(only.split(","));
            List<JsonObject> out = new ArrayList<>();
            for (JsonElement e : all) {
                JsonObject v = e.getAsJsonObject();
                if (names.isEmpty() || names.contains(v.get("prim").getAsString())) {
                    out.add(v);
                }
            }
            return out;
        }
    }

    static Stream<Arguments> cases() throws IOException {
        return vectors().stream().map(v -> Arguments.of(v.get("id").getAsString(), v));
    }

    @Test
    void corpusHasEveryVector() throws IOException {
        if (System.getProperty("vectors.prim", "").isBlank()) {
            assertEquals(9768, vectors().size());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void vector(String id, JsonObject vec) {
        String prim = vec.get("prim").getAsString();
        Object[] args = VectorCodec.decodeAll(vec.getAsJsonArray("args"));
        check(() -> Dsl.call(prim, args), vec.getAsJsonObject("expect"), id + " " + prim + VectorCodec.show(vec.get("args")));
    }

    private static void check(java.util.function.Supplier<Object> call, JsonObject expect, String where) {
        Object actual;
        try {
            actual = call.get();
        } catch (DslException e) {
            if (!expect.has("error")) {
                fail(where + ": expected " + VectorCodec.show(expect) + " but raised: " + e.getMessage());
            }
            return;
        }
        if (expect.has("error")) {
            fail(where + ": expected an error (" + expect.get("error").getAsString() + ") but returned "
                    + Values.shortRepr(actual));
        }
        if (expect.has("function")) {
            JsonObject f = expect.getAsJsonObject("function");
            assertTrue(actual instanceof Fn, where + ": expected a function, got " + Values.shortRepr(actual));
            Fn fn = (Fn) actual;
            assertEquals(f.get("arity").getAsInt(), fn.arity(), where + ": arity");
            for (JsonElement p : f.getAsJsonArray("probes")) {
                JsonObject probe = p.getAsJsonObject();
                Object[] probeArgs = VectorCodec.decodeAll(probe.getAsJsonArray("apply_to"));
                check(() -> fn.call(probeArgs), probe.getAsJsonObject("result"),
                        where + " probe " + VectorCodec.show(probe.get("apply_to")));
            }
            return;
        }
        Object expected = VectorCodec.decode(expect);
        if (expect.has("prim")) {
            assertSame(expected, actual, where);
            return;
        }
        if (!Values.equal(expected, actual)) {
            fail(where + ":\n expected " + Values.shortRepr(expected) + "\n      got " + Values.shortRepr(actual));
        }
        assertEquals(Values.hash(expected), Values.hash(actual), where + ": equal values must hash alike");
        assertCanonicalOrder(actual, where);
    }

    /** Every set a primitive returns iterates strictly ascending (nested sets too). */
    private static void assertCanonicalOrder(Object v, String where) {
        if (v instanceof FSet s) {
            Object[] es = s.elements();
            for (int k = 1; k < es.length; k++) {
                assertTrue(Values.compare(es[k - 1], es[k]) < 0, where + ": set not in canonical order");
            }
            for (Object e : es) {
                assertCanonicalOrder(e, where);
            }
        } else if (v instanceof Tuple t && !(v instanceof dev.arclab.dsl.Grid)) {
            for (Object e : t) {
                assertCanonicalOrder(e, where);
            }
        }
    }
}
