package dev.arclab.cli;

import dev.arclab.profile.RunRecord;
import dev.arclab.profile.RunRecords;
import dev.arclab.report.ReportWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code report RUN.json [RUN.json ...] [--baseline RUN.json] --out DIR}: tables (HTML and text) and charts
 * (PNG) for saved run records, with DIR/index.html showing everything. Exit codes: 0 written, 1 an input
 * could not be read (the message names the file) or the output could not be written, 2 bad arguments.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Write timing tables (HTML, text) and charts (PNG) for saved run records, with an index.html.",
            "The baseline (first run unless --baseline) is compared with every other run: speedup, change "
                    + "and regressions beyond the measured noise."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:report written", "1:an input could not be read, or the output not written",
            "2:bad arguments"})
public final class ReportCommand implements Callable<Integer> {
    static final int OK = 0;
    static final int UNREADABLE = 1;
    static final int USAGE = 2;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "RUN.json", description = "Run records written by `run --out`.")
    List<Path> runs = new ArrayList<>();

    @Option(names = "--baseline", paramLabel = "RUN.json",
            description = "The run the others are compared with (default: the first RUN.json); added to the runs if not among them.")
    Path baseline;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory to write the report to (created if missing).")
    Path out;

    @Option(names = "--group-repeats",
            description = "Treat runs with equal configuration as repeats: compare their medians and judge changes against their spread.")
    boolean groupRepeats;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter outWriter = spec.commandLine().getOut();
        if (Files.exists(out) && !Files.isDirectory(out)) {
            err.println("report: --out " + out + " exists and is not a directory");
            return USAGE;
        }
        quietLogging();
        List<Path> files = new ArrayList<>(runs);
        Path base = baseline == null ? null : baseline.toAbsolutePath().normalize();
        int baseIndex = -1;
        if (base != null) {
            for (int i = 0; i < files.size(); i++) {
                if (files.get(i).toAbsolutePath().normalize().equals(base)) {
                    baseIndex = i;
                    break;
                }
            }
            if (baseIndex < 0) {
                files.add(0, baseline);
                baseIndex = 0;
            }
        }
        List<RunRecord> records = new ArrayList<>();
        for (Path f : files) {
            try {
                if (!Files.isRegularFile(f)) {
                    throw new IOException(f + ": no such file");
                }
                records.add(RunRecords.read(f));
            } catch (IOException e) {
                String msg = e.getMessage() == null ? e.toString() : e.getMessage();
                err.println("report: cannot read " + f + ": " + msg.replace(f + ": ", ""));
                return UNREADABLE;
            } catch (RuntimeException e) {
                // Gson reports a record with missing parts as a failed constructor call.
                err.println("report: cannot read " + f + ": not a run record (" + e.getMessage() + ")");
                return UNREADABLE;
            }
        }
        try {
            ReportWriter.Result r = ReportWriter.write(records, baseIndex < 0 ? null : records.get(baseIndex), groupRepeats, out);
            outWriter.println("report: wrote " + r.files().size() + " files to " + r.dir() + "; open " + r.index());
            outWriter.flush();
            return OK;
        } catch (IOException e) {
            err.println("report: cannot write the report to " + out + ": " + e.getMessage());
            return UNREADABLE;
        }
    }

    /**
     * Tablesaw logs through SLF4J; with no provider bound SLF4J warns on stderr. Unless the user chose a
     * provider, pick SLF4J's own no-op provider (and keep SLF4J from announcing that choice).
     */
    private static void quietLogging() {
        if (System.getProperty("slf4j.provider") == null) {
            System.setProperty("slf4j.provider", "org.slf4j.helpers.NOP_FallbackServiceProvider");
            if (System.getProperty("slf4j.internal.verbosity") == null) {
                System.setProperty("slf4j.internal.verbosity", "WARN");
            }
        }
    }

    /** Runs the command alone (Main registers it as a subcommand). */
    public static void main(String[] args) {
        System.exit(new CommandLine(new ReportCommand()).execute(args));
    }
}
