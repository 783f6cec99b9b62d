package dev.arclab.cluster;

import dev.arclab.cache.ChildProcess;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What keeps a cluster to itself: its name, its listed members, its bound interface; and bad settings named. */
class ClusterIsolationTest {

    @Test
    void aMemberOfAnotherClusterNameIsRefused() throws Exception {
        int[] ports = ClusterTest.freePorts(2);
        ClusterSettings base = ClusterSettings.local().withThreads(1);
        try (ClusterNode worker = ClusterNode.worker(base.withName("isolation-a").withPort(ports[0])
                .withMembers(List.of("127.0.0.1:" + ports[0])));
                ClusterNode other = ClusterNode.coordinator(base.withName("isolation-b").withPort(ports[1])
                        .withMembers(List.of("127.0.0.1:" + ports[0])))) {
            // the other name's member listed the worker, yet forms a cluster of its own
            assertFalse(other.awaitWorkers(1, 3, TimeUnit.SECONDS), other.members().toString());
            assertEquals(1, other.members().size());
            assertEquals(1, worker.members().size());
            assertEquals("127.0.0.1:" + ports[0], worker.address());
        }
    }

    @Test
    void badSettingsNameWhatIsWrong() {
        ClusterSettings s = ClusterSettings.local();
        assertTrue(assertThrows(IllegalArgumentException.class, () -> s.withName("no spaces")).getMessage().contains("cluster name"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ClusterSettings.parseMembers("host:99999"))
                .getMessage().contains("host:99999"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ClusterSettings.parseMembers("host:x"))
                .getMessage().contains("'x' is not a number"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ClusterSettings.parseMembers(" , "))
                .getMessage().contains("HOST[:PORT]"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> s.withThreads(0)).getMessage().contains("threads"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> s.withCacheMegabytes(0)).getMessage().contains("shared cache"));
        assertEquals(List.of("10.0.0.2:5701", "host"), ClusterSettings.parseMembers("10.0.0.2:5701, host"));
    }

    @Test
    void aRunThatJoinsNoClusterLoadsNoHazelcastClass() throws Exception {
        try (ChildProcess run = ChildProcess.start(List.of("-verbose:class"), dev.arclab.cli.Main.class, "run", "--no-store", "--limit", "3",
                "--threads", "1", "--iterations", "1")) {
            run.await(l -> l.startsWith("cache score:"), "the run's cache lines");
            run.await(l -> l.startsWith("cache differs:"), "the run's last line");
            assertTrue(run.output().contains("dev.arclab.cli.RunCommand"), "-verbose:class lists loaded classes");
            assertFalse(run.output().contains("com.hazelcast"), "a Hazelcast class was loaded");
        }
    }
}
