package dev.arclab.pipeline;

import dev.arclab.cache.Bytes;
import dev.arclab.cache.Codec;
import dev.arclab.cache.CorruptEntryException;
import dev.arclab.dsl.Grid;
import dev.arclab.program.Outcome;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The codecs of the pipeline's own records, handed to the store when the pipeline opens its maps
 * ({@link ResultMaps#of}); the store itself knows only bytes. The formats are part of the store's file
 * format ({@code MapDbCache.FORMAT}): change one and the format number must change too.
 */
public final class ResultCodecs {
    /** Largest grid side accepted when decoding (a guard against corrupt lengths, not a DSL limit). */
    static final int MAX_SIDE = 1 << 16;

    private static final Outcome.Status[] STATUSES = Outcome.Status.values();

    private ResultCodecs() {
    }

    /**
     * A grid: rows, cols, a mode byte, then the cells. When every cell is 0..15 (always, for ARC
     * colours), the smaller of two byte forms: runs (mode 2: per run a byte with the colour in the high
     * nibble and the length 1..15 in the low one, or 0 there and the length as a varint after it; ARC
     * grids are mostly long runs of background) or packed cells (mode 0: two cells per byte).
     * Otherwise (mode 1) each cell is a zig-zag varint.
     */
    static void writeGrid(Bytes.Out out, Grid g) {
        int[] cells = g.cells();
        out.varInt(g.rows()).varInt(g.cols());
        int start = out.size();
        int packed = (cells.length + 1) / 2;
        out.write(2);
        boolean small = true;
        for (int k = 0; k < cells.length;) {
            int c = cells[k];
            if ((c & ~0xF) != 0) {
                small = false;
                break;
            }
            int j = k + 1;
            if (j < cells.length && cells[j] == c) {
                // a run: find its end with the vectorized comparison of the array against itself shifted by one
                int m = Arrays.mismatch(cells, j, cells.length - 1, cells, j + 1, cells.length);
                j = m < 0 ? cells.length : j + m + 1;
            }
            int run = j - k;
            if (run <= 15) {
                out.write((c << 4) | run);
            } else {
                out.write(c << 4).varInt(run);
            }
            k = j;
            if (out.size() - start - 1 >= packed) {
                break;
            }
        }
        if (small && out.size() - start - 1 < packed) {
            return;
        }
        for (int c : cells) {
            if ((c & ~0xF) != 0) {
                small = false;
                break;
            }
        }
        out.truncate(start);
        if (small) {
            out.write(0);
            int k = 0;
            for (; k + 1 < cells.length; k += 2) {
                out.write(cells[k] | (cells[k + 1] << 4));
            }
            if (k < cells.length) {
                out.write(cells[k]);
            }
        } else {
            out.write(1);
            for (int c : cells) {
                out.zigZag(c);
            }
        }
    }

    static Grid readGrid(Bytes.In in) {
        int rows = in.count(MAX_SIDE);
        int cols = in.count(MAX_SIDE);
        long n = (long) rows * cols;
        if (n > (1 << 26)) {
            throw new CorruptEntryException("grid " + rows + "x" + cols + " too large");
        }
        int[] cells = new int[(int) n];
        int mode = in.read();
        if (mode == 2) {
            for (int k = 0; k < cells.length;) {
                int b = in.read();
                int run = b & 0xF;
                if (run == 0) {
                    run = in.varInt();
                }
                if (run <= 0 || run > cells.length - k) {
                    throw new CorruptEntryException("bad run of " + run + " cells at cell " + k + " of " + cells.length);
                }
                int c = b >>> 4;
                if (c != 0) {
                    for (int j = k + run - 1; j >= k; j--) {
                        cells[j] = c;
                    }
                }
                k += run;
            }
        } else if (mode == 0) {
            int k = 0;
            for (; k + 1 < cells.length; k += 2) {
                int b = in.read();
                cells[k] = b & 0xF;
                cells[k + 1] = b >>> 4;
            }
            if (k < cells.length) {
                cells[k] = in.read() & 0xF;
            }
        } else if (mode == 1) {
            for (int k = 0; k < cells.length; k++) {
                cells[k] = (int) in.zigZag();
            }
        } else {
            throw new CorruptEntryException("unknown grid encoding " + mode);
        }
        return Grid.wrap(rows, cols, cells);
    }

    static Outcome.Status status(int bits) {
        int s = bits & 3;
        if (s >= STATUSES.length) {
            throw new CorruptEntryException("unknown status " + s);
        }
        return STATUSES[s];
    }

    /** Flags byte (status in bits 0-1, match bit 2, grid bit 3), fuel, then the grid if any. */
    public static final Codec<SampleResult> SAMPLE = new Codec<>() {
        @Override
        public void write(Bytes.Out out, SampleResult r) {
            out.write(r.status().ordinal() | (r.match() ? 4 : 0) | (r.produced() != null ? 8 : 0));
            out.zigZag(r.fuel());
            if (r.produced() != null) {
                writeGrid(out, r.produced());
            }
        }

        @Override
        public SampleResult read(Bytes.In in) {
            int flags = in.read();
            long fuel = in.zigZag();
            Grid g = (flags & 8) != 0 ? readGrid(in) : null;
            return new SampleResult(status(flags), (flags & 4) != 0, g, fuel);
        }
    };

    /** Pair count, per pair a flags byte (status, match) and the message; fuel; measured nanos. */
    public static final Codec<Validation> VALIDATION = new Codec<>() {
        @Override
        public void write(Bytes.Out out, Validation v) {
            out.varInt(v.pairs().size());
            for (Validation.Pair p : v.pairs()) {
                out.write(p.status().ordinal() | (p.match() ? 4 : 0));
                out.string(p.message());
            }
            out.zigZag(v.fuel());
            out.zigZag(v.nanos());
        }

        @Override
        public Validation read(Bytes.In in) {
            int n = in.count(1 << 16);
            List<Validation.Pair> pairs = new ArrayList<>(n);
            for (int k = 0; k < n; k++) {
                int flags = in.read();
                pairs.add(new Validation.Pair(status(flags), (flags & 4) != 0, in.string()));
            }
            long fuel = in.zigZag();
            long nanos = in.zigZag();
            return new Validation(pairs, fuel, nanos);
        }
    };

    /** The four measures as raw double bits, so a hit gives exactly the computed values. */
    public static final Codec<Differs.Measures> MEASURES = new Codec<>() {
        @Override
        public void write(Bytes.Out out, Differs.Measures m) {
            out.doubleBits(m.cells()).doubleBits(m.shape()).doubleBits(m.palette()).doubleBits(m.objects());
        }

        @Override
        public Differs.Measures read(Bytes.In in) {
            return new Differs.Measures(in.doubleBits(), in.doubleBits(), in.doubleBits(), in.doubleBits());
        }
    };

    /** A library program: task, canonical text, origin kind, parent and detail (and strategy, for a generated one). */
    public static final Codec<StoredProgram> LIBRARY = new Codec<>() {
        @Override
        public void write(Bytes.Out out, StoredProgram p) {
            out.string(p.task()).string(p.text()).write(p.origin().kind().ordinal()).string(p.origin().parent())
                    .string(p.origin().detail());
            if (p.origin().kind() == Origin.Kind.GENERATED) {
                out.string(p.origin().strategy());
            }
        }

        @Override
        public StoredProgram read(Bytes.In in) {
            String task = in.string();
            String text = in.string();
            int kind = in.read();
            Origin.Kind[] kinds = Origin.Kind.values();
            if (kind >= kinds.length) {
                throw new CorruptEntryException("unknown origin " + kind);
            }
            String parent = in.string();
            String detail = in.string();
            return new StoredProgram(task, text, kinds[kind] == Origin.Kind.GENERATED
                    ? Origin.generated(in.string(), parent, detail) : new Origin(kinds[kind], parent, detail));
        }
    };
}
