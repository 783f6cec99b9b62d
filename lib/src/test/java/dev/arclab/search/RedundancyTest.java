package dev.arclab.search;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.arclab.dsl.Dsl;
import dev.arclab.dsl.FSet;
import dev.arclab.dsl.Grid;
import dev.arclab.dsl.Values;
import dev.arclab.search.Grammar.Production;
import dev.arclab.search.Grammar.Slot;
import dev.arclab.task.Example;
import dev.arclab.task.Task;
import dev.arclab.task.TaskLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The calls the enumerator skips as repeats ({@link Grammar#redundancy}) are repeats: on grids and patches of real
 * tasks, each skipped call gives a value a cheaper call gives too (or fails where that one fails), so skipping it
 * loses nothing.
 */
class RedundancyTest {

    private static Object call(String name, Object... args) {
        return Dsl.call(name, args);
    }

    private static Object constant(String name) {
        return Dsl.constant(name);
    }

    /** A grid and a patch of it (an object, the cells of a colour, two objects of different colours together). */
    private record Witness(Grid grid, Object patch) {
    }

    private static List<Witness> witnesses() {
        List<Witness> out = new ArrayList<>();
        List<Task> tasks = TaskLoader.bundled().tasks();
        for (int k = 0; k < tasks.size(); k += 10) {
            Example ex = tasks.get(k).demo().get(0);
            Grid g = ex.input();
            FSet objs = (FSet) call("objects", g, constant("T"), constant("F"), constant("T"));
            List<Object> list = new ArrayList<>();
            objs.forEach(list::add);
            if (!list.isEmpty()) {
                out.add(new Witness(g, list.get(0)));
                out.add(new Witness(g, call("ofcolor", g, call("leastcolor", g))));
            }
            if (list.size() >= 2) {
                out.add(new Witness(g, call("combine", list.get(0), list.get(list.size() - 1))));
                // an object whose cells share a location in two colours: toindices makes it smaller
                out.add(new Witness(g, call("combine", list.get(0), call("recolor", 9, list.get(0)))));
            }
        }
        return out;
    }

    /** How each head builds its value from a grid, a patch or a set of objects. */
    private static final Map<String, Function<Witness, Object>> GRID_HEADS = Map.ofEntries(
            Map.entry("fill", w -> call("fill", w.grid(), 5, call("corners", call("asindices", w.grid())))),
            Map.entry("underfill", w -> call("underfill", w.grid(), 5, call("box", call("asindices", w.grid())))),
            Map.entry("paint", w -> call("paint", w.grid(), call("recolor", 3, call("box", call("asindices", w.grid()))))),
            Map.entry("underpaint", w -> call("underpaint", w.grid(), call("recolor", 3, call("asindices", w.grid())))),
            Map.entry("cover", w -> call("cover", w.grid(), w.patch())),
            Map.entry("replace", w -> call("replace", w.grid(), call("mostcolor", w.grid()), 7)),
            Map.entry("switch", w -> call("switch", w.grid(), call("mostcolor", w.grid()), call("leastcolor", w.grid()))),
            Map.entry("cellwise", w -> call("cellwise", w.grid(), call("rot180", w.grid()), 0)),
            Map.entry("move", w -> call("move", w.grid(), call("toobject", w.patch(), w.grid()), call("astuple", 1, 0))));

    private static Object head(String head, Slot slot, Witness w) {
        if (slot == Slot.G) {
            return Grammar.SYMMETRIES.contains(head) ? call(head, w.grid()) : GRID_HEADS.get(head).apply(w);
        }
        return head.equals("shift") ? call("shift", w.patch(), call("astuple", 2, -1)) : call(head, w.patch());
    }

    /** The arguments of a production around its tested one: the witness's grid, colour 4. */
    private static Object[] around(Production p, int at, Object value, Witness w) {
        Object[] args = new Object[p.arity()];
        for (int a = 0; a < p.arity(); a++) {
            Slot s = p.slots()[a];
            args[a] = a == at ? value : s == Slot.G ? w.grid() : s == Slot.C ? (Object) 4 : constant(p.fixed()[a]);
        }
        return args;
    }

    private static Object attempt(String name, Object[] args) {
        try {
            return call(name, args);
        } catch (RuntimeException e) {
            return e;
        }
    }

    @Test
    void everySkippedCallRepeatsACheaperOne() {
        List<Witness> witnesses = witnesses();
        assertTrue(witnesses.size() > 40);
        int checked = 0;
        for (Production p : Grammar.productions()) {
            if (p.redundantOn().isEmpty() || p.primitive().equals("merge")) {
                continue;
            }
            Slot slot = p.slots()[p.redundantArg()];
            for (String h : p.redundantOn()) {
                for (Witness w : witnesses) {
                    Object built;
                    try {
                        built = head(h, slot, w);
                    } catch (RuntimeException e) {
                        continue;
                    }
                    Object skipped = attempt(p.primitive(), around(p, p.redundantArg(), built, w));
                    Object x = slot == Slot.G ? w.grid() : w.patch();
                    List<Object> cheaper = new ArrayList<>();
                    cheaper.add(attempt(p.primitive(), around(p, p.redundantArg(), x, w)));
                    if (slot == Slot.G && p.arity() == 1) {
                        // a symmetry of a symmetry is one of the symmetries or the grid; a turned grid's height its width
                        cheaper.add(x);
                        for (String s : Grammar.SYMMETRIES) {
                            cheaper.add(call(s, x));
                        }
                        cheaper.add(call("width", x));
                        cheaper.add(call("height", x));
                    }
                    boolean same = false;
                    for (Object c : cheaper) {
                        same |= skipped instanceof RuntimeException ? c == cheaper.get(0) && c instanceof RuntimeException
                                : !(c instanceof RuntimeException) && Values.equal(skipped, c);
                    }
                    if (!same && !(skipped instanceof RuntimeException)) {
                        fail(p.primitive() + " " + java.util.Arrays.toString(p.slots()) + " after " + h + ": " + skipped
                                + " is not " + cheaper.get(0));
                    }
                    checked++;
                }
            }
        }
        assertTrue(checked > 2_000, "checked " + checked);
    }

    @Test
    void aMergeOfAnApplyOrAFilterIsTheirOneCallForm() {
        Production merge = Grammar.productions().stream().filter(p -> p.primitive().equals("merge")).findFirst().orElseThrow();
        assertTrue(merge.redundantOn().containsAll(Set.of("apply", "sfilter")));
        for (Witness w : witnesses()) {
            Object objs = call("objects", w.grid(), constant("T"), constant("F"), constant("F"));
            for (String f : List.of("backdrop", "box", "normalize", "delta")) {
                assertTrue(Values.equal(call("merge", call("apply", Dsl.require(f), objs)), call("mapply", Dsl.require(f), objs)));
            }
            for (String pred : List.of("square", "vline", "hline")) {
                assertTrue(Values.equal(call("merge", call("sfilter", objs, Dsl.require(pred))), call("mfilter", objs, Dsl.require(pred))));
            }
        }
    }

    @Test
    void callsThatCanGiveSomethingNewAreNotSkipped() {
        for (Production p : Grammar.productions()) {
            String name = p.primitive();
            // size counts an object's cells: toindices can merge two colours at one location
            if (name.equals("size") && p.slots()[0] == Slot.PATCH) {
                assertFalse(p.redundantAfter("toindices"));
            }
            // a turned grid's shape is not one a cheaper call gives
            if ((name.equals("shape") || name.equals("asindices")) && p.slots()[0] == Slot.G) {
                assertFalse(p.redundantAfter("rot90") || p.redundantAfter("dmirror"));
            }
            // lines from each location of an object's cells: the cells of an object are not locations
            if (name.equals("mapply") && p.slots()[0] == Slot.LOCMAP) {
                assertTrue(p.redundantOn().isEmpty());
            }
            if (name.equals("delta")) {
                assertFalse(p.redundantAfter("backdrop"));
            }
        }
    }
}
