package dev.arclab.cli;

import dev.arclab.cluster.ClusterNode;
import dev.arclab.cluster.ClusterSettings;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code arclab worker}: a cluster member that runs the pipeline's work items until stopped. */
@Command(name = "worker", mixinStandardHelpOptions = true,
        description = {"Start a cluster member that runs ARC Lab work items (score, validate, differs) for the "
                + "sessions that join the same cluster (run --cluster NAME, %cluster join). Runs until stopped "
                + "(Ctrl-C); a session that ends or dies leaves it up for the next.",
                "Binds to 127.0.0.1 unless --interface is given. The community edition has no TLS and no "
                        + "authentication: on more than one machine, use a private network."})
public final class WorkerCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ClusterOptions cluster;

    @Option(names = "--threads", paramLabel = "N", description = "Threads running work items (default: all cores).")
    Integer threads;

    @Option(names = "--cache-mb", paramLabel = "MB", description = "Heap this worker gives the cluster's shared "
            + "result cache, in megabytes (default " + ClusterSettings.DEFAULT_CACHE_MEGABYTES + "); the least recently "
            + "used programs' results are evicted beyond it.")
    Integer cacheMegabytes;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter o = spec.commandLine().getOut();
        ClusterSettings settings = Main.checked(spec, () -> {
            ClusterSettings s = cluster.apply(ClusterSettings.local());
            if (threads != null) {
                if (threads < 1) {
                    throw new IllegalArgumentException("--threads must be at least 1, got " + threads);
                }
                s = s.withThreads(threads);
            }
            if (cacheMegabytes != null) {
                if (cacheMegabytes < 1) {
                    throw new IllegalArgumentException("--cache-mb must be at least 1, got " + cacheMegabytes);
                }
                s = s.withCacheMegabytes(cacheMegabytes);
            }
            return s;
        });
        ClusterNode node = ClusterNode.worker(settings);
        o.printf("worker %s of cluster %s, %d threads: ready%n", node.address(), settings.name(), settings.threads());
        o.flush();
        node.awaitShutdown();
        return Main.OK;
    }
}
