package dev.arclab.search;

import dev.arclab.pipeline.strategy.StrategyShare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arclab.program.Program;
import dev.arclab.program.ProgramParser;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SpliceStrategyTest {

    private static final String RECIPIENT = "def solve_r(I):\n    x1 = objects(I, T, F, T)\n"
            + "    x2 = argmax(x1, size)\n    O = subgrid(x2, I)\n    return O\n";
    private static final String DONOR = "def solve_d(I):\n    x1 = partition(I)\n    x2 = argmin(x1, size)\n"
            + "    x3 = recolor(TWO, x2)\n    O = paint(I, x3)\n    return O\n";

    @Test
    void aSpliceReplacesACallByACompatibleDonorCallWithTheLinesItNeeds() {
        ProgramParser parser = new ProgramParser();
        String r = parser.parseProgram(RECIPIENT).canonicalText();
        String d = parser.parseProgram(DONOR).canonicalText();
        int parsed = 0;
        for (long seed = 0; seed < 40; seed++) {
            String child = SpliceStrategy.splice(r, d, "0000abcd", new Random(seed));
            if (child == null) {
                continue;
            }
            Program p = parser.parseProgram(child);
            parsed++;
            assertEquals("0000abcd", p.taskId());
            assertTrue(child.contains("s1 = "), child);
            // every donor variable is defined before it is used
            for (SpliceStrategy.Line l : SpliceStrategy.lines(child)) {
                for (String a : l.args()) {
                    if (a.matches("s\\d+")) {
                        assertTrue(child.indexOf("    " + a + " = ") < child.indexOf(l.text().trim()), child);
                    }
                }
            }
        }
        assertTrue(parsed > 10, "most splices of two programs of compatible types parse: " + parsed);
    }

    @Test
    void theSameSeedGivesTheSameSplice() {
        ProgramParser parser = new ProgramParser();
        String r = parser.parseProgram(RECIPIENT).canonicalText();
        String d = parser.parseProgram(DONOR).canonicalText();
        for (long seed = 0; seed < 10; seed++) {
            assertEquals(SpliceStrategy.splice(r, d, "t", new Random(seed)), SpliceStrategy.splice(r, d, "t", new Random(seed)));
        }
    }

    @Test
    void noCompatibleDonorCallMeansNoSplice() {
        ProgramParser parser = new ProgramParser();
        String r = parser.parseProgram("def solve_r(I):\n    O = size(I)\n    return O\n").canonicalText();
        String d = parser.parseProgram("def solve_d(I):\n    O = rot90(I)\n    return O\n").canonicalText();
        assertNull(SpliceStrategy.splice(r, d, "t", new Random(1)));
        assertNotNull(SpliceStrategy.splice(d, d, "t", new Random(1)));
    }
}
