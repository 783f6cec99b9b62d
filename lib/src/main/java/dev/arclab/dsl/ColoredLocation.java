package dev.arclab.dsl;

/** A Tuple (colour, (i, j)): one coloured location of an Object (arc-dsl's type name for it is Cell). */
public final class ColoredLocation extends Tuple {
    public final int color;
    public final int i;
    public final int j;

    public ColoredLocation(int color, int i, int j) {
        this.color = color;
        this.i = i;
        this.j = j;
    }

    public Pair loc() {
        return Pair.of(i, j);
    }

    @Override
    public int size() {
        return 2;
    }

    @Override
    public Object get(int k) {
        if (k == 0) {
            return color;
        }
        if (k == 1) {
            return Pair.of(i, j);
        }
        throw outOfRange(k);
    }

    @Override
    public int hashCode() {
        return 31 * (31 + color) + Pair.hash(i, j);
    }

    @Override
    public boolean equals(Object o) {
        if (o instanceof ColoredLocation c) {
            return color == c.color && i == c.i && j == c.j;
        }
        return super.equals(o);
    }
}
