package dev.arclab.report;

import java.awt.Color;

/**
 * The standard ARC palette: 0 black, 1 blue, 2 red, 3 green, 4 yellow, 5 grey, 6 magenta, 7 orange,
 * 8 light blue, 9 maroon. Values outside 0..9 (DSL results may hold any Integer) have no palette colour:
 * they render as {@link #OUT_OF_RANGE} with a cross.
 */
public final class Palette {
    private static final String[] HEX = {
        "#000000", "#0074D9", "#FF4136", "#2ECC40", "#FFDC00",
        "#AAAAAA", "#F012BE", "#FF851B", "#7FDBFF", "#870C25",
    };
    private static final Color[] COLORS = new Color[HEX.length];

    static {
        for (int i = 0; i < HEX.length; i++) {
            COLORS[i] = Color.decode(HEX[i]);
        }
    }

    /** Fill of a cell whose value is not an ARC colour. */
    public static final Color OUT_OF_RANGE = Color.WHITE;
    /** The lines between cells. */
    public static final Color CELL_BORDER = new Color(0x55, 0x55, 0x55);

    private Palette() {
    }

    public static boolean inRange(int value) {
        return value >= 0 && value < COLORS.length;
    }

    /** The colour of ARC value 0..9; {@link #OUT_OF_RANGE} for anything else. */
    public static Color color(int value) {
        return inRange(value) ? COLORS[value] : OUT_OF_RANGE;
    }

    /** "#RRGGBB" of ARC value 0..9; "#FFFFFF" for anything else. */
    public static String hex(int value) {
        return inRange(value) ? HEX[value] : "#FFFFFF";
    }
}
