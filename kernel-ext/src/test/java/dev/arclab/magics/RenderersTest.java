package dev.arclab.magics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class RenderersTest {
    @Test
    void bufferedImagesBecomePng() throws Exception {
        BufferedImage img = new BufferedImage(4, 3, BufferedImage.TYPE_INT_RGB);
        img.setRGB(1, 2, 0xFF0000);
        Map<String, Object> out = Renderers.global().render(img);
        byte[] png = (byte[]) out.get("image/png");
        BufferedImage back = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(4, back.getWidth());
        assertEquals(3, back.getHeight());
        assertEquals(0xFF0000, back.getRGB(1, 2) & 0xFFFFFF);
    }

    @Test
    void theMostSpecificRegisteredClassWins() throws Exception {
        Renderers r = new Renderers();
        r.register(CharSequence.class, "text/html", s -> "<i>" + s + "</i>");
        r.register(StringBuilder.class, "text/html", s -> "<b>" + s + "</b>");
        r.register(StringBuilder.class, "text/markdown", s -> "**" + s + "**");
        assertEquals(Map.of("text/html", "<b>x</b>", "text/markdown", "**x**"), r.render(new StringBuilder("x")));
        assertEquals(Map.of("text/html", "<i>y</i>"), r.render("y"));
        assertEquals(Map.of(), r.render(42));
    }

    @Test
    void dataMustMatchTheMimeType() {
        Renderers r = new Renderers();
        r.register(String.class, "image/png", s -> s);
        assertThrows(IllegalStateException.class, () -> r.render("x"));
        Renderers r2 = new Renderers();
        r2.register(String.class, "text/html", s -> s.getBytes());
        assertThrows(IllegalStateException.class, () -> r2.render("x"));
        assertThrows(IllegalArgumentException.class, () -> r2.register(String.class, "html", s -> s));
    }

    @Test
    void listenersSeeLaterRegistrations() throws Exception {
        Renderers r = new Renderers();
        List<String> seen = new ArrayList<>();
        r.onRegister(reg -> seen.add(reg.type().getSimpleName() + " " + reg.mimeType()));
        r.register(Integer.class, "image/svg+xml", i -> "<svg/>");
        assertEquals(List.of("Integer image/svg+xml"), seen);
        assertTrue(!Renderers.isBinary("image/svg+xml"));
        assertTrue(Renderers.isBinary("image/png"));
        assertArrayEquals(new byte[0], new byte[0]);
    }
}
