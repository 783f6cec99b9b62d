package dev.arclab.pipeline;

/** A program of the solver library as a store keeps it: its task, canonical text and origin. */
public record StoredProgram(String task, String text, Origin origin) {
}
