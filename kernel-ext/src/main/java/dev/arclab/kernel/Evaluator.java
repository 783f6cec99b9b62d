package dev.arclab.kernel;

import dev.arclab.kernel.CellException.CellInterruptedException;
import dev.arclab.kernel.CellException.CompilationException;
import dev.arclab.kernel.CellException.EvalException;
import dev.arclab.kernel.CellException.MagicUsageException;
import dev.arclab.magics.Cancellables;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.Diag;
import jdk.jshell.ExpressionSnippet;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.UnresolvedReferenceException;
import jdk.jshell.VarSnippet;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * Runs cells of Java in this JVM through JShell, knowing nothing of Jupyter: the kernel ({@link ArcKernel}) speaks
 * the protocol and calls {@link #eval}.
 *
 * <ul>
 *   <li>A cell is split into JShell snippets; the value of the last one, if it is an expression, is the cell's
 *       result (the real object, not its string). A cell whose code ends with {@code ;} has no result.</li>
 *   <li>Magics ({@link MagicLines}) become calls to {@link Notebook#lineMagic}/{@link Notebook#cellMagic}; the
 *       evaluator itself runs {@code %time}, {@code %%time}, {@code %timeit}, {@code %%timeit} and {@code %load}, which
 *       need to evaluate code.</li>
 *   <li>Compile errors show the cell line, a caret and the compiler's message; runtime errors show the
 *       exception, its message and the frames of the user's code with cell line numbers.</li>
 *   <li>{@link #interrupt()} stops the running cell, even a tight loop, and calls {@link Cancellables#cancelAll()}.</li>
 *   <li>{@link #addToClasspath} adds jars and folders to the snippets' compiler and loader.</li>
 * </ul>
 */
final class Evaluator implements AutoCloseable {
    private static final String RED = "\u001B[1;31m";
    private static final String BOLD = "\u001B[1m";
    private static final String RESET = "\u001B[0m";
    private static final String NOTEBOOK = Notebook.class.getName();
    /**
     * Whether javac's class path goes through the {@link PackageIndex} ({@link IndexedFileManager}); off with
     * {@code -Darclab.kernel.indexClassPath=false} (to compare).
     */
    static final boolean INDEX_CLASS_PATH = !"false".equals(System.getProperty("arclab.kernel.indexClassPath"));

    /** Where a snippet came from: the cell's execution count and the snippet's first line in it (1-based). */
    private record Location(int cell, int line) {
    }

    /** A piece of a cell that JShell takes as one snippet, and its offset in the cell. */
    record Chunk(String source, int start) {
    }

    /** Names of the magics, for the message of an unknown one. */
    interface MagicNames {
        Set<String> line();

        Set<String> cell();
    }

    private final SnippetLoader loader;
    private final SnippetExecutionControl control;
    private final String[] compilerOptions;
    /** JShell, once {@link #start} has built it and evaluated the set-up snippets. */
    private final CompletableFuture<JShell> ready = new CompletableFuture<>();
    /** Completed once JShell is built (its class path index, or null without one), before the set-up snippets. */
    private final CompletableFuture<PackageIndex> built = new CompletableFuture<>();
    /** Cells wait for it ({@link #holdCellsUntil}); done unless the kernel's start holds them. */
    private volatile CompletableFuture<Void> setUp = CompletableFuture.completedFuture(null);
    private volatile JShell started;
    private volatile SourceCodeAnalysis analysis;
    private volatile boolean closed;
    /** A cell is waiting for {@link #start}: the warm-up is skipped, the cell's own compile warms javac up. */
    private volatile boolean cellWaiting;
    /** The thread of a magic that runs without JShell (a cell of magic lines only), while it runs. */
    private volatile Thread magicThread;
    private final MagicNames magicNames;
    private final Map<String, Location> locations = new ConcurrentHashMap<>();
    private final Object stopLock = new Object();
    private volatile boolean running;
    private volatile boolean interrupted;
    private volatile boolean cancelledWork;
    private volatile Thread stopper;

    Evaluator(ClassLoader parent, List<String> compilerOptions, MagicNames magicNames) {
        this.loader = new SnippetLoader(parent);
        this.control = new SnippetExecutionControl(loader);
        this.magicNames = magicNames;
        ExecutionControlProvider provider = new ExecutionControlProvider() {
            @Override
            public String name() {
                return "arclab-local";
            }

            @Override
            public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
                return control;
            }
        };
        this.provider = provider;
        this.compilerOptions = compilerOptions.toArray(new String[0]);
    }

    private final ExecutionControlProvider provider;

    /**
     * Builds JShell and evaluates the set-up snippets ({@code imports}: one snippet of import statements, tried one by
     * one when it does not compile, a failing one reported on stderr; then {@code warmUp}, a declaration compiled once
     * and dropped, unless a cell is already waiting), on the calling thread. Cells and completion wait for it;
     * magics in cells of magic lines only do not. Called once, by the kernel's start (on a thread of its own).
     */
    void start(List<String> imports, String warmUp) {
        try {
            JShell.Builder builder = JShell.builder()
                    .executionEngine(provider, Map.of())
                    .compilerOptions(compilerOptions);
            IndexedFileManager[] indexed = new IndexedFileManager[1];
            if (INDEX_CLASS_PATH) {
                // javac opens only the jars of the packages it looks up
                builder.fileManager(std -> indexed[0] = (IndexedFileManager) IndexedFileManager.wrap(std));
            }
            JShell s;
            try {
                s = builder.build();
            } finally {
                built.complete(indexed[0] == null ? null : indexed[0].index());
            }
            StartupLog.mark("JShell built");
            String all = imports.stream().map(i -> "import " + i + ";").collect(Collectors.joining(" "));
            if (rejected(s.eval(all))) {
                for (String i : imports) {
                    if (rejected(s.eval("import " + i + ";"))) {
                        // A missing package must not keep the kernel from starting: say so in the kernel log.
                        System.err.println("ARC Lab kernel: default import " + i + " failed");
                    }
                }
            }
            StartupLog.mark("default imports compiled");
            if (warmUp != null && !cellWaiting) {
                for (SnippetEvent e : s.eval(warmUp)) {
                    if (e.snippet() instanceof VarSnippet v && e.causeSnippet() == null) {
                        s.drop(v);
                    }
                }
                StartupLog.mark("javac warmed up");
            }
            analysis = s.sourceCodeAnalysis();
            started = s;
            if (closed) {
                s.close();
            }
            ready.complete(s);
        } catch (RuntimeException | Error e) {
            ready.completeExceptionally(e);
            throw e;
        }
    }

    private static boolean rejected(List<SnippetEvent> events) {
        return events.isEmpty() || events.stream().anyMatch(e -> e.status() == Snippet.Status.REJECTED);
    }

    /** JShell; waits for {@link #start} (a cell waiting for it ends when it is interrupted). */
    JShell shell() {
        JShell s = started;
        if (s != null) {
            return s;
        }
        cellWaiting = true;
        while (true) {
            try {
                return ready.get(20, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                if (running) {
                    checkInterrupted();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while JShell was starting", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("JShell could not start: " + e.getCause(), e.getCause());
            }
        }
    }

    /**
     * Waits until {@link #start} has built JShell (read {@code java.class.path}, made the class path index), or failed;
     * returns the index (null without one).
     */
    PackageIndex awaitBuilt() {
        return built.handle((index, failure) -> index).join();
    }

    /**
     * Makes every cell (of Java or of magics) wait, interruptibly, until {@code done} completes: the kernel's start holds
     * them while {@link TablesawStart} has {@code java.class.path} narrowed, so that no cell sees it so.
     */
    void holdCellsUntil(CompletableFuture<Void> done) {
        setUp = done;
    }

    /** Waits until the cells are no longer held ({@link #holdCellsUntil}); not interruptible (tests). */
    void awaitSetUp() {
        setUp.handle((v, failure) -> v).join();
    }

    /** Whether {@link #start} has built JShell (without waiting). */
    boolean started() {
        return started != null;
    }

    /** Waits until {@link #start} is done (or failed), without counting as a waiting cell. */
    void awaitStart() {
        ready.handle((shell, failure) -> shell).join();
    }

    SourceCodeAnalysis analysis() {
        SourceCodeAnalysis a = analysis;
        if (a == null) {
            shell();
            a = analysis;
        }
        return a;
    }

    /** The names the session imports (not static ones): {@code java.util.*}, {@code dev.arclab.lab.Session}, ... */
    List<String> importedNames() {
        JShell s = shell();
        List<String> names = new ArrayList<>();
        s.imports().filter(i -> s.status(i).isActive()).forEach(i -> {
            // the default imports are one snippet of many import statements
            for (String statement : i.source().split(";")) {
                String t = statement.strip();
                if (t.startsWith("import ") && !t.startsWith("import static ")) {
                    names.add(t.substring("import ".length()).strip());
                }
            }
        });
        return names;
    }

    ClassLoader classLoader() {
        return loader.classLoader();
    }

    List<Path> addedPaths() {
        return loader.addedPaths();
    }

    @Override
    public void close() {
        closed = true;
        JShell s = started;
        if (s != null) {
            s.close();
        }
    }

    // ---------------------------------------------------------------------------------------------- evaluation

    /** Whether a cell is being evaluated now. */
    boolean isRunning() {
        return running;
    }

    /**
     * Evaluates a cell; returns its result (null for none). {@code cell} is its execution count, used in error
     * locations. Throws a {@link CellException} when the cell does not compile, throws, or is interrupted.
     */
    Object eval(String code, int cell) {
        return eval(code, cell, false);
    }

    /**
     * As {@link #eval(String, int)}; {@code interruptedAlready}: the stop button was pressed for this cell after its
     * request came but before it began, so it is stopped as soon as it starts (JShell's stop is repeated until then).
     */
    Object eval(String code, int cell, boolean interruptedAlready) {
        boolean quiet = endsWithSemicolon(code);
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader.classLoader());
        synchronized (stopLock) {
            interrupted = false;
            cancelledWork = false;
            running = true;
        }
        if (interruptedAlready) {
            interrupt();
        }
        try {
            waitForSetUp();
            Object value = evalCell(code, cell);
            return quiet ? null : value;
        } finally {
            synchronized (stopLock) {
                running = false;
            }
            thread.setContextClassLoader(previous);
        }
    }

    /** Waits until the kernel's start lets cells run ({@link #holdCellsUntil}); the stop button ends the wait. */
    private void waitForSetUp() {
        CompletableFuture<Void> f = setUp;
        while (!f.isDone()) {
            try {
                f.get(20, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                checkInterrupted();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the kernel was starting", e);
            } catch (ExecutionException e) {
                return; // the set-up failed: cells run as they are
            }
        }
    }

    private Object evalCell(String code, int cell) {
        MagicLines.CellMagic cellMagic = MagicLines.cellMagic(code);
        if (cellMagic != null) {
            switch (cellMagic.name()) {
                case "time":
                    return timed(() -> evalText(cellMagic.body(), cell, 1));
                case "timeit":
                    return timeit(cellMagic.args(), cellMagic.body(), true, cell);
                default:
                    if (!magicNames.cell().contains(cellMagic.name())) {
                        throw unknownMagic("%%" + cellMagic.name(), magicNames.cell(), "%%");
                    }
                    return runMagic(() -> Notebook.cellMagic(cellMagic.name(), cellMagic.args(), cellMagic.body()), cell);
            }
        }
        return evalText(code, cell, 0);
    }

    /**
     * Evaluates text that may hold line magics. {@code lineBase} is the number of cell lines above the text (for line
     * numbers). The magics that evaluate code ({@code %time}, {@code %timeit}, {@code %load}) split the
     * text: the Java before each runs first.
     */
    private Object evalText(String text, int cell, int lineBase) {
        StringBuilder java = new StringBuilder();
        int from = 0;
        int javaStart = 0;
        Object value = null;
        boolean any = false;
        List<MagicLines.LineMagic> magics = MagicLines.lineMagics(text);
        boolean magicsOnly = magicsOnly(text, magics);
        for (MagicLines.LineMagic m : magics) {
            String name = m.name();
            boolean evaluating = !m.assigned() && (name.equals("time") || name.equals("timeit") || name.equals("load"));
            if (magicsOnly && !evaluating) {
                value = runMagic(() -> Notebook.lineMagic(name, m.args()), cell);
                any = true;
                from = m.end();
                javaStart = m.end();
                continue;
            }
            if (!evaluating) {
                java.append(text, from, m.start()).append(NOTEBOOK).append(".lineMagic(").append(literal(name))
                        .append(",java.util.List.of(")
                        .append(m.args().stream().map(Evaluator::literal).collect(Collectors.joining(",")))
                        .append("));");
                from = m.end();
                continue;
            }
            java.append(text, from, m.start());
            if (!java.toString().isBlank()) {
                value = evalJava(java.toString(), cell, lineBase + lineOf(text, javaStart) - 1);
            }
            checkInterrupted();
            String rest = text.substring(m.start() + 1 + name.length(), m.end());
            value = switch (name) {
                case "time" -> timed(() -> evalText(MagicLines.stripEnd(rest), cell, lineBase + lineOf(text, m.start()) - 1));
                case "timeit" -> timeit(m.args(), MagicLines.stripEnd(rest), false, cell);
                default -> load(m.args(), cell);
            };
            any = true;
            java.setLength(0);
            from = m.end();
            javaStart = m.end();
        }
        if (magicsOnly) {
            return value; // the rest is white space and comments
        }
        java.append(text, from, text.length());
        if (!java.toString().isBlank() || !any) {
            Object last = evalJava(java.toString(), cell, lineBase + lineOf(text, javaStart) - 1);
            if (!java.toString().isBlank()) {
                value = last;
            }
        }
        return value;
    }

    /**
     * Whether the text is line magics only (and white space and comments), none of them after {@code =}: then they run
     * one after the other without JShell ({@link #runMagic}), so a magic does not wait for JShell to start, nor for a
     * snippet to compile. A magic inside Java (a loop, a block) is compiled with it.
     */
    private static boolean magicsOnly(String text, List<MagicLines.LineMagic> magics) {
        if (magics.isEmpty()) {
            return false;
        }
        int from = 0;
        for (MagicLines.LineMagic m : magics) {
            if (m.assigned() || codeStart(text.substring(from, m.start())) < m.start() - from) {
                return false;
            }
            from = m.end();
        }
        String rest = text.substring(from);
        return codeStart(rest) == rest.length();
    }

    /**
     * Runs a magic on a thread of its own (as JShell runs a snippet; {@link #interrupt()} stops it the same way), the
     * cell's thread waiting for it; its value is the cell's value, and what it throws is shown as the same call in a
     * snippet would show it.
     */
    private Object runMagic(java.util.concurrent.Callable<Object> magic, int cell) {
        checkInterrupted();
        Object[] result = new Object[1];
        Throwable[] failure = new Throwable[1];
        Thread t = new Thread(() -> {
            try {
                result[0] = magic.call();
            } catch (Throwable e) {
                failure[0] = e;
            }
        }, "arclab-magic");
        t.setDaemon(true);
        t.setContextClassLoader(loader.classLoader());
        magicThread = t;
        t.start();
        boolean waitInterrupted = false;
        while (true) {
            try {
                t.join();
                break;
            } catch (InterruptedException e) {
                waitInterrupted = true;
            }
        }
        magicThread = null;
        if (waitInterrupted) {
            Thread.currentThread().interrupt();
        }
        checkInterrupted();
        Throwable e = failure[0];
        if (e == null) {
            return result[0];
        }
        if (e instanceof CellException c) {
            throw c;
        }
        String className = e.getClass().getName();
        if (isMagicUsage(className)) {
            throw magicUsage(className, e.getMessage());
        }
        List<String> lines = new ArrayList<>();
        appendTrace(lines, e, cell, "");
        String message = e.getMessage();
        throw new EvalException(className, message == null ? className : className + ": " + message, lines);
    }

    /** Evaluates magic-free Java, snippet by snippet; {@code lineBase} is the number of cell lines above it. */
    private Object evalJava(String source, int cell, int lineBase) {
        List<Chunk> chunks = split(source);
        Object value = null;
        for (int i = 0; i < chunks.size(); i++) {
            checkInterrupted();
            Chunk chunk = chunks.get(i);
            List<SnippetEvent> events = shell().eval(chunk.source());
            checkInterrupted();
            value = handle(events, source, chunk, cell, i == chunks.size() - 1, lineBase);
        }
        return value;
    }

    /** Runs {@code body}, then prints its wall time and the CPU time of the whole process (all threads). */
    private static Object timed(Supplier<Object> body) {
        Timing.Clock clock = Timing.start();
        try {
            return body.get();
        } finally {
            System.out.println(clock.stop());
        }
    }

    /**
     * {@code %timeit [-n N] [-r R] CODE} and {@code %%timeit}: the code becomes the body of a lambda, compiled once,
     * and {@link Timing#timeit} calls it R times N times.
     */
    private Object timeit(List<String> args, String code, boolean cellBody, int cell) {
        int loops = 0;
        int runs = 7;
        int i = 0;
        List<String> words = new ArrayList<>(args);
        while (i < words.size() && words.get(i).startsWith("-") && words.get(i).length() == 2 && i + 1 < words.size()) {
            String opt = words.get(i);
            int v;
            try {
                v = Integer.parseInt(words.get(i + 1));
            } catch (NumberFormatException e) {
                throw usage("%timeit: " + opt + " needs a whole number, not '" + words.get(i + 1) + "'");
            }
            if (v < 1) {
                throw usage("%timeit: " + opt + " must be at least 1");
            }
            switch (opt) {
                case "-n" -> loops = v;
                case "-r" -> runs = v;
                default -> throw usage("%timeit: unknown option " + opt + " (-n LOOPS, -r RUNS)");
            }
            i += 2;
        }
        String body;
        if (cellBody) {
            body = code;
        } else {
            // the options were split off the same text: the code is what follows them
            String rest = code.strip();
            for (int k = 0; k < i; k++) {
                rest = rest.substring(rest.indexOf(words.get(k)) + words.get(k).length()).strip();
            }
            body = rest;
        }
        if (body.isBlank()) {
            throw usage("%timeit: nothing to time. Usage: %timeit [-n LOOPS] [-r RUNS] CODE, or a cell that starts"
                    + " with %%timeit [-n LOOPS] [-r RUNS]");
        }
        String call = "dev.arclab.kernel.Timing.timeit(" + loops + ", " + runs + ", ";
        if (!cellBody) {
            String asValue = call + "() -> { return (" + body + "); });";
            List<SnippetEvent> events = shell().eval(asValue);
            if (events.stream().noneMatch(e -> e.status() == Snippet.Status.REJECTED)) {
                checkInterrupted();
                return handle(events, asValue, new Chunk(asValue, 0), cell, true, 0);
            }
        }
        String asBlock = call + "() -> {\n" + body + (cellBody ? "" : ";") + "\nreturn null; });";
        return evalJava(asBlock, cell, 0);
    }

    /** {@code %load FILE}: evaluates a {@code .jshell} or {@code .java} file's snippets here, as if typed in the cell. */
    private Object load(List<String> args, int cell) {
        if (args.size() != 1) {
            throw usage("%load: give one file: %load FILE (a .jshell or .java file of snippets)");
        }
        Path file = Path.of(args.get(0)).toAbsolutePath().normalize();
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw usage("%load: cannot read " + file + ": " + (Files.exists(file) ? e.getMessage() : "no such file"));
        }
        return evalText(text, cell, 0);
    }

    private MagicUsageException usage(String message) {
        List<String> lines = List.of(message.split("\n", -1));
        List<String> shown = new ArrayList<>();
        shown.add(RED + "UsageError" + RESET + ": " + lines.get(0));
        shown.addAll(lines.subList(1, lines.size()));
        return new MagicUsageException(lines.get(0), shown);
    }

    private MagicUsageException unknownMagic(String call, Set<String> known, String prefix) {
        return usage("Undefined " + (prefix.equals("%%") ? "cell" : "line") + " magic " + call + "; known: "
                + known.stream().sorted().map(n -> prefix + n).collect(Collectors.joining(", ")));
    }

    static String literal(String s) {
        return "new String(java.util.Base64.getDecoder().decode(\""
                + Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8))
                + "\"),java.nio.charset.StandardCharsets.UTF_8)";
    }

    private void checkInterrupted() {
        if (interrupted) {
            throw new CellInterruptedException("the cell was interrupted", List.of(RED + "Interrupted" + RESET
                    + ": the cell was stopped." + (cancelledWork
                    ? " The running work was cancelled and kept what had finished (marked partial)." : "")));
        }
    }

    /** Checks the events of one snippet, throws on errors, returns the value of the last snippet of a cell. */
    private Object handle(List<SnippetEvent> events, String cellSource, Chunk chunk, int cell, boolean last, int lineBase) {
        Object value = null;
                for (SnippetEvent e : events) {
            if (e.causeSnippet() != null) {
                continue;
            }
            Snippet s = e.snippet();
            locations.put(s.id(), new Location(cell, lineOf(cellSource, chunk.start()) + lineBase));
            if (e.status() == Snippet.Status.REJECTED) {
                throw compilationError(s, cellSource, chunk, lineBase);
            }
            if (e.exception() != null) {
                throw evalError(e.exception(), cell);
            }
            if ((e.status() == Snippet.Status.RECOVERABLE_DEFINED || e.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED)
                    && s instanceof DeclarationSnippet d) {
                String missing = String.join(", ", shell().unresolvedDependencies(d).collect(Collectors.toList()));
                System.err.println("Note: " + describe(d) + (e.status() == Snippet.Status.RECOVERABLE_DEFINED
                        ? " was created, but cannot be used until " + missing + " is declared"
                        : " cannot be used until " + missing + " is declared"));
            }
            if (last) {
                value = valueOf(s);
            }
        }
        return value;
    }

    private Object valueOf(Snippet s) {
        if (s instanceof VarSnippet v && v.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND) {
            return read(v);
        }
        if (s instanceof ExpressionSnippet x) {
            return shell().variables()
                    .filter(v -> v.name().equals(x.name()) && shell().status(v).isActive())
                    .reduce((a, b) -> b)
                    .map(this::read)
                    .orElse(null);
        }
        return null;
    }

    Object read(VarSnippet v) {
        return control.capture(() -> shell().varValue(v));
    }

    /** True if the code, without trailing comments, ends with ';' (as in IPython, that hides the result). */
    static boolean endsWithSemicolon(String code) {
        String s = code.stripTrailing();
        while (true) {
            String before = s;
            if (s.endsWith("*/")) {
                int open = s.lastIndexOf("/*", s.length() - 2);
                if (open >= 0) {
                    s = s.substring(0, open).stripTrailing();
                }
            } else {
                int lineStart = s.lastIndexOf('\n') + 1;
                int comment = lineCommentStart(s, lineStart);
                if (comment >= 0) {
                    s = s.substring(0, comment).stripTrailing();
                }
            }
            if (s.equals(before)) {
                return s.endsWith(";");
            }
        }
    }

    /** Where a {@code //} comment starts in the line from {@code from}, outside string and char literals; or -1. */
    private static int lineCommentStart(String s, int from) {
        char quote = 0;
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '/' && i + 1 < s.length() && s.charAt(i + 1) == '/') {
                return i;
            }
        }
        return -1;
    }

    /** Splits (magic-free) cell source into snippets. */
    List<Chunk> split(String source) {
        List<Chunk> chunks = new ArrayList<>();
        String remaining = source;
        int offset = 0;
        while (!remaining.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = analysis().analyzeCompletion(remaining);
            SourceCodeAnalysis.Completeness c = info.completeness();
            if (c == SourceCodeAnalysis.Completeness.EMPTY) {
                break;
            }
            if (!c.isComplete()) {
                // Let JShell report what is wrong with the rest.
                addIfCode(chunks, trimmed(remaining, offset));
                break;
            }
            String rest = info.remaining();
            // The source is the start of what remains, give or take leading white space and an added ';'.
            int start = offset + leadingSpace(remaining) - leadingSpace(info.source());
            addIfCode(chunks, trimmed(info.source(), Math.max(offset, start)));
            offset += remaining.length() - rest.length();
            remaining = rest;
        }
        return chunks;
    }

    /**
     * Without leading white space and comments: JShell counts the line numbers of runtime errors from the first
     * line of code, and with leading blank lines it reports wrong ones.
     */
    private static Chunk trimmed(String source, int start) {
        int skip = codeStart(source);
        return new Chunk(source.substring(skip), start + skip);
    }

    private static void addIfCode(List<Chunk> chunks, Chunk chunk) {
        if (!chunk.source().isBlank()) {
            chunks.add(chunk);
        }
    }

    private static int leadingSpace(String s) {
        int i = 0;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Where the code of a snippet starts, after white space and comments (JShell counts runtime lines from there). */
    static int codeStart(String source) {
        int i = 0;
        int n = source.length();
        while (i < n) {
            char ch = source.charAt(i);
            if (Character.isWhitespace(ch)) {
                i++;
            } else if (source.startsWith("//", i)) {
                int nl = source.indexOf('\n', i);
                i = nl < 0 ? n : nl + 1;
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else {
                break;
            }
        }
        return Math.min(i, n);
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < Math.min(offset, text.length()); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }


    // ---------------------------------------------------------------------------------------------- errors

    private CompilationException compilationError(Snippet s, String cellSource, Chunk chunk, int lineBase) {
        List<Diag> diags = shell().diagnostics(s).collect(Collectors.toList());
        List<Diag> errors = diags.stream().filter(Diag::isError).collect(Collectors.toList());
        if (errors.isEmpty()) {
            errors = diags;
        }
        List<String> lines = new ArrayList<>();
        String first = null;
        for (Diag d : errors) {
            String message = d.getMessage(Locale.ROOT);
            if (first == null) {
                first = message;
            }
            long pos = d.getStartPosition() >= 0 ? d.getStartPosition() : d.getPosition();
            if (pos < 0) {
                lines.add(RED + "Compilation error" + RESET + ": " + message);
                continue;
            }
            int at = (int) Math.min(chunk.start() + pos, cellSource.length());
            int lineNo = lineOf(cellSource, at) + lineBase;
            int lineStart = cellSource.lastIndexOf('\n', at - 1) + 1;
            int lineEnd = cellSource.indexOf('\n', at);
            if (lineEnd < 0) {
                lineEnd = cellSource.length();
            }
            String text = cellSource.substring(lineStart, lineEnd);
            int col = at - lineStart;
            long endPos = d.getEndPosition() >= 0 ? d.getEndPosition() : pos + 1;
            int width = (int) Math.max(1, Math.min(endPos - pos, lineEnd - at));
            lines.add(RED + "Compilation error" + RESET + " in line " + lineNo + ": " + message);
            lines.add("    " + text);
            lines.add("    " + " ".repeat(Math.max(0, col)) + RED + "^".repeat(width) + RESET);
        }
        if (first == null) {
            first = "the code does not compile";
            lines.add(RED + "Compilation error" + RESET + ": " + first);
        }
        return new CompilationException(first, lines);
    }

    private CellException evalError(JShellException ex, int cell) {
        if (ex instanceof UnresolvedReferenceException u) {
            DeclarationSnippet d = u.getSnippet();
            String missing = String.join(", ", shell().unresolvedDependencies(d).collect(Collectors.toList()));
            String message = describe(d) + " cannot be used until " + missing + " is declared";
            return new EvalException("UnresolvedReferenceException", message,
                    List.of(RED + "Unresolved reference" + RESET + ": " + message));
        }
        jdk.jshell.EvalException e = (jdk.jshell.EvalException) ex;
        String className = e.getExceptionClassName();
        String message = e.getMessage();
        if (isMagicUsage(className)) {
            return magicUsage(className, message);
        }
        List<String> lines = new ArrayList<>();
        appendTrace(lines, e, cell, "");
        String head = message == null ? className : className + ": " + message;
        return new EvalException(className, head, lines);
    }

    private static boolean isMagicUsage(String className) {
        return className.equals("dev.arclab.magics.MagicException")
                || className.equals("org.dflib.jjava.jupyter.kernel.magic.UndefinedMagicException");
    }

    /** A wrong magic call (or an unknown magic) as a usage error: its message, no stack trace. */
    private MagicUsageException magicUsage(String className, String message) {
        {
            String text = message == null ? "wrong magic call" : message;
            if (className.endsWith("UndefinedMagicException")) {
                text = text + "; known: " + magicNames.line().stream().sorted()
                        .map(n -> "%" + n).collect(Collectors.joining(", "));
            }
            List<String> lines = new ArrayList<>();
            List<String> textLines = List.of(text.split("\n", -1));
            lines.add(RED + "UsageError" + RESET + ": " + textLines.get(0));
            lines.addAll(textLines.subList(1, textLines.size()));
            return new MagicUsageException(textLines.get(0), lines);
        }
    }

    /** The exception's lines: class and message, the user's frames, then its causes the same way. */
    private void appendTrace(List<String> lines, Throwable e, int cell, String prefix) {
        String message = e.getMessage();
        String className = e instanceof jdk.jshell.EvalException x ? x.getExceptionClassName() : e.getClass().getName();
        String head = message == null ? className : className + ": " + message;
        List<String> headLines = List.of(head.split("\n", -1));
        lines.add(prefix + RED + headLines.get(0) + RESET);
        lines.addAll(headLines.subList(1, headLines.size()));
        List<StackTraceElement> frames = userFrames(e.getStackTrace());
        for (StackTraceElement f : frames) {
            lines.add("    at " + frame(f, cell));
        }
        Throwable cause = e.getCause();
        if (cause != null && cause != e && lines.size() < 200) {
            appendTrace(lines, cause, cell, "Caused by: ");
        }
    }

    /** The frames worth showing: no kernel, JShell or reflection frames, nothing below the user's code. */
    private static List<StackTraceElement> userFrames(StackTraceElement[] trace) {
        List<StackTraceElement> kept = new ArrayList<>();
        int lastSnippet = -1;
        for (StackTraceElement f : trace) {
            String c = f.getClassName();
            if (c.startsWith("jdk.internal.reflect.") || c.startsWith("java.lang.reflect.") || c.startsWith("jdk.jshell.")
                    || c.startsWith("org.dflib.jjava.") || c.startsWith("dev.arclab.kernel.")
                    || c.startsWith("java.lang.Thread")) {
                continue;
            }
            kept.add(f);
            if (isSnippetFrame(f)) {
                lastSnippet = kept.size() - 1;
            }
        }
        return lastSnippet >= 0 ? kept.subList(0, lastSnippet + 1) : kept.subList(0, Math.min(kept.size(), 30));
    }

    private static boolean isSnippetFrame(StackTraceElement f) {
        return f.getFileName() != null && f.getFileName().startsWith("#");
    }

    private String frame(StackTraceElement f, int cell) {
        if (!isSnippetFrame(f)) {
            return f.toString();
        }
        Location loc = locations.get(f.getFileName().substring(1));
        String where;
        if (loc == null) {
            where = "snippet " + f.getFileName() + ", line " + f.getLineNumber();
        } else {
            int line = loc.line() + Math.max(f.getLineNumber(), 1) - 1;
            where = (loc.cell() == cell ? "" : "cell [" + loc.cell() + "], ") + "line " + line;
        }
        String owner = f.getClassName().replaceFirst("^REPL\\.\\$JShell\\$\\d+[A-Z]?\\$?", "").replace('$', '.');
        String method = f.getMethodName();
        if (method.isEmpty() || method.equals("do_it$")) {
            return where;
        }
        String name = owner.isEmpty() ? method : owner + "." + method;
        return BOLD + name + RESET + " (" + where + ")";
    }

    private static String describe(DeclarationSnippet d) {
        String kind;
        switch (d.kind()) {
            case METHOD -> kind = "method";
            case VAR -> kind = "variable";
            case TYPE_DECL -> kind = "class";
            default -> kind = d.kind().name().toLowerCase(Locale.ROOT);
        }
        return kind + " " + d.name();
    }


    // ---------------------------------------------------------------------------------------------- interrupt

    /** How long a cell with registered {@link Cancellables} may take to end on its own after they were cancelled. */
    static final long CANCEL_GRACE_NANOS = 1_500_000_000L;

    /**
     * Stops the running cell: calls {@link Cancellables#cancelAll()}; when something was registered (a running
     * phase), gives the cell up to {@link #CANCEL_GRACE_NANOS} to end on its own, so that the phase returns and keeps
     * what finished; then JShell's stop (which ends even a tight loop), repeated every 100 ms while the cell has not
     * ended (an interrupt that arrives while the snippet is still compiling would otherwise be lost). Called on the
     * kernel's control thread.
     */
    void interrupt() {
        synchronized (stopLock) {
            interrupted = true;
            if (!running) {
                return;
            }
        }
        boolean graceful = Cancellables.cancelAll() > 0;
        if (graceful) {
            cancelledWork = true;
        }
        if (stopper != null && stopper.isAlive()) {
            return;
        }
        Thread t = new Thread(() -> {
            long graceEnd = System.nanoTime() + (graceful ? CANCEL_GRACE_NANOS : 0);
            while (graceful && running && interrupted && System.nanoTime() < graceEnd) {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException ie) {
                    return;
                }
            }
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (running && interrupted && System.nanoTime() < deadline) {
                JShell s = started;
                if (s != null) {
                    try {
                        s.stop();
                    } catch (RuntimeException ex) {
                        // JShell closed or not executing: nothing to stop
                    }
                }
                stopMagicThread();
                try {
                    Thread.sleep(100);
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }, "arclab-cell-stopper");
        t.setDaemon(true);
        stopper = t;
        t.start();
    }

    /** Stops the thread of a magic running without JShell (as JShell's own stop does with a snippet's thread). */
    @SuppressWarnings({"deprecation", "removal"})
    private void stopMagicThread() {
        Thread m = magicThread;
        if (m == null) {
            return;
        }
        m.interrupt();
        try {
            m.stop();
        } catch (UnsupportedOperationException ex) {
            // Java 20 and later: the interrupt is all there is
        }
    }

    // ---------------------------------------------------------------------------------------------- class path

    /** Adds class path entries (jars, folders, globs such as lib/*.jar) to the snippets' compiler and loader. */
    List<Path> addToClasspath(List<String> specs) throws IOException {
        List<Path> paths = new ArrayList<>();
        for (String spec : specs) {
            paths.addAll(resolvePaths(spec));
        }
        addPaths(paths);
        return paths;
    }

    /** Adds resolved jars or folders to the snippets' compiler and loader. */
    void addPaths(List<Path> paths) {
        for (Path p : paths) {
            shell().addToClasspath(p.toString());
        }
    }


    private static List<Path> resolvePaths(String spec) throws IOException {
        String s = spec.startsWith("~/") ? System.getProperty("user.home") + spec.substring(1) : spec;
        Path path = Path.of(s);
        String last = path.getFileName() == null ? "" : path.getFileName().toString();
        if (last.contains("*") || last.contains("?") || last.contains("[")) {
            Path dir = path.getParent() == null ? Path.of(".") : path.getParent();
            if (!Files.isDirectory(dir)) {
                throw new IllegalArgumentException("no such folder: " + dir.toAbsolutePath().normalize());
            }
            List<Path> found = new ArrayList<>();
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, last)) {
                ds.forEach(p -> found.add(p.toAbsolutePath().normalize()));
            }
            if (found.isEmpty()) {
                throw new IllegalArgumentException("nothing matches " + spec);
            }
            found.sort(null);
            return found;
        }
        Path abs = path.toAbsolutePath().normalize();
        if (!Files.exists(abs)) {
            throw new IllegalArgumentException("no such file or folder: " + abs);
        }
        if (Files.isRegularFile(abs) && !abs.toString().endsWith(".jar") && !abs.toString().endsWith(".zip")) {
            throw new IllegalArgumentException("not a jar or a folder: " + abs);
        }
        return List.of(abs);
    }
}
