package dev.arclab.magics;

import dev.arclab.lab.Session;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The magics without any kernel. */
class StandardMagicsTest {
    private final Session session = new Session();
    private final MagicRegistry registry = MagicRegistry.standard(session);

    private Object run(String name, String... args) throws Exception {
        return registry.run(name, List.of(args));
    }

    @Test
    void sessionDefaults() {
        assertEquals(Runtime.getRuntime().availableProcessors(), session.threads());
        assertEquals(0L, session.seed());
        String env = System.getenv("ARCLAB_HOME");
        Path expected = env != null && !env.isBlank() ? Path.of(env).toAbsolutePath().normalize()
                : Path.of(System.getProperty("user.home"), ".arclab");
        assertEquals(expected, session.home());
    }

    @Test
    void threadsSeedAndHomeSetTheSession(@TempDir Path tmp) throws Exception {
        assertEquals("threads = 1", run("threads", "1"));
        assertEquals(1, session.threads());
        assertEquals("seed = 123456789012", run("seed", "123456789012"));
        assertEquals(123456789012L, session.seed());
        assertEquals("home = " + tmp + "\ncache: " + tmp.resolve("cache.db") + " (opened at first use)",
                run("home", tmp.toString()));
        assertEquals(tmp, session.home());
        run("home", "~/x/../y");
        assertEquals(Path.of(System.getProperty("user.home"), "y"), session.home());
        session.reset();
        assertEquals(0L, session.seed());
    }

    @Test
    void withoutArgumentsTheyShowTheCurrentValue() throws Exception {
        session.threads(5).seed(9);
        assertEquals("threads = 5", run("threads"));
        assertEquals("seed = 9", run("seed"));
        assertTrue(String.valueOf(run("home")).startsWith("home = " + session.home()));
    }

    @Test
    void wrongArgumentsNameTheMagicTheProblemAndTheUsage() {
        MagicException e = assertThrows(MagicException.class, () -> run("threads", "-3"));
        assertTrue(e.getMessage().startsWith("%threads: "), e.getMessage());
        assertTrue(e.getMessage().contains("Usage: %threads"), e.getMessage());
        e = assertThrows(MagicException.class, () -> run("threads", "0"));
        assertTrue(e.getMessage().startsWith("%threads: threads must be at least 1, got 0"), e.getMessage());
        e = assertThrows(MagicException.class, () -> run("seed", "x"));
        assertTrue(e.getMessage().startsWith("%seed: Invalid value for positional parameter at index 0 (S): 'x' is not a long"),
                e.getMessage());
        e = assertThrows(MagicException.class, () -> run("arclab", "--bogus"));
        assertTrue(e.getMessage().startsWith("%arclab: Unknown option: '--bogus'"), e.getMessage());
        e = assertThrows(MagicException.class, () -> run("nope"));
        assertTrue(e.getMessage().startsWith("unknown magic %nope; known: %arclab, %cache, %candidates, %compare, %config,"
                + " %home, %iterate, %library, %phase, %run, %runs, %scaling, %seed, %solvers, %submit, %task, %tasks,"
                + " %threads, %timings"), e.getMessage());
        assertEquals(Runtime.getRuntime().availableProcessors(), session.threads());
    }

    @Test
    void helpForEveryMagic() throws Exception {
        for (Magic m : registry.all()) {
            String help = String.valueOf(m.run(List.of("--help")));
            assertTrue(help.startsWith("Usage: %" + m.name() + " [-h]"), help);
            assertTrue(help.contains(m.help()), help);
            assertEquals(help, String.valueOf(m.run(List.of("-h"))));
            assertTrue(!m.help().isBlank());
        }
    }

    @Test
    void arclabListsEveryMagicWithItsHelp() throws Exception {
        String text = (String) run("arclab");
        assertTrue(text.startsWith("ARC Lab " + StandardMagics.version() + "\n"), text);
        for (Magic m : registry.all()) {
            assertTrue(text.contains("%" + m.name()) && text.contains(m.help()), m.name());
        }
        assertTrue(!StandardMagics.version().equals("dev"), "version.properties is filtered");
    }

    @Test
    void laterMagicsReachListeners() throws Exception {
        List<String> seen = new java.util.ArrayList<>();
        registry.onAdd(m -> seen.add(m.name()));
        registry.add(new Magic() {
            @Override
            public String name() {
                return "echo";
            }

            @Override
            public String help() {
                return "Echo the words.";
            }

            @Override
            public Object run(List<String> args) {
                return String.join(" ", args);
            }
        });
        assertEquals(List.of("echo"), seen);
        assertEquals("a b", run("echo", "a", "b"));
        assertThrows(IllegalArgumentException.class, () -> registry.add(new CommandMagic(Bad::new)));
    }

    @picocli.CommandLine.Command(description = "no name")
    static final class Bad extends CommandMagic.Base {
        @Override
        public Object call() {
            return null;
        }
    }
}
