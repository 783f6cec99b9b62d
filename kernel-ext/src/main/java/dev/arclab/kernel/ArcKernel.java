package dev.arclab.kernel;

import dev.arclab.magics.CommandMagic;
import dev.arclab.magics.Magic;
import dev.arclab.magics.StandardMagics;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import jdk.jshell.JShell;
import org.dflib.jjava.jupyter.Extension;
import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.channels.JupyterSocket;
import org.dflib.jjava.jupyter.channels.ShellHandler;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.BaseKernelBuilder;
import org.dflib.jjava.jupyter.kernel.JupyterIO;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.comm.CommManager;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.history.HistoryEntry;
import org.dflib.jjava.jupyter.kernel.magic.MagicParser;
import org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry;
import org.dflib.jjava.jupyter.kernel.util.StringStyler;
import org.dflib.jjava.jupyter.messages.Header;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.publish.PublishClearOutput;
import org.dflib.jjava.jupyter.messages.publish.PublishStatus;
import org.dflib.jjava.jupyter.messages.publish.PublishStream;
import org.dflib.jjava.jupyter.messages.reply.InterruptReply;
import org.dflib.jjava.jupyter.messages.reply.KernelInfoReply;
import org.dflib.jjava.jupyter.messages.request.ExecuteRequest;
import org.dflib.jjava.jupyter.messages.request.HistoryRequest;
import org.dflib.jjava.jupyter.messages.request.InterruptRequest;
import org.dflib.jjava.jupyter.messages.request.KernelInfoRequest;
import org.zeromq.ZMQ;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * ARC Lab's Jupyter kernel: the protocol side. Cells run in this JVM through the {@link Evaluator} (JShell), so
 * that cells, magics and renderers share objects; this class answers the front end's messages.
 *
 * <ul>
 *   <li>{@code execute_request}: the cell's stdout and stderr go out in batches ({@link BatchedOutput}), all of it
 *       before the reply and the idle status. After a cell fails or is interrupted, with {@code stop_on_error} (the
 *       default) the execute requests already queued come back {@code aborted} without running, so "Run All"
 *       stops.</li>
 *   <li>{@code interrupt_request}: stops the running cell (see {@link Evaluator}); an interrupt sent before the
 *       running cell's request (it arrived while idle) is ignored.</li>
 *   <li>{@code history_request}: tail, range and search over this session's inputs ({@link InputHistory}).</li>
 *   <li>Every reply carries {@code "status": "ok"} (or error/aborted).</li>
 *   <li>Magics: the {@code org.dflib.jjava.jupyter.Extension}s on the class path (ARC Lab's among them) and the
 *       kernel's own ({@code %classpath}, {@code %lsmagic}, ...).</li>
 *   <li>Every cell starts with {@link #DEFAULT_IMPORTS}.</li>
 * </ul>
 *
 * <p>Use {@link #builder()}, then {@link #onStartup()}, then {@link #evalRaw(String)} (tests) or
 * {@code becomeHandlerForConnection} (Jupyter, see {@link Main}).
 */
public final class ArcKernel extends BaseKernel {
    public static final List<String> DEFAULT_IMPORTS = List.of(
            // first: JShell keys a snippet of many imports by its first one, and a user's own import with that key
            // would replace them all; nobody imports this one again
            "static dev.arclab.kernel.Notebook.display",
            "static dev.arclab.kernel.Notebook.updateDisplay",
            "static dev.arclab.kernel.Notebook.clearOutput",
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
            "dev.arclab.lab.Session");

    /**
     * Compiled (and dropped) after the imports when no cell is waiting yet, so that the first cell finds javac warm and
     * the engine's classes read: what such a cell needs first.
     */
    private static final String WARM_UP = "Object $arclabWarmUp = TaskLoader.class.getName() + Grid.class + Session.class;";

    private final Evaluator evaluator;
    private final Completion completion;
    private final InputHistory inputs;
    private volatile JupyterConnection connection;
    private volatile ShellReplyEnvironment currentEnv;
    private volatile BatchedOutput output;
    /** When the front end sent the execute request that runs now (null if unknown or idle). */
    private volatile Instant runningSince;
    private volatile boolean lastCellFailed;
    private volatile boolean firstCellDone;
    /** An execute request is being handled. */
    private volatile boolean cellInProgress;
    /** The renderers' warm-up ran or runs ({@link #warmUpRenderersWhenIdle()}). */
    private final java.util.concurrent.atomic.AtomicBoolean rendererWarmUp = new java.util.concurrent.atomic.AtomicBoolean();
    private boolean jshellStarting;
    /** When the last cell failed: requests sent after it (the client saw the error) are not aborted. */
    private volatile Instant failedAt;

    private ArcKernel(String name, String version, InputHistory inputs, JupyterIO io, CommManager comms,
                      Renderer renderer, MagicsRegistry magics, boolean extensionsEnabled, StringStyler errorStyler,
                      Evaluator evaluator, KernelMagicNames names, boolean jshellStarted) {
        super(name, version, languageInfo(), List.of(), inputs, io, comms, renderer,
                new MagicParser("(?<=(?:^|=))\\s*%", "%%", new NotebookMagicTranspiler()), magics,
                extensionsEnabled, errorStyler);
        this.inputs = inputs;
        names.kernel = this;
        this.evaluator = evaluator;
        this.jshellStarting = jshellStarted;
        this.completion = new Completion(evaluator, names);
        registerKernelMagic(new CommandMagic(() -> new Classpath(this)));
        KernelMagics.register(this);
        MavenMagics.register(this);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The magics' names the evaluator asks for: the kernel's, once it is built. */
    private static final class KernelMagicNames implements Evaluator.MagicNames {
        volatile ArcKernel kernel;

        @Override
        public Set<String> line() {
            ArcKernel k = kernel;
            return k == null ? Set.of() : k.lineMagicNames();
        }

        @Override
        public Set<String> cell() {
            ArcKernel k = kernel;
            return k == null ? Set.of() : k.cellMagicNames();
        }
    }

    /** Builds an {@link ArcKernel}. */
    public static final class Builder extends BaseKernelBuilder<Builder, ArcKernel> {
        private final List<String> compilerOptions = new ArrayList<>();
        private final KernelMagicNames names = new KernelMagicNames();
        /** Made and started by {@link #startJShellAtOnce()}, else made by {@link #build()}. */
        private Evaluator evaluator;

        private Builder() {
            name("ARC Lab");
            version(StandardMagics.version());
        }

        /** Extra javac options for snippets (before {@link #startJShellAtOnce()}). */
        public Builder compilerOption(String option) {
            if (evaluator != null) {
                throw new IllegalStateException("compiler options come before startJShellAtOnce()");
            }
            compilerOptions.add(option);
            return this;
        }

        /**
         * Starts building JShell now, on a thread of its own, instead of at {@link #onStartup()} ({@link Main} does, first
         * thing: JShell and javac's first compile, of the default imports, are the longest part of a start, and the
         * kernel's own construction, its connection and its sockets take ~0.4 s of the main thread beside it).
         */
        public Builder startJShellAtOnce() {
            if (evaluator == null) {
                evaluator = newEvaluator();
                startJShell(evaluator);
            }
            return this;
        }

        private Evaluator newEvaluator() {
            return new Evaluator(ArcKernel.class.getClassLoader(), List.copyOf(compilerOptions), names);
        }

        @Override
        public ArcKernel build() {
            boolean started = evaluator != null;
            Evaluator e = started ? evaluator : newEvaluator();
            return new ArcKernel(buildName(), buildVersion(), new InputHistory(),
                    buildJupyterIO(buildJupyterIOEncoding()), buildCommManager(), buildRenderer(), buildMagicsRegistry(),
                    buildExtensionsEnabled(), buildErrorStyler(), e, names, started);
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
    void registerKernelMagic(Magic magic) {
        magicsRegistry.registerLineMagic(magic.name(), (kernel, args) -> magic.run(args));
        // listed by %arclab with the others
        dev.arclab.magics.MagicRegistry.global().add(magic);
    }

    /** The line magics' names, with the ones the evaluator runs itself. */
    Set<String> lineMagicNames() {
        Set<String> names = new java.util.TreeSet<>(magicsRegistry.getLineMagicNames());
        names.addAll(List.of("time", "timeit", "load"));
        return names;
    }

    /** The cell magics' names, with the ones the evaluator runs itself. */
    Set<String> cellMagicNames() {
        Set<String> names = new java.util.TreeSet<>(magicsRegistry.getCellMagicNames());
        names.addAll(List.of("time", "timeit"));
        return names;
    }

    /**
     * Installs the extensions (the magics and renderers), then starts JShell on a thread of its own (built, the default
     * imports as one snippet, javac warmed up) and loads the bundled tasks on another, and returns: the kernel answers
     * {@code kernel_info} at once, a cell of magics runs without waiting for JShell, and a Java cell waits only for
     * JShell (interruptibly). Milestones go to the kernel log with {@code -Darclab.kernel.startupLog=true}.
     */
    @Override
    public void onStartup() {
        startJShell();
        super.onStartup();
        StartupLog.mark("extensions installed");
        preloadBundledTasks();
    }

    /**
     * Starts building JShell on a thread of its own, unless started already ({@link Builder#startJShellAtOnce()}, which
     * {@link Main} uses: JShell, javac reading the class path's jars for the default imports, is the longest part of a
     * start).
     */
    synchronized void startJShell() {
        if (jshellStarting) {
            return;
        }
        jshellStarting = true;
        startJShell(evaluator);
    }

    private static void startJShell(Evaluator evaluator) {
        Thread t = new Thread(() -> {
            try {
                evaluator.start(DEFAULT_IMPORTS, WARM_UP);
            } catch (RuntimeException | Error e) {
                // cells report it (JShell could not start), and so does the kernel log
                System.err.println("ARC Lab kernel: JShell could not start: " + e);
            }
        }, "arclab-jshell-start");
        t.setDaemon(true);
        t.start();
    }

    /** Waits until JShell has started (tests and the archive's training run). */
    void awaitStarted() {
        evaluator.awaitStart();
    }

    /**
     * Waits until the start's set-up that holds cells back is done ({@link TablesawStart}, which narrows
     * {@code java.class.path} for a moment): in-process tests that read {@code java.class.path} themselves.
     */
    void awaitSetUp() {
        evaluator.awaitSetUp();
    }

    /**
     * Once JShell is built, sets Tablesaw up ({@link TablesawStart}: its class path scan narrowed to its own jars) and
     * loads the bundled tasks (the session's default set, loaded once per JVM) on a thread of its own while JShell
     * and javac warm up on another; then, once JShell has started, {@link #warmUpRenderersWhenIdle() warms the
     * renderers up} unless a cell is running (then the end of the cell does). A failure is left to the first cell that
     * loads or shows them.
     */
    private void preloadBundledTasks() {
        java.util.concurrent.CompletableFuture<Void> tablesaw = new java.util.concurrent.CompletableFuture<>();
        evaluator.holdCellsUntil(tablesaw); // no cell sees java.class.path narrowed
        Thread t = new Thread(() -> {
            try {
                try {
                    List<Path> scanned = TablesawStart.initialize(evaluator.awaitBuilt(), ArcKernel.class.getClassLoader());
                    StartupLog.mark("Tablesaw set up (" + scanned.size() + " jars scanned)");
                } finally {
                    tablesaw.complete(null);
                }
                dev.arclab.task.TaskLoader.bundled();
                StartupLog.mark("bundled tasks loaded");
                evaluator.awaitStart();
                warmUpRenderersWhenIdle();
            } catch (RuntimeException e) {
                // the first cell that needs the bundled tasks loads them again and reports what went wrong
            }
        }, "arclab-preload-tasks");
        t.setDaemon(true);
        t.start();
    }

    /**
     * Renders the bundled tasks' summary once (thrown away), on the calling thread, if no cell runs and it was not done
     * yet: the first render of a table loads and sets up Tablesaw (and its scan of the class path), over a second on a
     * cold JVM, which a later first {@code %tasks} would otherwise wait for. Never while a cell runs: on two cores that
     * would slow a first cell down that does not need it (a first {@code %tasks} renders its table itself).
     */
    private void warmUpRenderersWhenIdle() {
        if (cellInProgress || !evaluator.started() || !rendererWarmUp.compareAndSet(false, true)) {
            return;
        }
        try {
            getRenderer().render(dev.arclab.task.TaskLoader.bundled());
            StartupLog.mark("renderers warmed up");
        } catch (RuntimeException e) {
            // the first cell that shows a table reports what went wrong
        }
    }

    /** After a cell: the renderers' warm-up, on a thread of its own, if it waited for the cell. */
    private void warmUpRenderersAfterCell() {
        if (rendererWarmUp.get() || !evaluator.started()) {
            return;
        }
        Thread t = new Thread(this::warmUpRenderersWhenIdle, "arclab-warm-up");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void onShutdown(boolean isRestarting) {
        try {
            super.onShutdown(isRestarting);
        } finally {
            evaluator.close();
        }
    }

    @Override
    protected ClassLoader getClassLoader() {
        return evaluator.classLoader();
    }

    /** The JShell instance, for tests and tools. */
    public JShell jshell() {
        return evaluator.shell();
    }

    /** The evaluator of cells. */
    Evaluator evaluator() {
        return evaluator;
    }

    /** Class path entries added with {@code %classpath} or {@code %maven}, in order. */
    public List<Path> addedClasspath() {
        return evaluator.addedPaths();
    }

    /** Whether a cell is being evaluated now. */
    public boolean isRunning() {
        return evaluator.isRunning();
    }

    /**
     * The execution count when an interrupt came while no cell ran, -1 after a cell took it: an interrupt that
     * comes after a cell's request was counted (its execute_input is out) but before the cell began belongs to
     * that cell; one from before the request is stale.
     */
    private volatile int idleInterruptAt = -1;

    @Override
    public Object evalRaw(String code) {
        int count = executionCount.get();
        int cell = Math.max(1, count - 1);
        boolean early = idleInterruptAt == count;
        idleInterruptAt = -1;
        try {
            return evaluator.eval(code, cell, early);
        } finally {
            BatchedOutput o = output;
            if (o != null) {
                o.flush();
            }
        }
    }

    /** True if the code, without trailing comments, ends with ';' (as in IPython, that hides the result). */
    static boolean endsWithSemicolon(String code) {
        return Evaluator.endsWithSemicolon(code);
    }

    @Override
    public List<String> formatError(Throwable e) {
        if (e instanceof CellException c) {
            return c.lines();
        }
        return super.formatError(e);
    }

    @Override
    public void interrupt() {
        if (!evaluator.isRunning()) {
            idleInterruptAt = executionCount.get();
        }
        evaluator.interrupt();
    }

    @Override
    public ReplacementOptions complete(String code, int at) {
        return completion.complete(code, at);
    }

    @Override
    public DisplayData inspect(String code, int at, boolean extraDetail) {
        return completion.inspect(code, at, extraDetail);
    }

    @Override
    public String isComplete(String code) {
        return completion.isComplete(code);
    }

    // ---------------------------------------------------------------------------------------------- protocol

    @Override
    public void becomeHandlerForConnection(JupyterConnection connection) {
        this.connection = connection;
        super.becomeHandlerForConnection(connection);
    }

    /** Sends pending cell output now (before a display, so that text and pictures keep their order). */
    void flushOutput() {
        BatchedOutput o = output;
        if (o != null) {
            o.flush();
        }
    }

    /** Clears the running cell's output ({@code wait}: when the next output arrives). False when no cell runs. */
    boolean clearOutput(boolean wait) {
        ShellReplyEnvironment env = currentEnv;
        if (env == null) {
            return false;
        }
        flushOutput();
        env.getIopub().sendMessage(new Message<>(env.getContext(), PublishClearOutput.MESSAGE_TYPE,
                wait ? PublishClearOutput.BEFORE_NEXT_OUTPUT : PublishClearOutput.NOW));
        return true;
    }

    @Override
    protected void replaceOutputStreams(ShellReplyEnvironment env) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        InputStream oldIn = System.in;
        JupyterSocket iopub = env.getIopub();
        BatchedOutput batched = new BatchedOutput((stream, text) -> iopub.sendMessage(new Message<>(env.getContext(),
                PublishStream.MESSAGE_TYPE, new PublishStream(stream.equals("stderr") ? PublishStream.StreamType.ERR
                : PublishStream.StreamType.OUT, text))));
        output = batched;
        System.setOut(batched.out());
        System.setErr(batched.err());
        System.setIn(io.in);
        env.defer(() -> {
            System.setOut(oldOut);
            System.setErr(oldErr);
            System.setIn(oldIn);
            output = null;
            batched.close();
        });
    }

    @Override
    protected void handleExecuteRequest(ShellReplyEnvironment env, Message<ExecuteRequest> message) {
        ExecuteRequest request = message.getContent();
        if (request.shouldStoreHistory() && !request.isSilent()) {
            inputs.add(executionCount.get(), request.getCode());
        }
        currentEnv = env;
        runningSince = sentAt(message.getHeader());
        lastCellFailed = false;
        boolean first = !firstCellDone;
        if (first) {
            StartupLog.mark("first execute_request");
        }
        cellInProgress = true;
        try {
            super.handleExecuteRequest(env, message);
        } finally {
            currentEnv = null;
            runningSince = null;
            cellInProgress = false;
            if (first) {
                firstCellDone = true;
                StartupLog.mark("first execute_reply sent");
                StartupLog.threads("at the first reply");
            }
            warmUpRenderersAfterCell();
        }
        if (lastCellFailed && request.shouldStopOnError()) {
            env.resolveDeferrals();
            abortQueued(env.getShell());
        }
    }

    @Override
    public DisplayData eval(String expr) {
        try {
            Object result = evalRaw(expr);
            if (result == null) {
                return null;
            }
            DisplayData view = ValueViews.view(result);
            if (view != null) {
                return view;
            }
            return result instanceof DisplayData d ? d : getRenderer().render(result);
        } catch (RuntimeException | Error e) {
            failedAt = Instant.now();
            lastCellFailed = true;
            throw e;
        }
    }

    /**
     * Answers the requests already waiting on the shell socket: execute requests sent before the cell failed come back
     * {@code aborted} without running; others (including an execute request a fast client sent after it saw the
     * error) are handled as usual.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private void abortQueued(JupyterSocket shell) {
        JupyterConnection conn = connection;
        if (conn == null) {
            return;
        }
        while ((shell.getEvents() & ZMQ.Poller.POLLIN) != 0) {
            Message<?> next = shell.readMessage();
            if (next == null) {
                return;
            }
            ShellReplyEnvironment env = conn.prepareReplyEnv((org.dflib.jjava.jupyter.channels.ShellChannel) shell, next);
            try {
                Instant sent = sentAt(next.getHeader());
                boolean queuedBefore = sent == null || failedAt == null || !sent.isAfter(failedAt);
                if (next.getHeader().getType() == MessageType.EXECUTE_REQUEST && queuedBefore) {
                    env.publish(PublishStatus.BUSY);
                    env.reply(new Message(next, MessageType.EXECUTE_REPLY, new Aborted()));
                    env.publish(PublishStatus.IDLE);
                } else {
                    ShellHandler handler = conn.getHandler(next.getHeader().getType());
                    if (handler != null) {
                        handler.handle(env, next);
                    }
                }
            } catch (RuntimeException e) {
                System.err.println("ARC Lab kernel: while aborting queued requests: " + e);
            } finally {
                env.resolveDeferrals();
            }
        }
    }

    /** The content of an execute reply for a request that did not run. */
    static final class Aborted {
        final String status = "aborted";
    }

    /** The time the front end sent a message, from its header; null when it cannot be read. */
    static Instant sentAt(Header<?> header) {
        if (header == null || header.getTimestamp() == null) {
            return null;
        }
        String date = header.getTimestamp().getDateString();
        if (date == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(date).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(date).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    @Override
    protected void handleInterruptRequest(ShellReplyEnvironment env, Message<InterruptRequest> message) {
        env.setBusyDeferIdle();
        env.defer().reply(new InterruptOk());
        Instant sent = sentAt(message.getHeader());
        Instant since = runningSince;
        if (sent != null && since != null && !sent.isAfter(since)) {
            // sent before the running cell was asked for: it was meant for an earlier cell, or for none
            return;
        }
        interrupt();
    }

    @Override
    protected void handleKernelInfoRequest(ShellReplyEnvironment env, Message<KernelInfoRequest> message) {
        StartupLog.mark("kernel_info_request");
        env.setBusyDeferIdle();
        env.reply(new KernelInfoOk(Header.PROTOCOL_VERISON, name, version, getLanguageInfo(), getBanner(),
                getHelpLinks()));
    }

    @Override
    protected void handleHistoryRequest(ShellReplyEnvironment env, Message<HistoryRequest> message) {
        List<HistoryEntry> entries = null;
        HistoryRequest request = message.getContent();
        env.setBusyDeferIdle();
        Set<org.dflib.jjava.jupyter.kernel.history.HistoryManager.ResultFlag> flags =
                java.util.EnumSet.noneOf(org.dflib.jjava.jupyter.kernel.history.HistoryManager.ResultFlag.class);
        switch (request.getAccessType()) {
            case TAIL -> entries = inputs.lookupTail(((HistoryRequest.Tail) request).getMaxReturnLength(), flags);
            case RANGE -> {
                HistoryRequest.Range r = (HistoryRequest.Range) request;
                entries = inputs.lookupRange(r.getSessionIndex(), r.getStart(), r.getStop(), flags);
            }
            case SEARCH -> {
                HistoryRequest.Search s = (HistoryRequest.Search) request;
                if (s.filterUnique()) {
                    flags.add(org.dflib.jjava.jupyter.kernel.history.HistoryManager.ResultFlag.UNIQUE);
                }
                entries = inputs.search(s.getPattern(), s.getMaxReturnLength(), flags);
            }
            default -> entries = List.of();
        }
        replyRaw(env, MessageType.HISTORY_REPLY, new HistoryOk(entries));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void replyRaw(ShellReplyEnvironment env, MessageType<?> type, Object content) {
        env.reply(new Message(env.getContext(), type, content));
    }

    /** kernel_info_reply with the {@code status} the message spec asks for on every reply. */
    static final class KernelInfoOk extends KernelInfoReply {
        final String status = "ok";

        KernelInfoOk(String protocolVersion, String name, String version, LanguageInfo info, String banner,
                     List<org.dflib.jjava.jupyter.kernel.HelpLink> links) {
            super(protocolVersion, name, version, info, banner, links);
        }
    }

    /** history_reply with its {@code status}; each entry is {@code [session, line, input]}, as the spec says. */
    static final class HistoryOk {
        final String status = "ok";
        final List<List<Object>> history;

        HistoryOk(List<HistoryEntry> entries) {
            this.history = entries.stream().map(e -> List.<Object>of(e.getSession(), e.getCellNumber(), e.getInput()))
                    .toList();
        }
    }

    /** interrupt_reply with its {@code status}. */
    static final class InterruptOk extends InterruptReply {
        final String status = "ok";
    }

    // ---------------------------------------------------------------------------------------------- extensions

    /**
     * Installs the extensions that the snippet class loader now finds (ServiceLoader, as at startup); returns the
     * names of the new ones. A broken one is reported in {@code problems} and does not stop the others.
     */
    List<String> installNewExtensions(List<String> problems) {
        Set<String> before = Set.copyOf(extensions.keySet());
        Iterator<Extension> it = ServiceLoader.load(Extension.class, evaluator.classLoader()).iterator();
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
            List<Path> added = kernel.evaluator.addToClasspath(paths);
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
