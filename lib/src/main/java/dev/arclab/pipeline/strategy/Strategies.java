package dev.arclab.pipeline.strategy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.Supplier;

/**
 * The generation strategies by name: one registration line per strategy. A strategy of this package is
 * registered below; one of a package above the pipeline (such as {@code dev.arclab.search}) is registered
 * by a line naming its class in {@code META-INF/services/dev.arclab.pipeline.strategy.Strategy} (a public
 * no-argument constructor; a new instance per generate), so that the pipeline does not import it back.
 */
public final class Strategies {
    private static final Map<String, Supplier<Strategy>> FACTORIES = new LinkedHashMap<>();

    static {
        register("mutate", MutateStrategy::new);
        for (ServiceLoader.Provider<Strategy> p : ServiceLoader.load(Strategy.class, Strategies.class.getClassLoader())
                .stream().toList()) {
            register(p.get().name(), p::get);
        }
    }

    private Strategies() {
    }

    /** Adds (or replaces) a strategy: {@code Strategies.register("enumerate", EnumerateStrategy::new)}. */
    public static synchronized void register(String name, Supplier<Strategy> factory) {
        FACTORIES.put(name, factory);
    }

    /**
     * A new instance of the strategy of that name.
     *
     * @throws IllegalArgumentException naming the known strategies when there is none of that name
     */
    public static synchronized Strategy create(String name) {
        Supplier<Strategy> f = FACTORIES.get(name);
        if (f == null) {
            throw new IllegalArgumentException("no strategy '" + name + "'; the strategies are " + String.join(", ", FACTORIES.keySet()));
        }
        return f.get();
    }

    /** The registered names, in registration order. */
    public static synchronized java.util.List<String> names() {
        return java.util.List.copyOf(FACTORIES.keySet());
    }
}
