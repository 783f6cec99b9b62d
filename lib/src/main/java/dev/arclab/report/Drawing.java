package dev.arclab.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A small vector picture made of rectangles, lines and text, that renders both to a PNG (Java2D) and to
 * SVG ({@link Svg}, the same painting recorded as vectors), so the two always show the same thing. Coordinates are pixels, origin top left.
 * Rectangles are drawn without anti-aliasing so a cell's colour is exact in the PNG.
 */
public final class Drawing {
    /** Horizontal text anchor. */
    public enum Anchor { START, MIDDLE, END }

    private sealed interface Shape permits RectShape, LineShape, TextShape {
    }

    private record RectShape(double x, double y, double w, double h, Color fill, Color stroke, float strokeWidth)
            implements Shape {
    }

    private record LineShape(double x1, double y1, double x2, double y2, Color color, float width) implements Shape {
    }

    private record TextShape(double x, double y, String text, float size, boolean bold, Color color, Anchor anchor)
            implements Shape {
    }

    static final String FONT_FAMILY = Font.SANS_SERIF;
    private static final FontRenderContext FRC = new FontRenderContext(null, true, true);

    private final int width;
    private final int height;
    private final Color background;
    private final List<Shape> shapes = new ArrayList<>();

    public Drawing(int width, int height) {
        this(width, height, Color.WHITE);
    }

    public Drawing(int width, int height, Color background) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("drawing size must be positive: " + width + "x" + height);
        }
        this.width = width;
        this.height = height;
        this.background = background;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** A filled rectangle. */
    public Drawing rect(double x, double y, double w, double h, Color fill) {
        shapes.add(new RectShape(x, y, w, h, fill, null, 0));
        return this;
    }

    /** A rectangle with an optional fill and an outline. */
    public Drawing rect(double x, double y, double w, double h, Color fill, Color stroke, float strokeWidth) {
        shapes.add(new RectShape(x, y, w, h, fill, stroke, strokeWidth));
        return this;
    }

    public Drawing line(double x1, double y1, double x2, double y2, Color color, float width) {
        shapes.add(new LineShape(x1, y1, x2, y2, color, width));
        return this;
    }

    /** Text whose baseline is at y. */
    public Drawing text(double x, double y, String text, float size, boolean bold, Color color, Anchor anchor) {
        shapes.add(new TextShape(x, y, text, size, bold, color, anchor));
        return this;
    }

    /** The width in pixels that {@code text} takes at this size. */
    public static double textWidth(String text, float size, boolean bold) {
        return font(size, bold).getStringBounds(text, FRC).getWidth();
    }

    private static Font font(float size, boolean bold) {
        return new Font(FONT_FAMILY, bold ? Font.BOLD : Font.PLAIN, 12).deriveFont(size);
    }

    public BufferedImage toImage() {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            paintAll(g);
        } finally {
            g.dispose();
        }
        return img;
    }

    private void paintAll(Graphics2D g) {
        g.setColor(background);
        g.fillRect(0, 0, width, height);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        for (Shape s : shapes) {
            paint(g, s);
        }
    }

    private static void paint(Graphics2D g, Shape s) {
        if (s instanceof RectShape r) {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
            int x = (int) Math.round(r.x());
            int y = (int) Math.round(r.y());
            int w = (int) Math.round(r.x() + r.w()) - x;
            int h = (int) Math.round(r.y() + r.h()) - y;
            if (r.fill() != null) {
                g.setColor(r.fill());
                g.fillRect(x, y, w, h);
            }
            if (r.stroke() != null) {
                g.setColor(r.stroke());
                g.setStroke(new BasicStroke(r.strokeWidth()));
                g.drawRect(x, y, w - 1, h - 1);
            }
        } else if (s instanceof LineShape l) {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(l.color());
            g.setStroke(new BasicStroke(l.width(), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(new java.awt.geom.Line2D.Double(l.x1(), l.y1(), l.x2(), l.y2()));
        } else if (s instanceof TextShape t) {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setFont(font(t.size(), t.bold()));
            g.setColor(t.color());
            double w = textWidth(t.text(), t.size(), t.bold());
            double x = switch (t.anchor()) {
                case START -> t.x();
                case MIDDLE -> t.x() - w / 2;
                case END -> t.x() - w;
            };
            g.drawString(t.text(), (float) x, (float) t.y());
        }
    }

    public byte[] toPng() {
        return Images.png(toImage());
    }

    public void writePng(Path file) throws IOException {
        Images.writePng(toImage(), file);
    }

    public void writeSvg(Path file) throws IOException {
        Files.writeString(file, toSvg(), StandardCharsets.UTF_8);
    }

    /** The picture as a standalone SVG document, painted by the same code as the PNG (through {@link Svg}). */
    public String toSvg() {
        return Svg.of(width, height, this::paintAll);
    }

}
