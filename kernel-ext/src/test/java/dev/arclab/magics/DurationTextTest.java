package dev.arclab.magics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.arclab.lab.Views;
import org.junit.jupiter.api.Test;

/** Durations in summary lines use ms below a second, so a short phase never reads "0.000 s". */
class DurationTextTest {
    @Test
    void shortDurationsReadInMilliseconds() {
        assertEquals("0.42 ms", Views.seconds(0.00042));
        assertEquals("12.3 ms", Views.seconds(0.0123));
        assertEquals("250 ms", Views.seconds(0.25));
        assertEquals("2.50 s", Views.seconds(2.5));
        assertEquals("12.5 s", Views.seconds(12.5));
    }
}
