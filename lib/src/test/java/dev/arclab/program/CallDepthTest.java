package dev.arclab.program;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arclab.dsl.Fuel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Issue 15 item 7: how deep built functions may nest is a bound counted like fuel, so a deep program
 * has the same outcome at any thread stack size. Each case runs in child JVMs at a small and a large
 * stack: before the bound, a 4,000-deep compose chain was {@code ok} at the default stack and an error
 * (StackOverflowError) at 256k.
 */
class CallDepthTest {

    private static List<String> runChild(String xss, String... lengths) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xss" + xss, "-Xmx256m", "-cp", System.getProperty("java.class.path"), DeepProgramChild.class.getName()));
        cmd.addAll(List.of(lengths));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "child ended");
        assertEquals(0, p.exitValue(), out);
        return out.lines().toList();
    }

    @Test
    void aDeepComposeChainHasTheSameOutcomeAtAnyStackSize() throws Exception {
        String[] lengths = {"150", Integer.toString(Fuel.MAX_DEPTH), Integer.toString(Fuel.MAX_DEPTH + 1), "4000"};
        List<String> small = runChild("256k", lengths);
        List<String> large = runChild("16m", lengths);
        assertEquals(small, large);
        assertEquals(4, small.size(), small.toString());
        assertTrue(small.get(0).startsWith("150 OK"), small.get(0));
        assertTrue(small.get(1).startsWith(Fuel.MAX_DEPTH + " OK"), small.get(1));
        String over = (Fuel.MAX_DEPTH + 1) + " ERROR x" + (Fuel.MAX_DEPTH + 1) + " RecursionError";
        assertTrue(small.get(2).startsWith(over), small.get(2));
        assertTrue(small.get(3).startsWith("4000 ERROR x" + (Fuel.MAX_DEPTH + 1) + " RecursionError"), small.get(3));
    }
}
