package dev.arclab.dsl;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a DSL primitive on its body, the one place it is declared: its reference index (dsl-spec
 * §7.1), its signature as in the spec ({@code name(param: Type, ...) -> Type}, the name is the
 * primitive's) and a one-line summary (what completion and inspection in the kernel show). The body is
 * a {@code public static} method taking its arguments as {@code Object}s. {@link Dsl} collects the
 * declarations of {@link BuiltFn} and of the classes a {@link Vocabulary} names.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Def {
    int index();

    String signature();

    String summary();
}
