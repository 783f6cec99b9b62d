package dev.arclab.kernel;

import dev.arclab.dsl.Signature;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Name, signature and one-line summary of each DSL primitive, for completion and inspection in the kernel.
 *
 * <p>{@link #of(String)} is the one place that reads them: signatures from {@link Signature}, summaries from
 * {@code primitive-summaries.tsv} beside this class (the first sentence of each entry in dsl-spec.md §7.2). When the
 * primitives declare their summary beside their body, point {@link #of} at that declaration and drop the file.
 */
final class PrimitiveDocs {
    /** What inspection shows for a primitive. */
    record PrimitiveDoc(String name, String signature, String summary) {
        String text() {
            return signature + "\n" + summary;
        }
    }

    private static final Map<String, String> SUMMARIES = load();

    private PrimitiveDocs() {
    }

    /** The primitive's name, signature ({@code objects(Grid, Boolean, Boolean, Boolean) -> Objects}) and summary. */
    static Optional<PrimitiveDoc> of(String name) {
        Signature s = Signature.of(name);
        if (s == null) {
            return Optional.empty();
        }
        String signature = name + "(" + String.join(", ", s.params()) + ") -> " + s.returns();
        return Optional.of(new PrimitiveDoc(name, signature, SUMMARIES.getOrDefault(name, "")));
    }

    /** The names of all primitives, in reference order. */
    static List<String> names() {
        return List.copyOf(Signature.all().keySet());
    }

    private static Map<String, String> load() {
        Map<String, String> out = new LinkedHashMap<>();
        try (InputStream in = PrimitiveDocs.class.getResourceAsStream("primitive-summaries.tsv")) {
            if (in == null) {
                return Map.of();
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int tab = line.indexOf('\t');
                out.put(line.substring(0, tab), line.substring(tab + 1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Collections.unmodifiableMap(out);
    }
}
