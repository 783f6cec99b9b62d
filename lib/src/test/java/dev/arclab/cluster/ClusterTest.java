package dev.arclab.cluster;

import dev.arclab.cache.ChildProcess;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arclab.pipeline.PhaseResults;
import dev.arclab.pipeline.PhaseResults.Iteration;
import dev.arclab.pipeline.Pipeline;
import dev.arclab.pipeline.PipelineConfig;
import dev.arclab.pipeline.SampleResult;
import dev.arclab.profile.PhaseRecord;
import dev.arclab.program.BundledSolvers;
import dev.arclab.task.TaskLoader;
import dev.arclab.task.TaskSet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Three worker JVMs and this JVM as coordinator: the pipeline's results on the cluster are the local
 * pool's, although one worker is killed (SIGKILL) in the middle of score and another joins after it, and
 * another coordinator works on the same cluster meanwhile until it is killed in turn.
 */
class ClusterTest {
    static final List<String> IDS = List.of("74dd1130", "9dfd6313", "3c9b0459", "6150a2bd", "6fa7a44f", "8be77c9e",
            "6d0aefbc", "c9e6f938", "46442a0e", "7fe24cdd", "d631b094", "be94b721", "a699fb00", "25ff71a9");
    static final String HEARTBEAT = "hazelcast.max.no.heartbeat.seconds";
    /** Killed members are noticed within this many seconds, in the workers and here. */
    static final String DETECT = "4";

    private final List<ChildProcess> children = new ArrayList<>();
    private String heartbeatBefore;

    @BeforeEach
    void fastFailureDetection() {
        heartbeatBefore = System.setProperty(HEARTBEAT, DETECT);
    }

    @AfterEach
    void stopChildren() {
        children.forEach(ChildProcess::close);
        if (heartbeatBefore == null) {
            System.clearProperty(HEARTBEAT);
        } else {
            System.setProperty(HEARTBEAT, heartbeatBefore);
        }
    }

    static PipelineConfig config() {
        return PipelineConfig.defaults().withStrategies(PipelineConfig.MUTATE_ONLY).withThreads(2).withSeed(42)
                .withTasksPerBatch(8).withMutation(0.3, 2);
    }

    /** Two iterations (the second starts from the first's near misses), as everything they decide. */
    static List<String> twoIterations(ClusterNode cluster, List<Iteration> out) {
        TaskSet set = TaskLoader.bundled().filter(t -> IDS.contains(t.id()));
        try (Pipeline p = new Pipeline(set, config())) {
            p.loadLibrary(BundledSolvers.parse());
            p.distributeTo(cluster);
            List<String> sig = new ArrayList<>();
            for (int k = 0; k < 2; k++) {
                Iteration it = p.runOnce();
                out.add(it);
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
                sig.add("checked " + it.validated().checked().stream().map(c -> c.candidate().task() + ":"
                        + c.candidate().hash() + ":" + c.validation().pairs() + ":" + c.validation().fuel()).toList());
                sig.add("near " + it.differed().nearMisses().entrySet().stream().map(e -> e.getKey() + "="
                        + e.getValue().stream().map(n -> n.program().hash() + "@" + n.measures()).toList()).toList());
            }
            sig.add("library " + p.library().all().stream().map(e -> e.task() + ":" + e.hash() + ":" + e.score()).toList());
            return sig;
        }
    }

    ChildProcess worker(String cluster, int port, int contact) throws IOException, InterruptedException {
        ChildProcess w = ChildProcess.start(List.of("-D" + HEARTBEAT + "=" + DETECT), dev.arclab.cli.Main.class, "worker", "--cluster", cluster,
                "--port", String.valueOf(port), "--members", "127.0.0.1:" + contact, "--threads", "1");
        children.add(w);
        return w;
    }

    static void ready(ChildProcess w, int port) throws InterruptedException {
        w.await(l -> l.startsWith("worker 127.0.0.1:" + port + " ") && l.endsWith("ready"), "the worker's ready line");
    }

