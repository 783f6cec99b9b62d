/**
 * Solver programs as data: the parser for arc-dsl solver files ({@link dev.arclab.program.ProgramParser}),
 * programs as hash-consed DAGs with structural Merkle hashes and a canonical SSA text
 * ({@link dev.arclab.program.Program}, {@link dev.arclab.program.Node}, {@link dev.arclab.program.NodeTable}),
 * the fuel-bounded interpreter ({@link dev.arclab.program.Interpreter}, {@link dev.arclab.program.Outcome})
 * and the conformance runner ({@link dev.arclab.program.SolverRun}).
 *
 * <p>Canonical text (this is the canonical form of a program that defined objects(...) first): the calls reachable from the root, numbered x1, x2, ... in post-order (callee
 * before arguments, arguments left to right, each node once), the root named {@code O}:
 *
 * <pre>
 * def solve_&lt;taskid&gt;(I):
 *     x1 = rbind(shift, UP)
 *     x2 = objects(I, T, F, T)
 *     x3 = mapply(x1, x2)
 *     O = paint(I, x3)
 *     return O
 * </pre>
 */
package dev.arclab.program;
