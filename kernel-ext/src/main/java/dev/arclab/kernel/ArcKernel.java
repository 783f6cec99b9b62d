package dev.arclab.kernel;

import dev.arclab.kernel.CellException.CellInterruptedException;
import dev.arclab.kernel.CellException.CompilationException;
import dev.arclab.kernel.CellException.EvalException;
import dev.arclab.kernel.CellException.MagicUsageException;
import dev.arclab.magics.Cancellables;
import dev.arclab.magics.CommandMagic;
import dev.arclab.magics.Magic;
import dev.arclab.magics.StandardMagics;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Iterator;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
import org.dflib.jjava.jupyter.Extension;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.BaseKernelBuilder;
import org.dflib.jjava.jupyter.kernel.JupyterIO;
import org.dflib.jjava.jupyter.kernel.comm.CommManager;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.history.HistoryManager;
import org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry;
import org.dflib.jjava.jupyter.kernel.util.StringStyler;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.magic.MagicParser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * ARC Lab's Jupyter kernel: Java 17 through JShell, run in this JVM so that cells, magics and renderers share
 * objects.
 *
 * <ul>
 *   <li>A cell is split into JShell snippets; the value of the last one, if it is an expression, is the cell's
 *       result and is rendered by the kernel's renderer (the real object, not its string). A cell whose code
 *       ends with {@code ;} shows no result.</li>
 *   <li>Compile errors show the cell line, a caret and the compiler's message; runtime errors show the
 *       exception, its message and the frames of the user's code with cell line numbers.</li>
 *   <li>Interrupt stops the running cell, even a tight loop, and calls {@link Cancellables#cancelAll()}.</li>
 *   <li>Magics: the {@code org.dflib.jjava.jupyter.Extension}s on the class path (ARC Lab's among them) and
 *       {@code %classpath}, which adds jars and installs the extensions found in them.</li>
 *   <li>Every cell starts with {@link #DEFAULT_IMPORTS}.</li>
 * </ul>
 *
 * <p>Use {@link #builder()}, then {@link #onStartup()}, then {@link #eval(String)} (tests) or
 * {@code becomeHandlerForConnection} (Jupyter, see {@link Main}).
 */
public final class ArcKernel extends BaseKernel {
    /**
     * The imports of every cell: the same java.* packages as the jshell tool; ARC Lab's grid, task, pipeline,
     * profile (run and phase records) and report (tables, charts, pictures) packages; {@code BundledSolvers} and
     * {@code ProgramParser} (solver files); the session; and {@code display}/{@code updateDisplay}.
     */
    public static final List<String> DEFAULT_IMPORTS = List.of(
            "java.io.*",
            "java.math.*",
            "java.net.*",
            "java.nio.file.*",
            "java.util.*",
            "java.util.concurrent.*",
            "java.util.function.*",
            "java.util.prefs.*",
            "java.util.regex.*",
            "java.util.stream.*",
            "dev.arclab.dsl.Grid",
            "dev.arclab.task.*",
            "dev.arclab.pipeline.*",
            "dev.arclab.cache.ResultCache",
            "dev.arclab.cache.MemoryCache",
            "dev.arclab.profile.*",
            "dev.arclab.report.*",
            "dev.arclab.program.BundledSolvers",
            "dev.arclab.program.ProgramParser",
            "dev.arclab.lab.Session",
            "static dev.arclab.kernel.Notebook.display",
            "static dev.arclab.kernel.Notebook.updateDisplay");

    private static final String RED = "\u001B[1;31m";
    private static final String BOLD = "\u001B[1m";
    private static final String RESET = "\u001B[0m";
    private static final Pattern MAGIC_LINE = Pattern.compile("(?m)^(\\s*)(%.*)$");

    /** Where a snippet came from: the cell's execution count and the snippet's first line in it (1-based). */
    private record Location(int cell, int line) {
    }

    /** A piece of a cell that JShell takes as one snippet, and its offset in the cell. */
    record Chunk(String source, int start) {
    }

    private final SnippetLoader loader;
    private final SnippetExecutionControl control;
    private final JShell shell;
    private final SourceCodeAnalysis analysis;
    private final Map<String, Location> locations = new ConcurrentHashMap<>();
    private final Object stopLock = new Object();
    private volatile boolean running;
    private volatile boolean interrupted;
    private volatile boolean cancelledWork;
    private volatile Thread stopper;

    private ArcKernel(String name, String version, HistoryManager history, JupyterIO io, CommManager comms,
                      Renderer renderer, MagicsRegistry magics, boolean extensionsEnabled, StringStyler errorStyler,
                      List<String> compilerOptions) {
        super(name, version, languageInfo(), List.of(), history, io, comms, renderer,
                new MagicParser("(?<=(?:^|=))\\s*%", "%%", new NotebookMagicTranspiler()), magics,
                extensionsEnabled, errorStyler);
        this.loader = new SnippetLoader(ArcKernel.class.getClassLoader());
        this.control = new SnippetExecutionControl(loader);
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
        this.shell = JShell.builder()
                .executionEngine(provider, Map.of())
                .compilerOptions(compilerOptions.toArray(new String[0]))
                .build();
        this.analysis = shell.sourceCodeAnalysis();
        registerKernelMagic(new CommandMagic(() -> new Classpath(this)));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds an {@link ArcKernel}. */
    public static final class Builder extends BaseKernelBuilder<Builder, ArcKernel> {
        private final List<String> compilerOptions = new ArrayList<>();

        private Builder() {
            name("ARC Lab");
            version(StandardMagics.version());
        }

        /** Extra javac options for snippets. */
        public Builder compilerOption(String option) {
            compilerOptions.add(option);
            return this;
        }

        @Override
        public ArcKernel build() {
            return new ArcKernel(buildName(), buildVersion(), buildHistoryManager(),
                    buildJupyterIO(buildJupyterIOEncoding()), buildCommManager(), buildRenderer(), buildMagicsRegistry(),
                    buildExtensionsEnabled(), buildErrorStyler(), List.copyOf(compilerOptions));
        }
    }

    private static LanguageInfo languageInfo() {
        return new LanguageInfo.Builder("java")
                .version(Runtime.version().toString())
                .mimetype("text/x-java-source")
                .fileExtension(".jshell")
                .pygments("java")
                .codemirror("java")
                .build();
    }

    /** Registers a magic that exists only in this kernel (ARC Lab's own come through the extension). */
    private void registerKernelMagic(Magic magic) {
        magicsRegistry.registerLineMagic(magic.name(), (kernel, args) -> magic.run(args));
    }

    @Override
    public void onStartup() {
        super.onStartup();
        for (String i : DEFAULT_IMPORTS) {
            try {
                evalRaw("import " + i + ";");
            } catch (CellException e) {
                // A missing package must not keep the kernel from starting: say so in the kernel log.
                System.err.println("ARC Lab kernel: default import " + i + " failed: " + e.getMessage());
            }
        }
        // Warm up javac and the loader, so that the first cell of the user is not the slow one.
        evalRaw("int $arclabWarmUp = 1;");
        shell.variables().filter(v -> v.name().equals("$arclabWarmUp")).forEach(shell::drop);
    }

    @Override
    public void onShutdown(boolean isRestarting) {
        try {
            super.onShutdown(isRestarting);
        } finally {
            shell.close();
        }
    }

    @Override
    protected ClassLoader getClassLoader() {
        return loader.classLoader();
    }

    /** The JShell instance, for tests and tools. */
    public JShell jshell() {
        return shell;
    }

    /** Class path entries added with {@code %classpath}, in order. */
    public List<Path> addedClasspath() {
        return loader.addedPaths();
    }

    // ---------------------------------------------------------------------------------------------- evaluation

    /** Whether a cell is being evaluated now. */
    public boolean isRunning() {
        return running;
    }

    @Override
    public Object evalRaw(String code) {
        int cell = Math.max(1, executionCount.get() - 1);
        boolean quiet = endsWithSemicolon(code);
        String source = magicParser.resolveMagics(code);
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader.classLoader());
        synchronized (stopLock) {
            interrupted = false;
            cancelledWork = false;
            running = true;
        }
        try {
            List<Chunk> chunks = split(source);
            Object value = null;
            for (int i = 0; i < chunks.size(); i++) {
                checkInterrupted();
                Chunk chunk = chunks.get(i);
                List<SnippetEvent> events = shell.eval(chunk.source());
                checkInterrupted();
                value = handle(events, source, chunk, cell, i == chunks.size() - 1);
            }
            return quiet ? null : value;
        } finally {
            synchronized (stopLock) {
                running = false;
            }
            thread.setContextClassLoader(previous);
        }
    }

    private void checkInterrupted() {
        if (interrupted) {
            throw new CellInterruptedException("the cell was interrupted", List.of(RED + "Interrupted" + RESET
                    + ": the cell was stopped." + (cancelledWork
                    ? " The running work was cancelled and kept what had finished (marked partial)." : "")));
        }
    }

    /** Checks the events of one snippet, throws on errors, returns the value of the last snippet of a cell. */
    private Object handle(List<SnippetEvent> events, String cellSource, Chunk chunk, int cell, boolean last) {
        Object value = null;
        for (SnippetEvent e : events) {
            if (e.causeSnippet() != null) {
                continue;
            }
            Snippet s = e.snippet();
            locations.put(s.id(), new Location(cell, lineOf(cellSource, chunk.start())));
            if (e.status() == Snippet.Status.REJECTED) {
                throw compilationError(s, cellSource, chunk);
            }
            if (e.exception() != null) {
                throw evalError(e.exception(), cell);
            }
            if ((e.status() == Snippet.Status.RECOVERABLE_DEFINED || e.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED)
                    && s instanceof DeclarationSnippet d) {
                String missing = String.join(", ", shell.unresolvedDependencies(d).collect(Collectors.toList()));
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
            return shell.variables()
                    .filter(v -> v.name().equals(x.name()) && shell.status(v).isActive())
                    .reduce((a, b) -> b)
                    .map(this::read)
                    .orElse(null);
        }
        return null;
    }

    private Object read(VarSnippet v) {
        return control.capture(() -> shell.varValue(v));
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
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
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

    private CompilationException compilationError(Snippet s, String cellSource, Chunk chunk) {
        List<Diag> diags = shell.diagnostics(s).collect(Collectors.toList());
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
            int lineNo = lineOf(cellSource, at);
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
            String missing = String.join(", ", shell.unresolvedDependencies(d).collect(Collectors.toList()));
            String message = describe(d) + " cannot be used until " + missing + " is declared";
            return new EvalException("UnresolvedReferenceException", message,
                    List.of(RED + "Unresolved reference" + RESET + ": " + message));
        }
        jdk.jshell.EvalException e = (jdk.jshell.EvalException) ex;
        String className = e.getExceptionClassName();
        String message = e.getMessage();
        if (className.equals("dev.arclab.magics.MagicException")
                || className.equals("org.dflib.jjava.jupyter.kernel.magic.UndefinedMagicException")) {
            String text = message == null ? "wrong magic call" : message;
            if (className.endsWith("UndefinedMagicException")) {
                text = text + "; known: " + magicsRegistry.getLineMagicNames().stream().sorted()
                        .map(n -> "%" + n).collect(Collectors.joining(", "));
            }
            List<String> lines = new ArrayList<>();
            List<String> textLines = List.of(text.split("\n", -1));
            lines.add(RED + "UsageError" + RESET + ": " + textLines.get(0));
            lines.addAll(textLines.subList(1, textLines.size()));
            return new MagicUsageException(textLines.get(0), lines);
        }
        List<String> lines = new ArrayList<>();
        appendTrace(lines, e, cell, "");
        String head = message == null ? className : className + ": " + message;
        return new EvalException(className, head, lines);
    }

    private void appendTrace(List<String> lines, jdk.jshell.EvalException e, int cell, String prefix) {
        String message = e.getMessage();
        String head = message == null ? e.getExceptionClassName() : e.getExceptionClassName() + ": " + message;
        List<String> headLines = List.of(head.split("\n", -1));
        lines.add(prefix + RED + headLines.get(0) + RESET);
        lines.addAll(headLines.subList(1, headLines.size()));
        List<StackTraceElement> frames = userFrames(e.getStackTrace());
        for (StackTraceElement f : frames) {
            lines.add("    at " + frame(f, cell));
        }
        Throwable cause = e.getCause();
        if (cause instanceof jdk.jshell.EvalException c && lines.size() < 200) {
            appendTrace(lines, c, cell, "Caused by: ");
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

    @Override
    public List<String> formatError(Throwable e) {
        if (e instanceof CellException c) {
            return c.lines();
        }
        return super.formatError(e);
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
    @Override
    public void interrupt() {
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
                try {
                    shell.stop();
                } catch (RuntimeException ex) {
                    // JShell closed or not executing: nothing to stop
                }
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

    // ---------------------------------------------------------------------------------------------- completion

    /** The cell with magic lines blanked (same length), so that offsets stay right for JShell's analysis. */
    private static String withoutMagics(String code) {
        Matcher m = MAGIC_LINE.matcher(code);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(m.group(1) + ";" + " ".repeat(m.group(2).length() - 1)));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** The snippet that holds {@code at}: its source (up to the end of the snippet) and its start. */
    private Chunk chunkAt(String code, int at) {
        String masked = withoutMagics(code);
        String remaining = masked;
        int offset = 0;
        while (!remaining.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
            int used = remaining.length() - info.remaining().length();
            if (!info.completeness().isComplete() || offset + used >= at || info.remaining().isBlank()) {
                return new Chunk(remaining, offset);
            }
            offset += used;
            remaining = info.remaining();
        }
        return new Chunk(remaining, offset);
    }

    @Override
    public ReplacementOptions complete(String code, int at) {
        at = Math.max(0, Math.min(at, code.length()));
        int lineStart = code.lastIndexOf('\n', at - 1) + 1;
        String linePrefix = code.substring(lineStart, at);
        Matcher magic = Pattern.compile("^\\s*(%%?)(\\w*)$").matcher(linePrefix);
        if (magic.find()) {
            String typed = magic.group(2);
            Set<String> names = magic.group(1).equals("%%") ? magicsRegistry.getCellMagicNames()
                    : magicsRegistry.getLineMagicNames();
            List<String> matches = names.stream().filter(n -> n.startsWith(typed)).sorted().collect(Collectors.toList());
            return new ReplacementOptions(matches, at - typed.length(), at);
        }
        Chunk chunk = chunkAt(code, at);
        int rel = at - chunk.start();
        int[] anchor = new int[1];
        List<SourceCodeAnalysis.Suggestion> suggestions = analysis.completionSuggestions(chunk.source(), rel, anchor);
        Set<String> options = new LinkedHashSet<>();
        suggestions.stream().filter(SourceCodeAnalysis.Suggestion::matchesType)
                .forEach(s -> options.add(s.continuation()));
        suggestions.forEach(s -> options.add(s.continuation()));
        return new ReplacementOptions(new ArrayList<>(options), chunk.start() + anchor[0], at);
    }

    @Override
    public DisplayData inspect(String code, int at, boolean extraDetail) {
        at = Math.max(0, Math.min(at, code.length()));
        Chunk chunk = chunkAt(code, at);
        int rel = at - chunk.start();
        List<SourceCodeAnalysis.Documentation> docs = analysis.documentation(chunk.source(), rel, extraDetail);
        if (docs.isEmpty()) {
            // On a method name without its '(' JShell finds nothing: ask as if the '(' were there.
            int end = rel;
            String src = chunk.source();
            while (end < src.length() && Character.isJavaIdentifierPart(src.charAt(end))) {
                end++;
            }
            if (end > 0 && Character.isJavaIdentifierPart(src.charAt(end - 1))) {
                docs = analysis.documentation(src.substring(0, end) + "(", end + 1, extraDetail);
            }
        }
        StringBuilder sb = new StringBuilder();
        for (SourceCodeAnalysis.Documentation d : docs) {
            sb.append(d.signature()).append('\n');
            if (extraDetail && d.javadoc() != null && !d.javadoc().isBlank()) {
                sb.append(d.javadoc().strip()).append("\n\n");
            }
        }
        if (sb.length() == 0) {
            String word = identifierAt(code, at);
            if (!word.isEmpty()) {
                shell.variables().filter(v -> v.name().equals(word) && shell.status(v).isActive())
                        .reduce((a, b) -> b)
                        .ifPresent(v -> sb.append(v.typeName()).append(' ').append(v.name()).append(" = ")
                                .append(shorten(String.valueOf(read(v)))).append('\n'));
                if (sb.length() == 0) {
                    String type = analysis.analyzeType(chunk.source(), Math.min(chunk.source().length(),
                            Math.max(0, rel)));
                    if (type != null && !type.isBlank()) {
                        sb.append(word).append(" : ").append(type).append('\n');
                    }
                }
            }
        }
        if (sb.length() == 0) {
            return null;
        }
        return new DisplayData(sb.toString().stripTrailing());
    }

    private static String shorten(String s) {
        return s.length() <= 500 ? s : s.substring(0, 500) + "...";
    }

    private static String identifierAt(String code, int at) {
        int s = at;
        while (s > 0 && Character.isJavaIdentifierPart(code.charAt(s - 1))) {
            s--;
        }
        int e = at;
        while (e < code.length() && Character.isJavaIdentifierPart(code.charAt(e))) {
            e++;
        }
        return code.substring(s, e);
    }

    @Override
    public String isComplete(String code) {
        String source = magicParser.resolveMagics(code);
        String remaining = source;
        while (!remaining.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
            switch (info.completeness()) {
                case COMPLETE, COMPLETE_WITH_SEMI -> remaining = info.remaining();
                case EMPTY -> {
                    return IS_COMPLETE_YES;
                }
                case DEFINITELY_INCOMPLETE, CONSIDERED_INCOMPLETE -> {
                    return indentAfter(code);
                }
                default -> {
                    return IS_COMPLETE_BAD;
                }
            }
        }
        return IS_COMPLETE_YES;
    }

    private static String indentAfter(String code) {
        String lastLine = code.substring(code.lastIndexOf('\n') + 1);
        String indent = lastLine.substring(0, leadingSpace(lastLine));
        String t = lastLine.strip();
        return t.endsWith("{") || t.endsWith("(") ? indent + "    " : indent;
    }

    // ---------------------------------------------------------------------------------------------- %classpath

    /** Adds class path entries to the snippets' compiler and loader; returns them resolved. */
    List<Path> addToClasspath(List<String> specs) throws IOException {
        List<Path> paths = new ArrayList<>();
        for (String spec : specs) {
            paths.addAll(resolvePaths(spec));
        }
        for (Path p : paths) {
            shell.addToClasspath(p.toString());
        }
        return paths;
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

    /**
     * Installs the extensions that the snippet class loader now finds (ServiceLoader, as at startup); returns the
     * names of the new ones. A broken one is reported in {@code problems} and does not stop the others.
     */
    List<String> installNewExtensions(List<String> problems) {
        Set<String> before = Set.copyOf(extensions.keySet());
        Iterator<Extension> it = ServiceLoader.load(Extension.class, loader.classLoader()).iterator();
        while (true) {
            try {
                if (!it.hasNext()) {
                    break;
                }
                installExtension(it.next());
            } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
                problems.add(e.getMessage() + (e.getCause() != null ? " (" + e.getCause() + ")" : ""));
                if (problems.size() > 20) {
                    break;
                }
            }
        }
        List<String> added = new ArrayList<>(extensions.keySet());
        added.removeAll(before);
        added.sort(null);
        return added;
    }

    @Command(name = "classpath",
            description = "Add jars or class folders to the class path and install the kernel extensions in them.")
    static final class Classpath extends CommandMagic.Base {
        private final ArcKernel kernel;

        @Parameters(arity = "1..*", paramLabel = "PATH",
                description = "A jar, a folder of classes, or a glob of jars such as lib/*.jar.")
        List<String> paths;

        Classpath(ArcKernel kernel) {
            this.kernel = kernel;
        }

        @Override
        public Object call() throws IOException {
            List<Path> added = kernel.addToClasspath(paths);
            List<String> problems = new ArrayList<>();
            List<String> extensions = kernel.installNewExtensions(problems);
            StringBuilder sb = new StringBuilder("Added to the class path:");
            added.forEach(p -> sb.append("\n  ").append(p));
            if (!extensions.isEmpty()) {
                sb.append("\nInstalled extensions:");
                extensions.forEach(x -> sb.append("\n  ").append(x));
            }
            if (!problems.isEmpty()) {
                sb.append("\nExtensions that could not be installed:");
                problems.forEach(x -> sb.append("\n  ").append(x));
            }
            return sb.toString();
        }
    }
}
