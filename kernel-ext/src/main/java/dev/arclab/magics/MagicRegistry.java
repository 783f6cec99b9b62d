package dev.arclab.magics;

import dev.arclab.lab.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The magics of ARC Lab, by name.
 *
 * <p>{@link #global()} holds the standard magics ({@code %arclab}, {@code %threads}, {@code %seed},
 * {@code %home}) and the workflow magics ({@link LabMagics}); the kernel adapters register everything in it, and
 * also every magic {@link #add added} later (they {@link #onAdd listen}), so another package adds a magic to all
 * kernels with
 * {@code MagicRegistry.global().add(magic)}.
 */
public final class MagicRegistry {
    static {
        NotebookWatcher.install();
    }

    private static final MagicRegistry GLOBAL = standard(Session.current());

    private final Map<String, Magic> magics = new TreeMap<>();
    private final List<Consumer<Magic>> listeners = new CopyOnWriteArrayList<>();

    /** The registry the kernel adapters install. */
    public static MagicRegistry global() {
        return GLOBAL;
    }

    /** A new registry with the standard and the workflow magics ({@link LabMagics}) working on {@code session}. */
    public static MagicRegistry standard(Session session) {
        MagicRegistry registry = new MagicRegistry();
        StandardMagics.addTo(registry, session);
        LabMagics.addTo(registry, session);
        return registry;
    }

    /** Adds or replaces (same name) a magic and tells the listeners. */
    public MagicRegistry add(Magic magic) {
        if (!magic.name().matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("magic name must be a Java identifier: '" + magic.name() + "'");
        }
        synchronized (magics) {
            magics.put(magic.name(), magic);
        }
        for (Consumer<Magic> listener : listeners) {
            listener.accept(magic);
        }
        return this;
    }

    public Optional<Magic> get(String name) {
        synchronized (magics) {
            return Optional.ofNullable(magics.get(name));
        }
    }

    /** All magics, sorted by name. */
    public List<Magic> all() {
        synchronized (magics) {
            return new ArrayList<>(magics.values());
        }
    }

    /** Runs a magic by name; an unknown name is a {@link MagicException} listing the known ones. */
    public Object run(String name, List<String> args) throws Exception {
        Magic magic = get(name).orElseThrow(() -> new MagicException(
                "unknown magic %" + name + "; known: " + String.join(", ", names())));
        return magic.run(args);
    }

    private List<String> names() {
        List<String> names = new ArrayList<>();
        for (Magic m : all()) {
            names.add("%" + m.name());
        }
        return names;
    }

    /** Calls {@code listener} with every magic added from now on (not with those already here). */
    public void onAdd(Consumer<Magic> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<Magic> listener) {
        listeners.remove(listener);
    }
}
