package dev.arclab.cli;

import dev.arclab.cache.NoCache;
import dev.arclab.cluster.ClusterNode;
import dev.arclab.cluster.ClusterSettings;
import dev.arclab.pipeline.PhaseResults;
import dev.arclab.lab.Session;
import dev.arclab.pipeline.PipelineConfig;
import dev.arclab.pipeline.SampleResult;
import dev.arclab.profile.PhaseRecord;
import dev.arclab.program.BundledSolvers;
import dev.arclab.report.Range;
import dev.arclab.task.TaskSet;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code arclab bench-cluster}: the cost of distributing score, measured in one run. The same batch is
 * scored on the in-process pool, then on a cluster of 1, 2, ... local worker JVMs that this command
 * starts (and stops). Prints per configuration: wall time, item compute per item, worker busy per item,
 * coordinator CPU per item, bytes per item, and the overhead per item. No cache: every run computes; then,
 * last, the same batch served by the cluster's shared result cache (what a second run of a batch costs).
 */
@Command(name = "bench-cluster", mixinStandardHelpOptions = true,
        description = {"Measure per-item overhead of the cluster (serialization, round trip, coordinator CPU) against "
                + "the in-process pool: score of one batch, in-process and on 1..N local worker JVMs started here.",
                "On one machine this measures overhead, not speedup: the workers share its cores."})