    static int[] freePorts(int n) throws IOException {
        List<ServerSocket> held = new ArrayList<>();
        try {
            int[] ports = new int[n];
            for (int k = 0; k < n; k++) {
                ServerSocket s = new ServerSocket(0);
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

    @Test
    void sameResultsAsLocallyThoughAMemberIsKilledMidScoreAndAnotherJoinsLate() throws Exception {
        String name = "arclab-test-" + ProcessHandle.current().pid();
        int[] ports = freePorts(4);
        int pa = ports[0];
        int pb = ports[1];
        int pc = ports[2];
        ChildProcess a = worker(name, pa, pa);
        ChildProcess b = worker(name, pb, pa);
        // the local run while the workers start
        List<String> local = twoIterations(null, new ArrayList<>());
        ready(a, pa);
        ready(b, pb);
        // another coordinator (arclab run --cluster, other tasks, until killed) working beside this one
        ChildProcess other = ChildProcess.start(List.of(), dev.arclab.cli.Main.class, "run", "--cluster", name,
                "--members", "127.0.0.1:" + pa, "--no-store", "--limit", "8", "--threads", "1", "--budget", "10m");
        children.add(other);
        ClusterSettings settings = new ClusterSettings(name, List.of("127.0.0.1:" + pa, "127.0.0.1:" + pb), ports[3],
                "127.0.0.1", 1, 1, ClusterSettings.DEFAULT_CACHE_MEGABYTES);
        try (ClusterNode node = ClusterNode.coordinator(settings)) {
            assertTrue(node.awaitWorkers(2, 60, TimeUnit.SECONDS), "workers a and b in " + node.members());
            String bAddress = "127.0.0.1:" + pb;
            String cAddress = "127.0.0.1:" + pc;
            AtomicReference<ChildProcess> late = new AtomicReference<>();
            node.onChunk((member, chunk) -> {
                if (!member.equals(bAddress) || late.get() != null) {
                    return;
                }
                // b has done a chunk of score and has another in flight: kill it there, and start c meanwhile
                try {
                    b.kill();
                    late.set(worker(name, pc, pa));
                    ready(late.get(), pc);
                    assertTrue(node.awaitMembers(m -> m.stream().anyMatch(i -> i.address().equals(cAddress)), 60,
                            TimeUnit.SECONDS), "c joined: " + node.members());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            });
            List<Iteration> its = new ArrayList<>();
            List<String> distributed = twoIterations(node, its);

            assertEquals(local, distributed);
            PhaseRecord score = its.get(0).scored().timing();
            Map<String, Long> items = score.counters().entrySet().stream()
                    .filter(e -> e.getKey().startsWith("cluster.member.") && e.getKey().endsWith(".items"))
                    .collect(Collectors.toMap(e -> e.getKey().substring("cluster.member.".length(),
                            e.getKey().length() - ".items".length()), Map.Entry::getValue));
            assertTrue(items.getOrDefault(bAddress, 0L) > 0, "b ran items before it was killed: " + items);
            assertTrue(items.getOrDefault(cAddress, 0L) > 0, "c took items after joining late: " + items);
            // every item counted once: the members' accepted items add up to the phase's items
            assertEquals(score.counter("cluster.items"), items.values().stream().mapToLong(Long::longValue).sum(), items.toString());
            assertTrue(a.alive() && late.get().alive());
            // validate and differs ran on the members left, a and c
            assertTrue(its.get(1).differed().timing().counter("cluster.member." + cAddress + ".items") > 0,
                    its.get(1).differed().timing().counters().toString());

            // the other coordinator, killed during its run: the workers stay up and serve the next
            other.await(l -> l.startsWith("iteration 1"), "the other coordinator's first iteration");
            assertTrue(other.alive(), () -> "the other coordinator still runs: " + other.output());
            other.kill();
            assertTrue(a.alive() && late.get().alive());
            TaskSet few = TaskLoader.bundled().filter(t -> IDS.contains(t.id()));
            // (another fuel budget: the batch's results are in the cluster's shared cache under the first)
            try (Pipeline p = new Pipeline(few, config().withFuel(config().fuel() + 1))) {
                p.loadLibrary(BundledSolvers.parse());
                p.distributeTo(node);
                PhaseRecord after = p.score(p.generate()).timing();
                assertEquals(after.counter("samples"), after.counter("cluster.items"));
                assertTrue(after.counter("cluster.member." + cAddress + ".items") > 0, after.counters().toString());
            }
        }
    }
}
