package dev.arclab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arclab.dsl.Grid;
import dev.arclab.task.Example;
import dev.arclab.task.Task;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

class GridPicturesTest {
    static final String[] ARC_HEX = {"#000000", "#0074D9", "#FF4136", "#2ECC40", "#FFDC00",
        "#AAAAAA", "#F012BE", "#FF851B", "#7FDBFF", "#870C25"};

    static Grid allColours() {
        return Grid.of(new int[][] {{0, 1, 2, 3, 4}, {5, 6, 7, 8, 9}});
    }

    static BufferedImage decode(byte[] png) throws Exception {
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
        assertTrue(img != null, "PNG decodes");
        return img;
    }

    static int distinctColours(BufferedImage img) {
        Set<Integer> seen = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 2) {
            for (int x = 0; x < img.getWidth(); x += 2) {
                seen.add(img.getRGB(x, y) & 0xFFFFFF);
            }
        }
        return seen.size();
    }

    @Test
    void paletteIsTheStandardArcPalette() {
        for (int v = 0; v < 10; v++) {
            assertEquals(Color.decode(ARC_HEX[v]), Palette.color(v));
            assertEquals(ARC_HEX[v], Palette.hex(v));
        }
        assertFalse(Palette.inRange(10));
        assertFalse(Palette.inRange(-1));
    }

    @Test
    void gridPngHasPaletteColourAtEveryCellCentre() throws Exception {
        Grid g = allColours();
        int cell = GridPictures.cellSize(g.rows(), g.cols());
        BufferedImage img = decode(GridPictures.grid(g).toPng());
        assertEquals(GridPictures.extent(5, cell), img.getWidth());
        assertEquals(GridPictures.extent(2, cell), img.getHeight());
        for (int i = 0; i < g.rows(); i++) {
            for (int j = 0; j < g.cols(); j++) {
                int x = GridPictures.cellCentre(j, cell);
                int y = GridPictures.cellCentre(i, cell);
                assertEquals(Palette.color(g.at(i, j)).getRGB() & 0xFFFFFF, img.getRGB(x, y) & 0xFFFFFF,
                        "cell " + i + "," + j);
            }
        }
        // The line between cells is the border colour.
        assertEquals(Palette.CELL_BORDER.getRGB() & 0xFFFFFF, img.getRGB(0, 0) & 0xFFFFFF);
    }

    @Test
    void cellSizeScalesWithGridSize() {
        assertEquals(32, GridPictures.cellSize(3, 3));
        assertEquals(8, GridPictures.cellSize(30, 30));
        assertTrue(GridPictures.cellSize(10, 10) > GridPictures.cellSize(20, 20));
        assertTrue(GridPictures.cellSize(200, 200) >= 3);
        int w30 = GridPictures.grid(Grid.filled(30, 30, 1)).width();
        assertTrue(w30 >= 200 && w30 <= 300, "30x30 grid is " + w30 + " px");
    }

    @Test
    void emptyAndOutOfRangeGridsRender() throws Exception {
        BufferedImage empty = decode(GridPictures.grid(Grid.EMPTY).toPng());
        assertTrue(empty.getWidth() > 0);
        Grid odd = Grid.of(new int[][] {{12, -1}});
        int cell = GridPictures.cellSize(1, 2);
        BufferedImage img = decode(GridPictures.grid(odd).toPng());
        // Out-of-range values are white with a black cross through the centre.
        int x = GridPictures.cellCentre(0, cell);
        int y = GridPictures.cellCentre(0, cell);
        assertEquals(0xFFFFFF, img.getRGB(x - cell / 3 + 1, y) & 0xFFFFFF);
    }

    @Test
    void svgIsWellFormedAndHasOneRectPerCell() throws Exception {
        Grid g = allColours();
        String svg = GridPictures.grid(g).toSvg();
        Document doc = svgParser().parse(new InputSource(new StringReader(svg)));
        // background + border + 10 cells
        assertEquals(12, doc.getElementsByTagName("rect").getLength());
        for (String hex : ARC_HEX) {
            java.awt.Color c = java.awt.Color.decode(hex);
            String fill = "fill:rgb(" + c.getRed() + "," + c.getGreen() + "," + c.getBlue() + ")";
            assertTrue(svg.contains(fill), fill);
        }
    }

    /** A parser that does not fetch the SVG DTD the document names. */
    static javax.xml.parsers.DocumentBuilder svgParser() throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return f.newDocumentBuilder();
    }

    static Task sampleTask() {
        Grid a = Grid.of(new int[][] {{0, 1, 0}, {1, 1, 1}, {0, 1, 0}});
        Grid b = Grid.of(new int[][] {{2, 2}, {2, 2}});
        Grid big = Grid.filled(12, 15, 8);
        return new Task("007bbfb7",
                List.of(new Example(a, b), new Example(big, a), new Example(b, big)),
                List.of(new Example(a, b), new Example(b, null)));
    }

    @Test
    void taskRendersAllPairsAndOnlyKnownTestOutputs(@TempDir Path dir) throws Exception {
        Task t = sampleTask();
        Drawing d = GridPictures.task(t);
        BufferedImage img = decode(d.toPng());
        assertEquals(d.width(), img.getWidth());
        assertTrue(img.getWidth() > 300 && img.getHeight() > 150);
        assertTrue(distinctColours(img) >= 6, "not blank");
        String svg = d.toSvg();
        svgParser().parse(new InputSource(new StringReader(svg)));
        assertTrue(svg.contains(">demo 3<") && svg.contains(">test 2<"));
        d.writePng(dir.resolve("task.png"));
        assertTrue(Files.size(dir.resolve("task.png")) > 100);
    }

    @Test
    void diffMaskCountsDifferingCellsAndShapeChanges() {
        Grid e = Grid.of(new int[][] {{1, 2}, {3, 4}});
        Grid p = Grid.of(new int[][] {{1, 2}, {3, 5}});
        GridPictures.Diff d = GridPictures.diff(e, p);
        assertTrue(d.sameShape());
        assertEquals(1, d.differing());
        assertEquals(GridPictures.Diff.DIFFERS, d.at(1, 1));
        assertEquals(GridPictures.Diff.MATCH, d.at(0, 0));
        GridPictures.Diff s = GridPictures.diff(e, Grid.of(new int[][] {{1, 2, 0}}));
        assertFalse(s.sameShape());
        assertEquals(2, s.rows());
        assertEquals(3, s.cols());
        assertEquals(GridPictures.Diff.ONE_SIDE, s.at(1, 0));
        assertEquals(GridPictures.Diff.NEITHER, s.at(1, 2));
        assertTrue(GridPictures.diff(e, e).matches());
    }

    @Test
    void candidateRendersFourPanels() throws Exception {
        Task t = sampleTask();
        Grid in = t.demo().get(0).input();
        Grid exp = t.demo().get(0).output();
        Grid wrong = Grid.of(new int[][] {{2, 3}, {2, 2}});
        BufferedImage img = decode(GridPictures.candidate(in, exp, wrong, "solve_x on 007bbfb7 demo 1", null).toPng());
        assertTrue(img.getWidth() > 200);
        boolean sawDiffColour = false;
        for (int y = 0; y < img.getHeight() && !sawDiffColour; y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if ((img.getRGB(x, y) & 0xFFFFFF) == (GridPictures.DIFF_DIFFERS.getRGB() & 0xFFFFFF)) {
                    sawDiffColour = true;
                    break;
                }
            }
        }
        assertTrue(sawDiffColour, "diff mask shows the differing cell");
        // No output (error) still renders.
        decode(GridPictures.candidate(in, exp, null, "solve_x", "error: index out of range").toPng());
        decode(GridPictures.candidate(in, null, wrong).toPng());
    }
}
