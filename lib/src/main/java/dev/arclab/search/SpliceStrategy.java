package dev.arclab.search;

import dev.arclab.pipeline.strategy.Proposal;
import dev.arclab.pipeline.strategy.Strategy;
import dev.arclab.pipeline.strategy.StrategyContext;

import dev.arclab.dsl.Signature;
import dev.arclab.dsl.Signature.Family;
import dev.arclab.pipeline.LibraryEntry;
import dev.arclab.pipeline.Origin;
import dev.arclab.pipeline.PhaseResults.NearMiss;
import dev.arclab.program.Program;
import dev.arclab.program.ProgramParser;
import dev.arclab.program.ProgramSyntaxException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code splice} strategy: crossover over the library. For tasks without a demo-perfect program it takes a
 * parent (one of the task's own library programs or near misses when it has any, else any library program) and
 * replaces one of its calls by a call of another task's program whose declared result is of a compatible type,
 * bringing along the lines that call depends on. Works on the canonical SSA text, so the result is an ordinary
 * arc-dsl solver that the parser checks; a splice that does not parse is dropped. Seeded by the context's random.
 */
public final class SpliceStrategy implements Strategy {

    private static final Pattern LINE = Pattern.compile("^\\s+(\\w+) = (\\w+)\\((.*)\\)$");

    /** One SSA line: {@code var = callee(args)}. */
    record Line(String var, String callee, List<String> args) {
        String text() {
            return "    " + var + " = " + callee + "(" + String.join(", ", args) + ")";
        }
    }

    private final Map<String, Long> counts = new LinkedHashMap<>();

    @Override
    public String name() {
        return "splice";
    }

    @Override
    public List<Proposal> propose(StrategyContext ctx) {
        Random random = ctx.random();
        List<LibraryEntry> donors = new ArrayList<>(ctx.library().all());
        donors.sort(Comparator.comparing(LibraryEntry::task).thenComparing(LibraryEntry::hash));
        counts.clear();
        List<Proposal> out = new ArrayList<>();
        if (donors.size() < 2) {
            counts.put("tasks", 0L);
            return out;
        }
        List<String> open = new ArrayList<>();
        for (String id : ctx.tasks().ids()) {
            Optional<LibraryEntry> best = ctx.library().best(id);
            if (best.isEmpty() || !best.get().scoreKnown() || best.get().score() < 1.0) {
                open.add(id);
            }
        }
        // a seeded sample of the open tasks, tasksPerBatch of them
        List<String> picked = new ArrayList<>();
        List<String> pool = new ArrayList<>(open);
        while (picked.size() < ctx.config().tasksPerBatch() && !pool.isEmpty()) {
            picked.add(pool.remove(random.nextInt(pool.size())));
        }
        picked.sort(Comparator.naturalOrder());
        ProgramParser parser = new ProgramParser(ctx.table());
        int perTask = Math.max(1, ctx.config().mutantsPerProgram()) * 4;
        long tried = 0;
        long failed = 0;
        for (String task : picked) {
            if (ctx.isCancelled()) {
                break;
            }
            List<Program> parents = parentsOf(ctx, task);
            Set<String> seen = new LinkedHashSet<>();
            for (int m = 0; m < perTask; m++) {
                Program a = parents.isEmpty() ? donors.get(random.nextInt(donors.size())).program()
                        : parents.get(random.nextInt(parents.size()));
                LibraryEntry b = donors.get(random.nextInt(donors.size()));
                tried++;
                String child = splice(a.canonicalText(), b.program().canonicalText(), task, random);
                if (child == null || !seen.add(child)) {
                    failed++;
                    continue;
                }
                try {
                    Program program = parser.parseProgram(child);
                    out.add(new Proposal(program, task, Origin.generated(name(), a.hash().hex(), "with a part of " + b.task())));
                } catch (ProgramSyntaxException e) {
                    failed++;
                }
            }
        }
        counts.put("tasks", (long) picked.size());
        counts.put("splices tried", tried);
        counts.put("splices dropped", failed);
        return out;
    }

    @Override
    public Map<String, Long> counts() {
        return Map.copyOf(counts);
    }

    private static List<Program> parentsOf(StrategyContext ctx, String task) {
        List<Program> out = new ArrayList<>();
        for (LibraryEntry e : ctx.library().entries(task)) {
            out.add(e.program());
        }
        for (NearMiss n : ctx.nearMisses().getOrDefault(task, List.of())) {
            out.add(n.program().program());
        }
        return out;
    }

    /**
     * Replaces a random call of {@code recipient} by a type-compatible call of {@code donor} with the lines it needs;
     * null when no compatible pair exists. Both texts are canonical SSA solvers.
     */
    static String splice(String recipient, String donor, String task, Random random) {
        List<Line> a = lines(recipient);
        List<Line> b = lines(donor);
        if (a.isEmpty() || b.isEmpty()) {
            return null;
        }
        int at = random.nextInt(a.size());
        Family want = family(a.get(at).callee());
        if (want == null) {
            return null;
        }
        List<Integer> fits = new ArrayList<>();
        for (int k = 0; k < b.size(); k++) {
            Family have = family(b.get(k).callee());
            if (have != null && have != Family.ANY && (want == have || want.accepts(have))) {
                fits.add(k);
            }
        }
        if (fits.isEmpty()) {
            return null;
        }
        int from = fits.get(random.nextInt(fits.size()));
        // the donor's lines that `from` needs, renamed apart
        Set<String> needed = new LinkedHashSet<>();
        need(b, from, needed);
        Map<String, String> rename = new LinkedHashMap<>();
        List<String> body = new ArrayList<>();
        for (int k = 0; k <= from; k++) {
            Line l = b.get(k);
            if (!needed.contains(l.var())) {
                continue;
            }
            String fresh = "s" + (rename.size() + 1);
            rename.put(l.var(), fresh);
            body.add(new Line(fresh, rename.getOrDefault(l.callee(), l.callee()), renamed(l.args(), rename)).text());
        }
        String replaced = a.get(at).var();
        String donorValue = rename.get(b.get(from).var());
        Map<String, String> alias = Map.of(replaced, donorValue);
        for (int k = 0; k < a.size(); k++) {
            Line l = a.get(k);
            if (k == at) {
                if (l.var().equals("O")) {
                    body.add("    O = identity(" + donorValue + ")");
                }
                continue;
            }
            body.add(new Line(l.var(), alias.getOrDefault(l.callee(), l.callee()), renamed(l.args(), alias)).text());
        }
        return "def solve_" + task + "(I):\n" + String.join("\n", body) + "\n    return O\n";
    }

    private static void need(List<Line> lines, int k, Set<String> out) {
        Line l = lines.get(k);
        if (!out.add(l.var())) {
            return;
        }
        List<String> refs = new ArrayList<>(l.args());
        refs.add(l.callee());
        for (String r : refs) {
            for (int j = 0; j < k; j++) {
                if (lines.get(j).var().equals(r)) {
                    need(lines, j, out);
                }
            }
        }
    }

    private static List<String> renamed(List<String> args, Map<String, String> rename) {
        List<String> out = new ArrayList<>(args.size());
        for (String s : args) {
            out.add(rename.getOrDefault(s, s));
        }
        return out;
    }

    private static Family family(String callee) {
        Signature s = Signature.of(callee);
        return s == null ? null : s.returnFamily();
    }

    static List<Line> lines(String text) {
        List<Line> out = new ArrayList<>();
        for (String raw : text.split("\n")) {
            Matcher m = LINE.matcher(raw);
            if (m.matches()) {
                String args = m.group(3).trim();
                out.add(new Line(m.group(1), m.group(2), args.isEmpty() ? List.of() : List.of(args.split(",\\s*"))));
            }
        }
        return out;
    }
}
