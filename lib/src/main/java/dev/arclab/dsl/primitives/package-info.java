/**
 * Implementations of the 160 arc-dsl primitives (dsl-spec §7), registered by name with
 * {@link dev.arclab.dsl.Dsl}. Groups: {@link dev.arclab.dsl.primitives.Basics} (numbers, logic,
 * containers, application), {@link dev.arclab.dsl.primitives.Geometry} (patch geometry),
 * {@link dev.arclab.dsl.primitives.Colors} (colours, objects, painting) and
 * {@link dev.arclab.dsl.primitives.GridOps} (grid reshaping). The seven function builders live in
 * {@link dev.arclab.dsl.BuiltFn}; rules shared by many primitives in {@link dev.arclab.dsl.Pieces}.
 */
package dev.arclab.dsl.primitives;
