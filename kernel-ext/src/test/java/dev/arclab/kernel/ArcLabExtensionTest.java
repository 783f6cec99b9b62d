package dev.arclab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arclab.magics.CommandMagic;
import dev.arclab.magics.MagicRegistry;
import dev.arclab.lab.Session;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.concurrent.Callable;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.BaseKernelBuilder;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.dflib.jjava.jupyter.kernel.magic.MagicParser;
import org.dflib.jjava.jupyter.kernel.magic.MagicTranspiler;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;

/**
 * The extension in a kernel that is not ours: a bare jjava-jupyter kernel that, like JJava, finds extensions
 * with ServiceLoader at startup.
 */
class ArcLabExtensionTest {
    /** The least a jjava-jupyter kernel needs; like JJava it installs extensions from its class loader. */
    static final class BareKernel extends BaseKernel {
        BareKernel(Builder b, List<Object> parts) {
            super("bare", "1", new LanguageInfo.Builder("java").build(), List.of(), null,
                    (org.dflib.jjava.jupyter.kernel.JupyterIO) parts.get(0),
                    (org.dflib.jjava.jupyter.kernel.comm.CommManager) parts.get(1),
                    (org.dflib.jjava.jupyter.kernel.display.Renderer) parts.get(2),
                    new MagicParser("(?<=(?:^|=))\\s*%", "%%", new MagicTranspiler()),
                    (org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry) parts.get(3), true,
                    (org.dflib.jjava.jupyter.kernel.util.StringStyler) parts.get(4));
        }

        @Override
        public Object evalRaw(String source) {
            return null;
        }

        @Override
        public DisplayData inspect(String code, int at, boolean extraDetail) {
            return null;
        }

        @Override
        public ReplacementOptions complete(String code, int at) {
            return null;
        }

        @Override
        public String isComplete(String code) {
            return IS_COMPLETE_MAYBE;
        }
    }

    static final class Builder extends BaseKernelBuilder<Builder, BareKernel> {
        @Override
        public BareKernel build() {
            return new BareKernel(this, List.of(buildJupyterIO(buildJupyterIOEncoding()), buildCommManager(),
                    buildRenderer(), buildMagicsRegistry(), buildErrorStyler()));
        }
    }

    @Command(name = "later", description = "Added after the kernel started.")
    static final class Later extends CommandMagic.Base {
        @Override
        public Object call() {
            return "later";
        }
    }

    @Test
    void serviceLoaderInstallsMagicsAndRenderersIntoAnyJJavaKernel() throws Exception {
        BareKernel kernel = new Builder().build();
        kernel.onStartup();
        try {
            assertTrue(kernel.getMagicsRegistry().getLineMagicNames().containsAll(List.of("arclab", "threads", "seed", "home")),
                    kernel.getMagicsRegistry().getLineMagicNames().toString());
            assertEquals("threads = 2", kernel.getMagicsRegistry().evalLineMagic(kernel, "threads", List.of("2")));
            assertEquals(2, Session.current().threads());

            DisplayData d = kernel.getRenderer().render(new BufferedImage(2, 2, BufferedImage.TYPE_INT_ARGB));
            assertNotNull(d.getData(MIMEType.IMAGE_PNG));

            MagicRegistry.global().add(new CommandMagic(Later::new));
            assertEquals("later", kernel.getMagicsRegistry().evalLineMagic(kernel, "later", List.of()));
        } finally {
            kernel.onShutdown(false);
            Session.current().reset();
        }
    }

    @Test
    void aMagicIsOurInterfaceOnly() {
        Callable<Object> c = new Later();
        CommandMagic m = new CommandMagic(Later::new);
        assertEquals("later", m.name());
        assertEquals("Added after the kernel started.", m.help());
        assertNotNull(c);
    }
}
