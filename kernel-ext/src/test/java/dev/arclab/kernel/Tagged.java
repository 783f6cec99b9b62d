package dev.arclab.kernel;

/** A value for the renderer test: cells create it, so it must be public. */
public record Tagged(String tag) {
}
