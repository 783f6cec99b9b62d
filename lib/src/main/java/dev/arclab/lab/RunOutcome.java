package dev.arclab.lab;

import dev.arclab.pipeline.PhaseResults.Predicted;
import dev.arclab.profile.RunRecord;

/**
 * What {@link Session#run(RunPlan, RunPlan.Listener)} did.
 *
 * @param iterations  iterations that ran (a cut one included)
 * @param budgetSpent whether the plan's budget was spent when the iterations ended (false without a budget)
 * @param predicted   the last prediction (after the last iteration)
 * @param record      the whole run as one record ({@code run.json}): every iteration's phases, then predict's;
 *                    summary: tasks, tasks with a demo-perfect program, test outputs known and predicted
 */
public record RunOutcome(int iterations, boolean budgetSpent, Predicted predicted, RunRecord record) {
}
