package dev.arclab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arclab.kernel.CellException.MagicUsageException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code %maven} against a Maven repository made here (a file:// URL, Maven Central removed, so nothing leaves the
 * machine): the artifact and its dependency land in the cache folder and their classes are usable in the next cell.
 */
class MavenMagicTest {
    private static KernelHarness h;

    @BeforeAll
    static void start() {
        h = new KernelHarness();
    }

    @AfterAll
    static void stop() {
        h.close();
    }

    /** Writes GROUP/ARTIFACT/VERSION/ARTIFACT-VERSION.{jar,pom} into {@code repo}. */
    private static void publish(Path repo, String artifact, String dependency, Path classes) throws IOException {
        Path dir = Files.createDirectories(repo.resolve("dev/test").resolve(artifact).resolve("1.0"));
        String deps = dependency == null ? "" : "<dependencies><dependency><groupId>dev.test</groupId><artifactId>"
                + dependency + "</artifactId><version>1.0</version></dependency></dependencies>";
        Files.writeString(dir.resolve(artifact + "-1.0.pom"), "<project><modelVersion>4.0.0</modelVersion><groupId>"
                + "dev.test</groupId><artifactId>" + artifact + "</artifactId><version>1.0</version>" + deps
                + "</project>");
        try (OutputStream out = Files.newOutputStream(dir.resolve(artifact + "-1.0.jar"));
             JarOutputStream jar = new JarOutputStream(out)) {
            try (var files = Files.walk(classes)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    jar.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                    jar.write(Files.readAllBytes(f));
                    jar.closeEntry();
                }
            }
        }
    }

    private static Path compile(Path dir, String name, String source) throws IOException {
        Path src = Files.createDirectories(dir.resolve("src"));
        Path file = src.resolve(name + ".java");
        Files.writeString(file, source, StandardCharsets.UTF_8);
        Path out = Files.createDirectories(dir.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertEquals(0, javac.run(null, null, null, "-d", out.toString(), "-cp", out.toString(), file.toString()));
        return out;
    }

    @Test
    void mavenFetchesAnArtifactWithItsDependencyIntoTheCacheAndCellsUseIt(@TempDir Path tmp) throws Exception {
        Path repo = tmp.resolve("repo");
        Path depClasses = compile(tmp.resolve("dep"), "Dep",
                "package tinydep; public class Dep { public static int n() { return 21; } }");
        publish(repo, "dep", null, depClasses);
        Path tinyClasses = compile(tmp.resolve("dep"), "Tiny",
                "package tiny; public class Tiny { public static int twice() { return 2 * tinydep.Dep.n(); } }");
        Files.walk(tinyClasses.resolve("tinydep")).sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        publish(repo, "tiny", "dep", tinyClasses);

        String repos = String.valueOf(h.value("%mavenRepo --remove central"));
        assertTrue(!repos.contains("central"), repos);
        repos = String.valueOf(h.value("%mavenRepo here " + repo.toUri()));
        assertTrue(repos.contains("here  " + repo.toUri()), repos);
        Path cache = tmp.resolve("cache");
        String added = String.valueOf(h.value("%maven --cache " + cache + " dev.test:tiny:1.0"));
        assertTrue(added.contains("tiny-1.0.jar") && added.contains("dep-1.0.jar"), added);
        assertTrue(Files.isRegularFile(cache.resolve("dev/test/tiny/1.0/tiny-1.0.jar")), "kept in the cache folder");
        assertEquals(42, h.value("tiny.Tiny.twice()"));

        String text = assertInstanceOf(MagicUsageException.class, h.run("%maven dev.test:missing:1.0").error()).text();
        assertTrue(text.contains("cannot resolve dev.test:missing:1.0"), text);
        text = assertInstanceOf(MagicUsageException.class, h.run("%maven nonsense").error()).text();
        assertTrue(text.contains("'nonsense' is not GROUP:ARTIFACT:VERSION"), text);
    }
}
