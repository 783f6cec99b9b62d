/**
 * Solver programs as data: the parser for arc-dsl solver files ({@link dev.arclab.program.ProgramParser}),
 * programs as hash-consed DAGs with structural Merkle hashes and a canonical SSA text
 * ({@link dev.arclab.program.Program}, {@link dev.arclab.program.Node}, {@link dev.arclab.program.NodeTable}),
 * the fuel-bounded interpreter ({@link dev.arclab.program.Interpreter}, {@link dev.arclab.program.Outcome})
 * and the conformance runner ({@link dev.arclab.program.SolverRun}).
 *
 * <p>Canonical text: the calls reachable from the root, numbered x1, x2, ... in post-order (callee
 * before arguments, arguments left to right, each node once), the root named {@code O}:
 *
 * <pre>
 * def solve_&lt;taskid&gt;(I):
 *     x1 = objects(I, T, F, T)
 *     x2 = rbind(shift, UP)
 *     x3 = apply(x2, x1)
 *     O = paint(I, x3)     (illustration: the arguments decide the real numbering)
 *     return O
 * </pre>
 */
package dev.arclab.program;
