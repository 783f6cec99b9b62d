/**
 * The bodies of the arc-dsl primitives (dsl-spec §7), each declared once beside its body with
 * {@link dev.arclab.dsl.Def} (reference index, signature, one-line summary): one search for
 * {@code "signature = \"objects("} or for the method name finds a primitive. Files: {@link Numbers},
 * {@link Containers}, {@link Application} and {@link Basics} (numbers, logic, containers, application),
 * {@link Geometry} and {@link Boxes} (patch geometry), {@link Colors}, {@link Painting} and
 * {@link Segmentation} (colours, painting, objects), {@link GridOps} (grid reshaping). {@link Primitives}
 * lists these classes for {@link dev.arclab.dsl.Dsl}; the seven function builders live in
 * {@link dev.arclab.dsl.BuiltFn}; rules shared by many primitives in {@link dev.arclab.dsl.Pieces}.
 */
package dev.arclab.dsl.primitives;
