package dev.arclab.magics;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javax.imageio.ImageIO;

/**
 * How ARC Lab objects look in a notebook: a class and a MIME type mapped to a function that produces the data.
 *
 * <p>A text type ({@code text/html}, {@code text/markdown}, {@code image/svg+xml}, ...) takes a {@link String};
 * a binary type ({@code image/png}, {@code image/jpeg}, ...) takes {@code byte[]}, which the kernel adapter
 * encodes in base64. The kernel adapters install every registration of {@link #global()} into the kernel's
 * renderer, and listen for later ones, so another package adds a renderer to all kernels with:
 *
 * <pre>{@code
 * Renderers.global().register(Grid.class, "text/html", g -> GridHtml.of(g));
 * }</pre>
 *
 * <p>The kernel looks for renderers from the value's own class up through its superclasses and interfaces and
 * uses those of the first class that has any; {@code text/plain} is always added with {@code toString()} unless
 * a renderer gives it.
 */
public final class Renderers {
    /** Produces the data of one MIME type: a String for text types, byte[] for binary types. */
    @FunctionalInterface
    public interface RenderFunction<T> {
        Object render(T value) throws Exception;
    }

    /** One registration: values of {@code type} rendered as {@code mimeType} by {@code function}. */
    public record Registration<T>(Class<T> type, String mimeType, RenderFunction<? super T> function) {
        /** Runs the function, checking that the result has the right Java type for the MIME type. */
        public Object apply(Object value) throws Exception {
            Object data = function.render(type.cast(value));
            if (data == null) {
                return null;
            }
            if (isBinary(mimeType) && !(data instanceof byte[])) {
                throw new IllegalStateException("renderer for " + type.getName() + " as " + mimeType
                        + " must return byte[], returned " + data.getClass().getName());
            }
            if (!isBinary(mimeType) && !(data instanceof String)) {
                throw new IllegalStateException("renderer for " + type.getName() + " as " + mimeType
                        + " must return a String, returned " + data.getClass().getName());
            }
            return data;
        }
    }

    public static final String PNG = "image/png";
    public static final String HTML = "text/html";

    private static final Renderers GLOBAL = LabRenderers.addTo(withDefaults(new Renderers()));

    private final List<Registration<?>> registrations = new CopyOnWriteArrayList<>();
    private final List<Consumer<Registration<?>>> listeners = new CopyOnWriteArrayList<>();

    /**
     * The renderers the kernel adapters install: {@link BufferedImage} as PNG, ARC Lab's values ({@link LabRenderers}),
     * and whatever is added later.
     */
    public static Renderers global() {
        return GLOBAL;
    }

    /** Adds the standard renderers ({@link BufferedImage} as PNG) to {@code renderers}. */
    public static Renderers withDefaults(Renderers renderers) {
        renderers.register(BufferedImage.class, PNG, Renderers::png);
        return renderers;
    }

    /** Registers {@code function} to render values of {@code type} (and its subclasses) as {@code mimeType}. */
    public <T> Renderers register(Class<T> type, String mimeType, RenderFunction<? super T> function) {
        if (!mimeType.matches("[a-z]+/[A-Za-z0-9.+\\-]+")) {
            throw new IllegalArgumentException("not a MIME type: '" + mimeType + "'");
        }
        Registration<T> r = new Registration<>(type, mimeType, function);
        registrations.add(r);
        for (Consumer<Registration<?>> listener : listeners) {
            listener.accept(r);
        }
        return this;
    }

    /** All registrations, oldest first. */
    public List<Registration<?>> registrations() {
        return new ArrayList<>(registrations);
    }

    /** Calls {@code listener} with every registration made from now on. */
    public void onRegister(Consumer<Registration<?>> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<Registration<?>> listener) {
        listeners.remove(listener);
    }

    /**
     * Renders {@code value} without a kernel: MIME type to data (String or byte[]) from the registrations of the
     * most specific registered class (superclasses before interfaces); empty if none applies.
     */
    public Map<String, Object> render(Object value) throws Exception {
        Map<String, Object> out = new LinkedHashMap<>();
        if (value == null) {
            return out;
        }
        for (Class<?> c : lookupOrder(value.getClass())) {
            for (Registration<?> r : registrations) {
                if (r.type() == c) {
                    Object data = r.apply(value);
                    if (data != null) {
                        out.put(r.mimeType(), data);
                    }
                }
            }
            if (!out.isEmpty()) {
                return out;
            }
        }
        return out;
    }

    private static List<Class<?>> lookupOrder(Class<?> type) {
        List<Class<?>> order = new ArrayList<>();
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            order.add(c);
        }
        for (int i = 0; i < order.size(); i++) {
            for (Class<?> in : order.get(i).getInterfaces()) {
                if (!order.contains(in)) {
                    order.add(in);
                }
            }
        }
        return order;
    }

    /** True for MIME types whose data is bytes: images other than SVG, audio, video, PDF. */
    public static boolean isBinary(String mimeType) {
        return (mimeType.startsWith("image/") && !mimeType.equals("image/svg+xml"))
                || mimeType.startsWith("audio/") || mimeType.startsWith("video/")
                || mimeType.equals("application/pdf");
    }

    /** A BufferedImage as PNG bytes. */
    public static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!ImageIO.write(image, "png", out)) {
            throw new IOException("no PNG writer for image type " + image.getType());
        }
        return out.toByteArray();
    }
}
