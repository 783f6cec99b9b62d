package dev.arclab.kernel;

import dev.arclab.magics.Magic;
import dev.arclab.magics.MagicRegistry;
import dev.arclab.magics.NotebookDisplay;
import dev.arclab.magics.Renderers;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.dflib.jjava.jupyter.Extension;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry;

/**
 * ARC Lab as a JJava extension: registers the magics of {@link MagicRegistry#global()} and the renderers of
 * {@link Renderers#global()} in a kernel built on jjava-jupyter, and those added later too.
 *
 * <p>Listed in {@code META-INF/services/org.dflib.jjava.jupyter.Extension}, so it is installed by the
 * ARC Lab kernel at startup and by a real JJava kernel when the jar is on {@code JJAVA_CLASSPATH} or added with
 * {@code %classpath}. It also makes the kernel's display the {@link NotebookDisplay} of progress bars. This class,
 * {@link KernelDisplay} and {@link Notebook} are the only places where ARC Lab's magics meet jjava-jupyter.
 */
public final class ArcLabExtension implements Extension {
    private final Map<BaseKernel, Consumer<Magic>> magicListeners = new ConcurrentHashMap<>();
    private final Map<BaseKernel, Consumer<Renderers.Registration<?>>> rendererListeners = new ConcurrentHashMap<>();

    @Override
    public void install(BaseKernel kernel) {
        MagicsRegistry magics = kernel.getMagicsRegistry();
        MagicRegistry registry = MagicRegistry.global();
        if (magics != null) {
            registry.all().forEach(m -> register(magics, m));
            Consumer<Magic> onAdd = m -> register(magics, m);
            registry.onAdd(onAdd);
            magicListeners.put(kernel, onAdd);
        }
        Renderer renderer = kernel.getRenderer();
        Renderers renderers = Renderers.global();
        renderers.registrations().forEach(r -> register(renderer, r));
        Consumer<Renderers.Registration<?>> onRegister = r -> register(renderer, r);
        renderers.onRegister(onRegister);
        rendererListeners.put(kernel, onRegister);
        NotebookDisplay.use(new KernelDisplay(kernel));
    }

    @Override
    public void uninstall(BaseKernel kernel) {
        Consumer<Magic> m = magicListeners.remove(kernel);
        if (m != null) {
            MagicRegistry.global().removeListener(m);
        }
        Consumer<Renderers.Registration<?>> r = rendererListeners.remove(kernel);
        if (r != null) {
            Renderers.global().removeListener(r);
        }
        if (NotebookDisplay.current() instanceof KernelDisplay d && d.kernel() == kernel) {
            NotebookDisplay.use(null);
        }
    }

    private static void register(MagicsRegistry magics, Magic magic) {
        magics.registerLineMagic(magic.name(), (kernel, args) -> magic.run(args));
    }

    /** Installs one of our registrations into a jjava-jupyter renderer (binary data in base64). */
    static <T> void register(Renderer renderer, Renderers.Registration<T> registration) {
        MIMEType type = MIMEType.parse(registration.mimeType());
        renderer.createRegistration(registration.type())
                .preferring(type)
                .register((value, context) -> context.renderIfRequested(type, () -> {
                    Object data;
                    try {
                        data = registration.apply(value);
                    } catch (RuntimeException e) {
                        throw e;
                    } catch (Exception e) {
                        throw new IllegalStateException("cannot render " + registration.type().getSimpleName()
                                + " as " + registration.mimeType() + ": " + e.getMessage(), e);
                    }
                    return data instanceof byte[] bytes ? Base64.getEncoder().encodeToString(bytes) : data;
                }));
    }
}