public final class BenchClusterCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    TaskOptions taskOptions;

    /** {@code --repeat R} (default 3) measured runs after {@code --warmup W} (default 2), per configuration. */
    @Mixin
    BenchOptions bench;

    @Option(names = "--max-members", paramLabel = "N", defaultValue = "3", description = "Worker JVMs, 1 to N (default: ${DEFAULT-VALUE}).")
    int maxMembers;

    @Option(names = "--worker-threads", paramLabel = "T", defaultValue = "1", description = "Threads per worker (default: ${DEFAULT-VALUE}).")
    int workerThreads;

    @Option(names = "--threads", paramLabel = "T", defaultValue = "1", description = "Threads of the in-process pool (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--tasks-per-batch", paramLabel = "K", defaultValue = "32", description = "Tasks whose programs form the batch (default: ${DEFAULT-VALUE}).")
    int tasksPerBatch;

    /** One configuration's medians. */
    record Figures(String config, int items, double wallS, double busyPerItemUs, double coordinatorCpuPerItemUs,
            double bytesPerItem, long partBytes, String signature) {
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter o = spec.commandLine().getOut();
        int repeat = Main.checked(spec, () -> bench.repeat(3));
        int warmup = Main.checked(spec, () -> bench.warmup(2));
        if (maxMembers < 1 || workerThreads < 1 || threads < 1 || tasksPerBatch < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--max-members, --worker-threads, --threads and --tasks-per-batch must be at least 1");
        }
        TaskSet set = Main.checked(spec, () -> taskOptions.load(spec.commandLine().getErr()));
        PipelineConfig config = PipelineConfig.defaults().withStrategies(PipelineConfig.MUTATE_ONLY).withThreads(threads).withTasksPerBatch(tasksPerBatch);
        List<Figures> rows = new ArrayList<>();
        List<Process> workers = new ArrayList<>();
        try (Session p = Session.of(set, config, new NoCache())) {
            p.loadSolvers(BundledSolvers.parse());
            PhaseResults.Generated batch = p.generate();
            o.printf("%d tasks, batch of %d programs; %d warm-up and %d measured runs per configuration%n", set.size(),
                    batch.batch().size(), warmup, repeat);
            o.flush();
            rows.add(measure("in-process, " + threads + " thread(s)", p, warmup, repeat));
            int[] ports = freePorts(maxMembers + 1);
            String name = "bench-" + ProcessHandle.current().pid();
            List<String> members = new ArrayList<>();
            for (int k = 0; k < maxMembers; k++) {
                members.add("127.0.0.1:" + ports[k]);
            }
            ClusterNode node = null;
            try {
                for (int k = 0; k < maxMembers; k++) {
                    workers.add(startWorker(name, ports[k], members.get(0)));
                    if (node == null) {
                        node = ClusterNode.coordinator(ClusterSettings.local().withName(name).withMembers(members)
                                .withPort(ports[maxMembers]).withThreads(1));
                    }
                    // the node's map only, not its shared result cache: every run computes
                    p.distributeTo(node::map);
                    if (!node.awaitWorkers(k + 1, 120, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("worker " + (k + 1) + " did not join: " + node.members());
                    }
                    rows.add(measure((k + 1) + " worker JVM(s) x " + workerThreads + " thread(s)", p, warmup, repeat));
                }
                // the same batch again with the cluster's shared result cache: after the first run every result is
                // served by the cluster (one group per program fetched per run), none computed
                p.distributeTo(node);
                rows.add(measure(maxMembers + " worker JVM(s), shared cache", p, warmup, repeat));
            } finally {
                p.distributeTo(null);
                if (node != null) {
                    node.close();
                }
            }
        } finally {
            for (Process w : workers) {
                w.destroy();
            }
            for (Process w : workers) {
                w.waitFor(30, TimeUnit.SECONDS);
            }
        }
        o.println();
        o.printf("%-34s %6s %8s %14s %16s %10s %10s %9s%n", "configuration", "items", "wall s", "busy/item us",
                "coord cpu/item us", "bytes/item", "part bytes", "same");
        String reference = rows.get(0).signature();
        for (Figures f : rows) {
            o.printf(Locale.ROOT, "%-34s %6d %8.3f %14.1f %16.1f %10.0f %10d %9s%n", f.config(), f.items(), f.wallS(),
                    f.busyPerItemUs(), f.coordinatorCpuPerItemUs(), f.bytesPerItem(), f.partBytes(),
                    f.signature().equals(reference) ? "yes" : "NO");
        }
        o.println();
        o.println("busy/item: compute time per item on the pool's or workers' threads (includes decoding the item on a worker);");
        o.println("coord cpu/item: CPU of this JVM (coordinator) per item during the phase; bytes/item: chunk bytes both ways");
        o.println("(with the shared cache: the bytes of the program groups fetched from and written to the cluster);");
        o.println("part bytes: tasks and programs put into the cluster once (by content hash) for the first run of the batch.");
        o.flush();
        return rows.stream().allMatch(f -> f.signature().equals(reference)) ? Main.OK : Main.FAILED;
    }

    /** Scores the session's last generated batch {@code warmup} + {@code repeat} times: the medians of the measured runs. */
    private Figures measure(String label, Session p, int warmup, int repeat) {
        long parts = 0;
        for (int k = 0; k < warmup; k++) {
            parts += p.score().timing().counter("cluster.bytes.parts");
        }
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        double[] wall = new double[repeat];
        double[] busy = new double[repeat];
        double[] cpu = new double[repeat];
        double[] bytes = new double[repeat];
        int items = 0;
        String signature = "";
        for (int k = 0; k < repeat; k++) {
            long shared0 = sharedBytes(p);
            long cpu0 = os.getProcessCpuTime();
            PhaseResults.Scored s = p.score();
            long cpu1 = os.getProcessCpuTime();
            long shared = sharedBytes(p) - shared0;
            PhaseRecord r = s.timing();
            items = (int) r.counter("samples");
            wall[k] = r.wallNanos() / 1e9;
            busy[k] = r.busyNanos() / 1e3 / items;
            boolean remote = r.counter("cluster.items") > 0 || shared > 0;
            // in-process the coordinator's CPU is the work itself; on a cluster it is the distribution's cost
            cpu[k] = remote ? (cpu1 - cpu0) / 1e3 / items : r.cpuNanos() / 1e3 / items;
            bytes[k] = (double) (r.counter("cluster.bytes.sent") + r.counter("cluster.bytes.received") + shared) / items;
            parts += r.counter("cluster.bytes.parts");
            signature = signature(s);
        }
        return new Figures(label, items, Range.of(wall).median(), Range.of(busy).median(), Range.of(cpu).median(), Range.of(bytes).median(),
                parts, signature);
    }

    /** Bytes moved to and from the cluster's shared result cache so far (its {@code shared.*} rows), 0 without one. */
    private static long sharedBytes(Session p) {
        // the pipeline's cache: while a distributor is set, the cluster's shared cache in front of the session's
        return p.pipeline().cache().stats().stream().filter(m -> m.map().startsWith("shared.")).mapToLong(m -> m.bytes()).sum();
    }

    private static String signature(PhaseResults.Scored s) {
        StringBuilder sb = new StringBuilder();
        for (PhaseResults.TaskScores t : s.tasks()) {
            for (SampleResult[] r : t.results()) {
                sb.append(Arrays.toString(r));
            }
        }
        return Integer.toHexString(sb.toString().hashCode()) + ":" + sb.length();
    }

    private static Process startWorker(String cluster, int port, String contact) throws IOException {
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-cp",
                System.getProperty("java.class.path"), Main.class.getName(), "worker", "--cluster", cluster, "--port",
                String.valueOf(port), "--members", contact, "--threads", "1");
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static int[] freePorts(int n) throws IOException {
        List<ServerSocket> held = new ArrayList<>();
        try {
            int[] ports = new int[n];
            for (int k = 0; k < n; k++) {
                ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
                held.add(s);
                ports[k] = s.getLocalPort();
            }
            return ports;
        } finally {
            for (ServerSocket s : held) {
                s.close();
            }
        }
    }
}
