package dev.arclab.kernel;

import dev.arclab.dsl.Dsl;
import dev.arclab.dsl.Primitive;
import dev.arclab.dsl.Signature;
import java.util.List;
import java.util.Optional;

/**
 * Name, signature and one-line summary of each DSL primitive, for completion and inspection in the kernel: read from
 * the primitive's own declaration ({@code @Def} beside its body, through {@link Dsl#primitive}).
 */
final class PrimitiveDocs {
    /** What inspection shows for a primitive. */
    record PrimitiveDoc(String name, String signature, String summary) {
        String text() {
            return signature + "\n" + summary;
        }
    }

    private PrimitiveDocs() {
    }

    /** The primitive's name, signature ({@code objects(Grid, Boolean, Boolean, Boolean) -> Objects}) and summary. */
    static Optional<PrimitiveDoc> of(String name) {
        Primitive p = Dsl.primitive(name);
        if (p == null) {
            return Optional.empty();
        }
        Signature s = p.signature();
        String signature = name + "(" + String.join(", ", s.params()) + ") -> " + s.returns();
        return Optional.of(new PrimitiveDoc(name, signature, p.summary()));
    }

    /** The names of all primitives, in reference order. */
    static List<String> names() {
        return Dsl.primitives().stream().map(Primitive::name).toList();
    }
}
