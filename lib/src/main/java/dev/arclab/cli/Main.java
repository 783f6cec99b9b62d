package dev.arclab.cli;

import dev.arclab.task.TaskLoadException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code java -jar arclab.jar COMMAND ...}: the command line of ARC Lab.
 *
 * <p>Each command is a picocli {@code @Command} class (see {@link TasksCommand}); to add one, add its
 * class to {@link #COMMANDS}, one line. A command that reads tasks can take
 * {@code @Mixin TaskSourceOptions} for the PATH parameter and {@code --lenient}; one that runs programs
 * {@code @Mixin TaskOptions} ({@code --tasks PATH --limit N --lenient}), {@code PipelineOptions},
 * {@code StoreOptions} and {@code BenchOptions}, so an option has one name and meaning everywhere. Write output to
 * {@code spec.commandLine().getOut()} / {@code getErr()} so tests can capture it.
 *
 * <p>Exit codes: 0 done, 1 the input could not be read or the command failed, 2 bad arguments.
 */
@Command(name = "arclab",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        synopsisSubcommandLabel = "COMMAND",
        commandListHeading = "%nCommands:%n",
        footer = {"", "Exit codes: 0 done, 1 unreadable input or failure, 2 bad arguments.",
                "Run 'arclab help COMMAND' or 'arclab COMMAND --help' for a command's options."},
        description = "ARC Lab: load ARC-AGI tasks, search for solver programs and see where the time goes.")
public final class Main implements Callable<Integer> {
    /** Exit code: done. */
    public static final int OK = 0;
    /** Exit code: the input could not be read, or the command failed. */
    public static final int FAILED = 1;
    /** Exit code: bad arguments. */
    public static final int USAGE = 2;

    /** The subcommands, in the order of {@code --help}. Add a command here, one line each. */
    static final List<Class<?>> COMMANDS = List.of(
            TasksCommand.class,
            SolveCommand.class,
            RunCommand.class,
            WorkerCommand.class,
            CacheCommand.class,
            BenchCacheCommand.class,
            BenchCommand.class,
            BenchSeedsCommand.class,
            BenchClusterCommand.class,
            ReportCommand.class,
            SearchBenchCommand.class,
            CommandLine.HelpCommand.class);

    @Spec
    CommandSpec spec;

    /** No command given: print the usage, as for bad arguments. */
    @Override
    public Integer call() {
        spec.commandLine().getErr().println("arclab: a command is needed");
        spec.commandLine().usage(spec.commandLine().getErr());
        return USAGE;
    }

    /** The command line with every subcommand, writing to {@code out} and {@code err}. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Main());
        for (Class<?> c : COMMANDS) {
            cl.addSubcommand(c);
        }
        cl.setExecutionExceptionHandler(Main::onError);
        cl.setOut(out);
        cl.setErr(err);
        return cl;
    }

    /** Runs {@code args} in this process and returns the exit code; output goes to {@code out}/{@code err}. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        int code = commandLine(out, err).execute(args);
        out.flush();
        err.flush();
        return code;
    }

    public static void main(String... args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /**
     * {@code options.get()}, a bad option value (an {@link IllegalArgumentException} from a mixin) becoming
     * a usage error (exit code 2) with its message.
     */
    static <T> T checked(CommandSpec spec, java.util.function.Supplier<T> options) {
        try {
            return options.get();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    private static int onError(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        if (e instanceof TaskLoadException || e instanceof UncheckedIOException
                || e instanceof dev.arclab.task.TextFiles.Unreadable || e instanceof java.nio.file.FileSystemException) {
            err.println("arclab " + cl.getCommandName() + ": " + e.getMessage());
        } else {
            err.println("arclab " + cl.getCommandName() + ": failed: " + e);
            e.printStackTrace(err);
        }
        err.flush();
        return FAILED;
    }

    /** The version from the jar manifest (the Maven project version). */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"arclab " + (v == null ? "(development build)" : v)};
        }
    }
}
