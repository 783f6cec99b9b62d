package dev.arclab.report;

import de.erichseifert.vectorgraphics2d.Document;
import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.svg.SVGProcessor;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import java.awt.Graphics2D;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * The one way ARC Lab writes SVG: whatever paints on a {@link Graphics2D} (a chart, a {@link Drawing}) paints on
 * VectorGraphics2D's recording graphics, which becomes an SVG document. PNGs are painted by the same code on an
 * image, so both formats show the same picture.
 */
final class Svg {
    private Svg() {
    }

    /** The SVG document of what {@code painter} paints on a {@code width} by {@code height} page. */
    static String of(int width, int height, Consumer<Graphics2D> painter) {
        VectorGraphics2D g = new VectorGraphics2D();
        try {
            painter.accept(g);
        } finally {
            g.dispose();
        }
        Document doc = new SVGProcessor().getDocument(g.getCommands(), new PageSize(width, height));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            doc.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
