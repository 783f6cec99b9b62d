/**
 * The one bounded pool of worker threads ({@link dev.arclab.work.WorkerPool}) that the pipeline's phases, the
 * strategies and the conformance runner ({@code program.SolverRun}) share: items in, results in item order out,
 * cancellation between items. It sits below every other package and uses none of them.
 */
package dev.arclab.work;
