package dev.arclab.bench;

import dev.arclab.dsl.Dsl;
import dev.arclab.dsl.FSet;
import dev.arclab.dsl.Values;
import dev.arclab.dsl.Pair;
import dev.arclab.dsl.Primitive;
import dev.arclab.dsl.Grid;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The heaviest primitives on 30×30 grids, called through their function values as programs call them.
 * Two kinds of grid: "objects" (a background with scattered one-colour rectangles, as ARC tasks look) and
 * "noise" (random colours 0..3: many small objects, the worst case for segmentation).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PrimitiveBench {

    @Param({"objects", "noise"})
    public String kind;

    private Grid grid;
    private Object object;
    private Object pattern;
    private final Pair offset = new Pair(2, -3);
    private final Primitive objects = Dsl.require("objects");
    private final Primitive occurrences = Dsl.require("occurrences");
    private final Primitive fgpartition = Dsl.require("fgpartition");
    private final Primitive paint = Dsl.require("paint");
    private final Primitive shift = Dsl.require("shift");
    private final Primitive fill = Dsl.require("fill");
    private final Primitive mapply = Dsl.require("mapply");
    private final Primitive apply = Dsl.require("apply");
    private final Primitive mfilter = Dsl.require("mfilter");
    private final Primitive replace = Dsl.require("replace");
    private final Primitive ofcolor = Dsl.require("ofcolor");
    private final Primitive subgrid = Dsl.require("subgrid");
    private final Primitive hconcat = Dsl.require("hconcat");
    private Object sameAsFirstObject;
    private Object allObjects;
    private Object indices;
    private Object shiftByOffset;
    private Object[] shuffledCells;
    private Object objectsCopy;

    @Setup
    public void setUp() {
        Random r = new Random(1);
        int[] cells = new int[30 * 30];
        if (kind.equals("noise")) {
            for (int k = 0; k < cells.length; k++) {
                cells[k] = r.nextInt(4);
            }
        } else {
            for (int n = 0; n < 12; n++) {
                int h = 1 + r.nextInt(5);
                int w = 1 + r.nextInt(5);
                int i0 = r.nextInt(30 - h);
                int j0 = r.nextInt(30 - w);
                int c = 1 + r.nextInt(9);
                for (int i = i0; i < i0 + h; i++) {
                    for (int j = j0; j < j0 + w; j++) {
                        cells[i * 30 + j] = c;
                    }
                }
            }
        }
        grid = Grid.wrap(30, 30, cells);
        // the largest object, recoloured, so that painting it really changes the grid
        Object largest = Dsl.call("argmax", objects.call4(grid, 1, 0, 1), Dsl.require("size"));
        object = Dsl.call("recolor", 9, largest);
        // a 2x2 pattern cut from the grid, so it occurs at least once
        pattern = Dsl.call("asobject", Dsl.call("crop", grid, new Pair(10, 10), new Pair(2, 2)));
        allObjects = objects.call4(grid, 1, 0, 1);
        indices = Dsl.call("toindices", object);
        shiftByOffset = Dsl.call("rbind", shift, offset);
        // the grid's cells as an Object in a shuffled order, to build a set of from scratch
        List<Object> cellList = new ArrayList<>(((FSet) Dsl.call("asobject", grid)).size());
        for (Object e : (FSet) Dsl.call("asobject", grid)) {
            cellList.add(e);
        }
        Collections.shuffle(cellList, r);
        shuffledCells = cellList.toArray();
        // the same objects again, built separately: equal but not identical
        objectsCopy = objects.call4(Grid.wrap(30, 30, grid.cells().clone()), 1, 0, 1);
        // matcher(size, size of the first object): a built function as the search and found programs use them
        Object first = ((FSet) allObjects).first();
        sameAsFirstObject = Dsl.call("matcher", Dsl.require("size"), Dsl.call("size", first));
    }

    @Benchmark
    public Object objectsUnivaluedNoDiagonalWithoutBg() {
        return objects.call4(grid, 1, 0, 1);
    }

    @Benchmark
    public Object objectsMultivaluedDiagonal() {
        return objects.call4(grid, 0, 1, 0);
    }

    @Benchmark
    public Object objectsUnivaluedDiagonal() {
        return objects.call4(grid, 1, 1, 0);
    }

    @Benchmark
    public Object occurrences2x2() {
        return occurrences.call2(grid, pattern);
    }

    @Benchmark
    public Object fgpartition() {
        return fgpartition.call1(grid);
    }

    @Benchmark
    public Object paintObject() {
        return paint.call2(grid, object);
    }

    @Benchmark
    public Object shiftObject() {
        return shift.call2(object, offset);
    }

    @Benchmark
    public Object fillLargestObject() {
        return fill.call3(grid, 7, indices);
    }

    /** The union of every location's 4 neighbours: a FrozenSet merged from many small sets. */
    @Benchmark
    public Object mapplyNeighbours() {
        return mapply.call2(Dsl.require("dneighbors"), indices);
    }

    /** A built function over every object: boxed results collected into a FrozenSet. */
    @Benchmark
    public Object applyShiftToObjects() {
        return apply.call2(shiftByOffset, allObjects);
    }

    @Benchmark
    public Object mfilterSquareObjects() {
        return mfilter.call2(allObjects, Dsl.require("square"));
    }

    /** mfilter with a matcher (a built function calling a primitive and comparing): found programs' commonest filter. */
    @Benchmark
    public Object mfilterMatcherSize() {
        return mfilter.call2(allObjects, sameAsFirstObject);
    }

    @Benchmark
    public Object replaceBackground() {
        return replace.call3(grid, 0, 5);
    }

    @Benchmark
    public Object ofcolorBackground() {
        return ofcolor.call2(grid, 0);
    }

    @Benchmark
    public Object subgridLargestObject() {
        return subgrid.call2(object, grid);
    }

    @Benchmark
    public Object hconcatGrids() {
        return hconcat.call2(grid, grid);
    }

    /** FrozenSet construction: sort and deduplicate 900 cells given in a shuffled order. */
    @Benchmark
    public Object buildCellSet() {
        return FSet.fromArray(shuffledCells.clone());
    }

    /** Hashing and equality of a set of Objects built twice (what the search's value dedup does). */
    @Benchmark
    public boolean hashAndCompareObjects() {
        return Values.hash(objects.call4(grid, 1, 0, 1)) == Values.hash(objectsCopy)
                && Values.equal(objects.call4(grid, 1, 0, 1), objectsCopy);
    }
}
