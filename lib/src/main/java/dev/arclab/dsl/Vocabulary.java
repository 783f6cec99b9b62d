package dev.arclab.dsl;

import java.util.List;

/**
 * Where the primitives' bodies are: a {@link java.util.ServiceLoader} service, so that {@link Dsl} reads
 * the declarations ({@link Def}) without importing the classes that hold them (they import the DSL's
 * values, and an import back would close a loop). {@code dev.arclab.dsl.primitives.Primitives} is the one
 * implementation (registered in {@code META-INF/services}).
 */
public interface Vocabulary {

    /** The primitives declared in these classes, made with {@link Primitive#declaredIn}. */
    List<Primitive> primitives();
}
