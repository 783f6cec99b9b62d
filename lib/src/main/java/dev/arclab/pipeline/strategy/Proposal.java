package dev.arclab.pipeline.strategy;

import dev.arclab.pipeline.Origin;
import dev.arclab.program.Program;

/** A candidate program a strategy proposes for a task, with where it came from. */
public record Proposal(Program program, String task, Origin origin) {
}
