package dev.arclab.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arclab.cache.Caches;
import dev.arclab.cache.ChildProcess;
import dev.arclab.cache.ResultCache;
import dev.arclab.pipeline.PhaseResults;
import dev.arclab.pipeline.PhaseResults.Iteration;
import dev.arclab.pipeline.Pipeline;
import dev.arclab.pipeline.PipelineConfig;
import dev.arclab.pipeline.SampleResult;
import dev.arclab.pipeline.strategy.StrategyShare;
import dev.arclab.profile.PhaseRecord;
import dev.arclab.program.BundledSolvers;
import dev.arclab.task.TaskLoader;
import dev.arclab.task.TaskSet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two worker JVMs and this JVM as the coordinator, for what the cluster shares between runs: the result
 * cache (a second run of a batch computes nothing; every store keeps what its run used), and the
 * enumerate strategy's per-task searches, which run on the workers with the results of a local run.
 */
class TwoWorkerClusterTest {
    static final List<ChildProcess> children = new ArrayList<>();
    static ClusterNode node;
    static TaskSet tasks;

    @BeforeAll
    static void twoWorkers() throws Exception {
        String name = "arclab-two-" + ProcessHandle.current().pid();
        int[] ports = ClusterTest.freePorts(3);
        for (int k = 0; k < 2; k++) {
            ChildProcess w = ChildProcess.start(List.of(), dev.arclab.cli.Main.class, "worker", "--cluster", name,
                    "--port", String.valueOf(ports[k]), "--members", "127.0.0.1:" + ports[0], "--threads", "1",
                    "--cache-mb", "64");
            children.add(w);
        }
        tasks = TaskLoader.bundled().filter(t -> ClusterTest.IDS.contains(t.id()));
        ClusterTest.ready(children.get(0), ports[0]);
        ClusterTest.ready(children.get(1), ports[1]);
        node = ClusterNode.coordinator(new ClusterSettings(name, List.of("127.0.0.1:" + ports[0], "127.0.0.1:" + ports[1]),
                ports[2], "127.0.0.1", 1, 0, ClusterSettings.DEFAULT_CACHE_MEGABYTES));
        assertTrue(node.awaitWorkers(2, 60, TimeUnit.SECONDS), "two workers in " + node.members());
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
        children.forEach(ChildProcess::close);
    }

    /** One iteration's results as text: the batch, every score result, the validations and the near misses. */
    static List<String> signature(Iteration it) {
        List<String> sig = new ArrayList<>();
        sig.add("batch " + it.generated().batch().members().stream().map(m -> m.task() + ":" + m.hash()).toList());
        for (PhaseResults.TaskScores t : it.scored().tasks()) {
            StringBuilder sb = new StringBuilder(t.task());
            for (SampleResult[] r : t.results()) {
                for (SampleResult s : r) {
                    sb.append(s).append(',');
                }
            }
            sig.add(sb.toString());
        }
        sig.add("checked " + it.validated().checked().stream().map(c -> c.candidate().task() + ":" + c.candidate().hash()
                + ":" + c.validation().pairs() + ":" + c.validation().fuel()).toList());
        sig.add("near " + it.differed().nearMisses().entrySet().stream().map(e -> e.getKey() + "="
                + e.getValue().stream().map(n -> n.program().hash() + "@" + n.measures()).toList()).toList());
        return sig;
    }

    /** One iteration with the bundled library, on the cluster when {@code cluster} is set. */
    static Iteration iterate(ResultCache cache, PipelineConfig config, ClusterNode cluster) {
        try (Pipeline p = new Pipeline(tasks, config, cache)) {
            p.loadLibrary(BundledSolvers.parse());
            p.distributeTo(cluster);
            return p.runOnce();
        }
    }

