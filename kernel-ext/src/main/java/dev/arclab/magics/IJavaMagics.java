package dev.arclab.magics;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Registers ARC Lab's magics (and renderers) in a running IJava 1.3 kernel, which has no extension mechanism.
 *
 * <p>In an IJava notebook, after adding the jars ({@code %jars /path/to/kernel-ext/target/arclab-kernel.jar}):
 *
 * <pre>{@code
 * dev.arclab.magics.IJavaMagics.register(io.github.spencerpark.ijava.IJava.getKernelInstance());
 * }</pre>
 *
 * <p>Works by reflection on IJava's base library ({@code io.github.spencerpark:jupyter-jvm-basekernel} 2.3.0):
 * this class has no compile-time dependency on it.
 */
public final class IJavaMagics {
    private IJavaMagics() {
    }

    /**
     * Registers the magics of {@link MagicRegistry#global()} (also those added later) and the renderers of
     * {@link Renderers#global()} (when given the kernel).
     *
     * @param kernelOrMagicsRegistry IJava's kernel ({@code IJava.getKernelInstance()}, which has
     *                               {@code getMagics()} and {@code getRenderer()}), or its
     *                               {@code io.github.spencerpark.jupyter.kernel.magic.registry.Magics}
     * @return a line saying what was registered
     */
    public static String register(Object kernelOrMagicsRegistry) {
        return register(kernelOrMagicsRegistry, MagicRegistry.global(), Renderers.global());
    }

    /** As {@link #register(Object)}, with the given registries. */
    public static String register(Object kernelOrMagicsRegistry, MagicRegistry registry, Renderers renderers) {
        if (kernelOrMagicsRegistry == null) {
            throw new IllegalArgumentException("pass IJava's kernel: IJavaMagics.register(IJava.getKernelInstance())");
        }
        Object magics = kernelOrMagicsRegistry;
        Object renderer = null;
        Method getMagics = publicMethod(kernelOrMagicsRegistry.getClass(), "getMagics", 0);
        if (getMagics != null) {
            magics = invoke(getMagics, kernelOrMagicsRegistry);
            Method getRenderer = publicMethod(kernelOrMagicsRegistry.getClass(), "getRenderer", 0);
            renderer = getRenderer == null ? null : invoke(getRenderer, kernelOrMagicsRegistry);
        }
        Method registerLineMagic = magics == null ? null : publicMethod(magics.getClass(), "registerLineMagic", 2);
        if (registerLineMagic == null || registerLineMagic.getParameterTypes()[0] != String.class
                || !registerLineMagic.getParameterTypes()[1].isInterface()) {
            throw new IllegalArgumentException("expected IJava's kernel (IJava.getKernelInstance()) or its magics"
                    + " registry (io.github.spencerpark.jupyter.kernel.magic.registry.Magics), got "
                    + kernelOrMagicsRegistry.getClass().getName());
        }
        Object target = magics;
        List<String> names = new ArrayList<>();
        for (Magic m : registry.all()) {
            registerMagic(target, registerLineMagic, m);
            names.add("%" + m.name());
        }
        registry.onAdd(m -> registerMagic(target, registerLineMagic, m));

        int rendererCount = 0;
        if (renderer != null) {
            Object r = renderer;
            for (Renderers.Registration<?> reg : renderers.registrations()) {
                registerRenderer(r, reg);
                rendererCount++;
            }
            renderers.onRegister(reg -> registerRenderer(r, reg));
        }
        return "ARC Lab " + StandardMagics.version() + ": registered " + String.join(", ", names)
                + (renderer != null ? " and " + rendererCount + " renderer(s)" : "");
    }

    private static void registerMagic(Object magics, Method registerLineMagic, Magic magic) {
        Class<?> fnType = registerLineMagic.getParameterTypes()[1];
        InvocationHandler handler = (proxy, method, args) -> {
            switch (method.getName()) {
                case "execute":
                    @SuppressWarnings("unchecked")
                    List<String> words = args != null && args.length > 0 ? (List<String>) args[0] : List.of();
                    return magic.run(words);
                case "toString":
                    return "ARC Lab magic %" + magic.name();
                case "hashCode":
                    return System.identityHashCode(proxy);
                case "equals":
                    return proxy == args[0];
                default:
                    throw new UnsupportedOperationException(method.getName());
            }
        };
        Object fn = Proxy.newProxyInstance(fnType.getClassLoader(), new Class<?>[] {fnType}, handler);
        invoke(registerLineMagic, magics, magic.name(), fn);
    }

    private static void registerRenderer(Object renderer, Renderers.Registration<?> reg) {
        Method create = publicMethod(renderer.getClass(), "createRegistration", 1);
        if (create == null) {
            return;
        }
        Object registration = invoke(create, renderer, reg.type());
        Method preferring = null;
        Method registerFn = null;
        for (Method m : registration.getClass().getMethods()) {
            if (m.getName().equals("preferring") && m.getParameterCount() == 1
                    && m.getParameterTypes()[0] == String[].class) {
                preferring = m;
            }
            if (m.getName().equals("register") && m.getParameterCount() == 1 && m.getParameterTypes()[0].isInterface()) {
                registerFn = m;
            }
        }
        if (preferring == null || registerFn == null) {
            return;
        }
        invoke(preferring, registration, (Object) new String[] {reg.mimeType()});
        Class<?> fnType = registerFn.getParameterTypes()[0];
        InvocationHandler handler = (proxy, method, args) -> {
            switch (method.getName()) {
                case "render":
                    Object data = reg.apply(args[0]);
                    if (data != null) {
                        Object out = invoke(publicMethod(args[1].getClass(), "getOutputContainer", 0), args[1]);
                        Object encoded = data instanceof byte[] ? Base64.getEncoder().encodeToString((byte[]) data) : data;
                        Method putData = out.getClass().getMethod("putData", String.class, Object.class);
                        invoke(putData, out, reg.mimeType(), encoded);
                    }
                    return null;
                case "toString":
                    return "ARC Lab renderer " + reg.type().getName() + " as " + reg.mimeType();
                case "hashCode":
                    return System.identityHashCode(proxy);
                case "equals":
                    return proxy == args[0];
                default:
                    throw new UnsupportedOperationException(method.getName());
            }
        };
        invoke(registerFn, registration, Proxy.newProxyInstance(fnType.getClassLoader(), new Class<?>[] {fnType}, handler));
    }

    private static Method publicMethod(Class<?> type, String name, int params) {
        for (Method m : type.getMethods()) {
            if (m.getName().equals(name) && m.getParameterCount() == params) {
                return m;
            }
        }
        return null;
    }

    private static Object invoke(Method m, Object target, Object... args) {
        try {
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            throw new IllegalStateException(m.getName() + " failed: " + cause, cause);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot call " + m + ": " + e.getMessage(), e);
        }
    }
}
