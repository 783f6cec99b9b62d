package dev.arclab.magics;

import dev.arclab.lab.Session;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.Renderer;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import io.github.spencerpark.jupyter.kernel.magic.registry.Magics;
import java.awt.image.BufferedImage;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Registration into IJava 1.3's magics, against its base library jupyter-jvm-basekernel 2.3.0. */
class IJavaMagicsTest {
    /** The two methods of IJava's JavaKernel that the registration uses. */
    public static final class FakeIJavaKernel {
        private final Magics magics = new Magics();
        private final Renderer renderer = new Renderer();

        public Magics getMagics() {
            return magics;
        }

        public Renderer getRenderer() {
            return renderer;
        }
    }

    @Test
    void registersIntoBasekernelMagics() throws Exception {
        Session session = new Session();
        Magics magics = new Magics();
        String said = IJavaMagics.register(magics, MagicRegistry.standard(session), new Renderers());
        assertTrue(said.contains("%threads") && said.contains("%arclab"), said);

        assertEquals("threads = 3", apply(magics, "threads", "3"));
        assertEquals(3, session.threads());
        assertTrue(String.valueOf(apply(magics, "seed", "--help")).startsWith("Usage: %seed"));
        MagicException e = assertThrows(MagicException.class, () -> apply(magics, "threads", "zero"));
        assertTrue(e.getMessage().startsWith("%threads: "), e.getMessage());
    }

    @Test
    void registersMagicsAndRenderersThroughTheKernel() throws Exception {
        Session session = new Session();
        MagicRegistry registry = MagicRegistry.standard(session);
        Renderers renderers = Renderers.withDefaults(new Renderers());
        FakeIJavaKernel kernel = new FakeIJavaKernel();
        String said = IJavaMagics.register(kernel, registry, renderers);
        assertTrue(said.endsWith("and 1 renderer(s)"), said);

        assertEquals("seed = 5", apply(kernel.getMagics(), "seed", "5"));
        assertEquals(5L, session.seed());

        DisplayData d = kernel.getRenderer().render(new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB));
        String png = (String) d.getData(MIMEType.IMAGE_PNG);
        assertNotNull(png);
        assertEquals("PNG", new String(Base64.getDecoder().decode(png), 1, 3));

        // Magics and renderers added later reach IJava too.
        registry.add(new Magic() {
            @Override
            public String name() {
                return "late";
            }

            @Override
            public String help() {
                return "Added later.";
            }

            @Override
            public Object run(List<String> args) {
                return "late " + args;
            }
        });
        renderers.register(StringBuilder.class, "text/html", s -> "<b>" + s + "</b>");
        assertEquals("late [x]", apply(kernel.getMagics(), "late", "x"));
        assertEquals("<b>q</b>", kernel.getRenderer().render(new StringBuilder("q")).getData(MIMEType.TEXT_HTML));
    }

    private static Object apply(Magics magics, String name, String... args) throws Exception {
        return magics.<Object>applyLineMagic(name, List.of(args));
    }

    @Test
    void somethingElseIsRejectedClearly() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> IJavaMagics.register("kernel"));
        assertTrue(e.getMessage().contains("IJava.getKernelInstance()"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> IJavaMagics.register(null));
    }
}
