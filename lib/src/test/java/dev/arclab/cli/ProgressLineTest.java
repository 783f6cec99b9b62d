package dev.arclab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arclab.pipeline.Progress;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressLineTest {
    private final StringWriter text = new StringWriter();
    private long now;
    private final ProgressLine line = new ProgressLine(new PrintWriter(text), () -> now);

    @Test
    void rewritesInPlaceAtMostFiveTimesASecondAndShowsEachPhaseStart() {
        line.accept(new Progress("generate mutate", 0, 32_000));
        now += ProgressLine.INTERVAL_NANOS / 2;
        line.accept(new Progress("generate mutate", 256, 32_000));  // too soon: not shown
        now += ProgressLine.INTERVAL_NANOS;
        line.accept(new Progress("generate mutate", 12_800, 32_000));
        assertEquals("\rgenerate mutate: 0 of 32,000 (0%)\rgenerate mutate: 12,800 of 32,000 (40%)", text.toString());
        text.getBuffer().setLength(0);
        line.accept(new Progress("score", 0, 9));  // a new phase shows at once, padded over the longer line before
        assertEquals("\rscore: 0 of 9 (0%)" + " ".repeat("generate mutate: 12,800 of 32,000 (40%)".length()
                - "score: 0 of 9 (0%)".length()), text.toString());
    }

    @Test
    void aPhaseThatEndsWipesItsLineSoTheCommandsOutputStartsClean() {
        line.accept(new Progress("score", 0, 9));
        text.getBuffer().setLength(0);
        line.accept(new Progress("score", 9, 9));
        String shown = "score: 0 of 9 (0%)";
        assertEquals("\r" + " ".repeat(shown.length()) + "\r", text.toString());
        text.getBuffer().setLength(0);
        line.clear();
        assertEquals("", text.toString(), "nothing left to wipe");
        assertTrue(ProgressLine.forTerminal(new PrintWriter(text)) != null);
    }
}