    @Test
    void aSecondRunOfABatchIsServedByTheClusterAndEachStoreKeepsWhatItsRunUsed(@TempDir Path dir) {
        // a fuel of its own: its cache keys are this test's alone in the cluster's maps
        PipelineConfig config = ClusterTest.config().withFuel(PipelineConfig.defaults().fuel() + 17);
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        try {
            Iteration first = iterate(Caches.open(a), config, node);
            PhaseRecord score1 = first.scored().timing();
            // every result score looked up (one per program and sample it ran; adaptive budgets and early exit decide
            // which) missed the session's store and then the cluster's
            long results = score1.counter("cache.score.misses");
            assertTrue(results > 0 && results <= score1.counter("samples") * first.generated().batch().size());
            assertEquals(0, score1.counter("cache.shared.score.hits"), score1.counters().toString());
            assertEquals(results, score1.counter("cache.shared.score.misses"), score1.counters().toString());
            assertEquals(score1.counter("samples"), score1.counter("cluster.items"));

            // another run (another store) of the same batch on the same cluster: served by the cluster, nothing sent
            Iteration second = iterate(Caches.open(b), config, node);
            assertEquals(signature(first), signature(second));
            PhaseRecord score2 = second.scored().timing();
            // every program sample of the second run is a hit in the cluster's cache (the first run's lookups count
            // the samples score ran in rounds, so they can be fewer)
            assertEquals(score2.counter("program samples"), score2.counter("cache.shared.score.hits"), score2.counters().toString());
            assertTrue(score2.counter("cache.shared.score.hits") >= results);
            assertEquals(0, score2.counter("cache.shared.score.misses"));
            assertEquals(0, score2.counter("cluster.items"), score2.counters().toString());
            assertTrue(score2.counter("cache.shared.score.savedNanos") > 0);
            PhaseRecord validate2 = second.validated().timing();
            // (what the library's loading validated on this machine is in store b already)
            assertEquals(0, validate2.counter("cache.shared.validation.misses"), validate2.counters().toString());
            assertEquals(0, validate2.counter("cluster.items"));
            assertEquals(0, second.differed().timing().counter("cluster.items"), second.differed().timing().counters().toString());
            Caches.closeAll();

            // later, on one machine: store b has on disk what the cluster served its run
            Iteration alone = iterate(Caches.open(b), config, null);
            assertEquals(signature(first), signature(alone));
            PhaseRecord score3 = alone.scored().timing();
            assertEquals(score3.counter("program samples"), score3.counter("cache.score.diskHits"), score3.counters().toString());
            assertEquals(0, score3.counter("cache.score.misses"));
            assertEquals(0, alone.validated().timing().counter("cache.validation.misses"));
            assertEquals(0, alone.differed().timing().counter("cache.differs.misses"));
            Caches.closeAll();

            // and store a what its run computed on the workers
            PhaseRecord score4 = iterate(Caches.open(a), config, null).scored().timing();
            assertEquals(score4.counter("program samples"), score4.counter("cache.score.diskHits"), score4.counters().toString());
            assertEquals(0, score4.counter("cache.score.misses"));
        } finally {
            Caches.closeAll();
        }
    }

    /** Everything the enumerate strategy counts but its CPU time. */
    static Map<String, Long> enumerateCounts(PhaseRecord generate) {
        Map<String, Long> out = new TreeMap<>();
        generate.counters().forEach((k, v) -> {
            if (k.startsWith("strategy.enumerate.") && !k.endsWith("cpuNanos")) {
                out.put(k, v);
            }
        });
        return out;
    }

    @Test
    void enumerateSearchesEachTaskOnTheWorkersAndFindsWhatItFindsLocally() {
        // an empty library: every task is open, and enumerate proposes the whole batch
        PipelineConfig config = ClusterTest.config().withStrategies(StrategyShare.parse("enumerate"));
        Iteration local;
        try (Pipeline p = new Pipeline(tasks, config)) {
            local = p.runOnce();
        }
        Iteration distributed;
        try (Pipeline p = new Pipeline(tasks, config)) {
            p.distributeTo(node);
            distributed = p.runOnce();
        }
        PhaseRecord generate = distributed.generated().timing();
        assertEquals(tasks.size(), generate.counter("strategy.enumerate.tasks searched"));
        assertTrue(generate.counter("strategy.enumerate.tasks solved") > 0, generate.counters().toString());
        assertEquals(enumerateCounts(local.generated().timing()), enumerateCounts(generate));
        assertEquals(signature(local), signature(distributed));
        assertEquals(local.generated().batch().members().stream().map(m -> m.origin().toString()).toList(),
                distributed.generated().batch().members().stream().map(m -> m.origin().toString()).toList());
        // one work item per task, spread over both workers
        assertEquals(tasks.size(), generate.counter("cluster.items"), generate.counters().toString());
        long members = generate.counters().entrySet().stream()
                .filter(e -> e.getKey().startsWith("cluster.member.") && e.getKey().endsWith(".items") && e.getValue() > 0).count();
        assertEquals(2, members, generate.counters().toString());
    }
}
