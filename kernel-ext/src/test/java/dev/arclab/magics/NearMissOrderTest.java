package dev.arclab.magics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.arclab.pipeline.Differs.Measures;
import dev.arclab.pipeline.PhaseResults.Differed;
import dev.arclab.pipeline.PhaseResults.NearMiss;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** %candidates --near-misses shows the best credit first and one picture of each identical near miss. */
class NearMissOrderTest {
    private static NearMiss miss(String task, double credit) {
        return new NearMiss(task, null, new Measures(credit, credit, credit, credit));
    }

    @Test
    void highestCreditFirstAndIdenticalNearMissesOnce() {
        Map<String, List<NearMiss>> byTask = new LinkedHashMap<>();
        byTask.put("aaa", List.of(miss("aaa", 0.5), miss("aaa", 0.5)));
        byTask.put("bbb", List.of(miss("bbb", 0.98), miss("bbb", 0.7)));
        List<NearMiss> shown = LabMagics.nearMissesBestFirst(new Differed(byTask, 4, null), null);
        assertEquals(List.of("bbb", "bbb", "aaa"), shown.stream().map(NearMiss::task).toList());
        assertEquals(0.98, shown.get(0).measures().combined(), 1e-9);
        assertEquals(List.of("aaa"), LabMagics.nearMissesBestFirst(new Differed(byTask, 4, null),
                java.util.Set.of("aaa")).stream().map(NearMiss::task).toList());
    }
}
