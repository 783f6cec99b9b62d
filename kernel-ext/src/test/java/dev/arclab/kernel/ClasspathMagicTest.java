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
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code %classpath} with a jar built here: its classes become usable and its extensions get installed. */
class ClasspathMagicTest {
    private static KernelHarness h;

    /** One folder for the whole class: the kernel keeps the added jars open until it ends. */
    @TempDir
    static Path shared;

    @BeforeAll
    static void start() {
        h = new KernelHarness();
    }

    @AfterAll
    static void stop() {
        h.close();
    }

    @Test
    void addsAJarAndInstallsItsExtension() throws Exception {
        Path tmp = Files.createDirectories(shared.resolve("a"));
        Path jar = buildJar(tmp, "demo", Files.createDirectories(tmp.resolve("build")));
        String out = (String) h.value("%classpath " + jar);
        assertTrue(out.contains("Added to the class path:\n  " + jar), out);
        assertTrue(out.contains("Installed extensions:\n  demo.HelloExtension"), out);

        assertEquals("hello world", h.value("%hello world"));
        assertEquals("hi from the jar", h.value("demo.Hello.hi()"));
        assertEquals("<i>x</i>", KernelHarness.data(h.run("new demo.Hello(\"x\")").display(), "text/html"));
        assertTrue(h.kernel.addedClasspath().contains(jar));

        // Adding it again installs nothing twice.
        out = (String) h.value("%classpath " + jar);
        assertTrue(!out.contains("Installed extensions"), out);
    }

    @Test
    void takesAFolderOfClassesAndGlobs() throws Exception {
        Path tmp = Files.createDirectories(shared.resolve("b"));
        Path classes = Files.createDirectories(tmp.resolve("classes"));
        compile(tmp, "other", classes);
        h.value("%classpath " + classes);
        assertEquals("hi from the jar", h.value("other.Hello.hi()"));

        Path jars = Files.createDirectories(tmp.resolve("jars"));
        buildJar(jars, "globbed", Files.createDirectories(tmp.resolve("b2")));
        String out = (String) h.value("%classpath " + jars + "/*.jar");
        assertTrue(out.contains("globbed.jar"), out);
        assertEquals("hi from the jar", h.value("globbed.Hello.hi()"));
    }

    @Test
    void saysWhatIsWrongWithAPath(@TempDir Path tmp) throws IOException {
        String text = assertInstanceOf(MagicUsageException.class, h.run("%classpath " + tmp.resolve("nope.jar")).error()).text();
        assertTrue(text.startsWith("UsageError: %classpath: no such file or folder: " + tmp.resolve("nope.jar")), text);
        Path txt = Files.writeString(tmp.resolve("a.txt"), "x");
        text = assertInstanceOf(MagicUsageException.class, h.run("%classpath " + txt).error()).text();
        assertTrue(text.contains("not a jar or a folder"), text);
        text = assertInstanceOf(MagicUsageException.class, h.run("%classpath").error()).text();
        assertTrue(text.contains("Missing required parameter"), text);
        text = assertInstanceOf(MagicUsageException.class, h.run("%classpath " + tmp + "/*.jar").error()).text();
        assertTrue(text.contains("nothing matches"), text);
    }

    /** Compiles package {@code pkg}: a class, an extension with a magic and a renderer. */
    static void compile(Path tmp, String pkg, Path out) throws IOException {
        Path src = Files.createDirectories(tmp.resolve("src-" + pkg).resolve(pkg));
        Files.writeString(src.resolve("Hello.java"), "package " + pkg + ";\n"
                + "public record Hello(String name) {\n"
                + "    public static String hi() { return \"hi from the jar\"; }\n"
                + "}\n");
        Files.writeString(src.resolve("HelloExtension.java"), "package " + pkg + ";\n"
                + "import org.dflib.jjava.jupyter.Extension;\n"
                + "import org.dflib.jjava.jupyter.kernel.BaseKernel;\n"
                + "public class HelloExtension implements Extension {\n"
                + "    @Override public void install(BaseKernel kernel) {\n"
                + "        kernel.getMagicsRegistry().registerLineMagic(\"hello\", (k, args) -> \"hello \" + String.join(\" \", args));\n"
                + "        kernel.getRenderer().createRegistration(Hello.class).preferring(\"text/html\")\n"
                + "            .register((h, ctx) -> ctx.renderIfRequested(org.dflib.jjava.jupyter.kernel.display.mime.MIMEType.TEXT_HTML, () -> \"<i>\" + h.name() + \"</i>\"));\n"
                + "    }\n"
                + "}\n");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int rc = javac.run(null, null, null, "-d", out.toString(), "-cp", System.getProperty("java.class.path"),
                src.resolve("Hello.java").toString(), src.resolve("HelloExtension.java").toString());
        assertEquals(0, rc, "javac failed");
        Path services = Files.createDirectories(out.resolve("META-INF/services"));
        Files.writeString(services.resolve("org.dflib.jjava.jupyter.Extension"), pkg + ".HelloExtension\n");
    }

    static Path buildJar(Path dir, String pkg, Path classes) throws IOException {
        compile(dir, pkg, classes);
        Path jar = dir.resolve(pkg + ".jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
             Stream<Path> files = Files.walk(classes)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, (OutputStream) out);
                out.closeEntry();
            }
        }
        return jar;
    }
}
