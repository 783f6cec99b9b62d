package dev.arclab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arclab.cluster.ClusterNode;
import dev.arclab.cluster.ClusterSettings;
import dev.arclab.profile.PhaseRecord;
import dev.arclab.profile.RunRecord;
import dev.arclab.profile.RunRecords;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run --cluster NAME --members HOST:PORT}: the run's session joins as the coordinator, its parallel phases
 * run on a worker (started in this JVM, as the cluster tests do), the results are the local pool's, and the
 * session leaves the cluster when the command ends.
 */
class RunOnAClusterTest {
    @TempDir
    Path dir;

    static int[] freePorts(int n) throws IOException {
        ServerSocket[] held = new ServerSocket[n];
        int[] ports = new int[n];
        try {
            for (int k = 0; k < n; k++) {
                held[k] = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                ports[k] = held[k].getLocalPort();
            }
        } finally {
            for (ServerSocket s : held) {
                if (s != null) {
                    s.close();
                }
            }
        }
        return ports;
    }

    /** The lines of a run's output that state results (not timings, cache figures or the cluster's address). */
    static List<String> results(String output) {
        return output.lines().filter(l -> l.startsWith("tasks with") || l.startsWith("test outputs")
                || l.startsWith("iteration ")).toList();
    }

    @Test
    void theRunsSessionScoresOnTheWorkersDecidesAsThePoolAndLeavesAtTheEnd() throws Exception {
        int[] ports = freePorts(2);
        String name = "run-" + ProcessHandle.current().pid();
        String contact = "127.0.0.1:" + ports[0];
        List<String> common = List.of("run", "--limit", "6", "--threads", "1", "--tasks-per-batch", "6", "--no-store",
                "--iterations", "2");
        MainTest.Run onCluster;
        try (ClusterNode worker = ClusterNode.worker(ClusterSettings.local().withName(name).withPort(ports[0])
                .withMembers(List.of(contact)).withThreads(1))) {
            List<String> args = new java.util.ArrayList<>(common);
            args.addAll(List.of("--cluster", name, "--members", contact, "--port", String.valueOf(ports[1]), "--out",
                    dir.resolve("cluster").toString()));
            onCluster = MainTest.run(args.toArray(String[]::new));
            assertEquals(0, onCluster.code(), onCluster.err());
            assertTrue(onCluster.out().startsWith("joined "), onCluster.out());
            assertTrue(worker.awaitMembers(m -> m.size() == 1, 60, TimeUnit.SECONDS),
                    "the command's session left the cluster when it ended: " + worker.members());
        }
        RunRecord record = RunRecords.read(dir.resolve("cluster/run.json"));
        long remote = record.phases().stream().filter(p -> p.phase().equals("score")).mapToLong(p -> p.counter("cluster.items")).sum();
        assertTrue(remote > 0, "score ran on the worker: " + record.phases().stream().map(PhaseRecord::counters).toList());

        List<String> args = new java.util.ArrayList<>(common);
        args.addAll(List.of("--out", dir.resolve("local").toString()));
        MainTest.Run local = MainTest.run(args.toArray(String[]::new));
        assertEquals(0, local.code(), local.err());
        assertEquals(results(local.out()), results(onCluster.out()));
        assertEquals(Files.readString(dir.resolve("local/submission.json")), Files.readString(dir.resolve("cluster/submission.json")));
    }
}
