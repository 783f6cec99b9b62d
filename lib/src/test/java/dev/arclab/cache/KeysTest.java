package dev.arclab.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class KeysTest {

    @Test
    void fastKeysDifferForNearbyTexts() {
        java.util.Set<Keys.Key> seen = new java.util.HashSet<>();
        for (int k = 0; k < 20000; k++) {
            assertTrue(seen.add(Keys.fast("sample " + k)));
        }
        assertEquals(Keys.fast("abcdefgh"), Keys.fast("xxabcdefghyy", 2, 10));
        assertNotEquals(Keys.fast("a"), Keys.fast("a\u0000"));
        assertEquals(Keys.hash("a", "b"), Keys.hash("a", "b"));
        assertNotEquals(Keys.hash("a", "b"), Keys.hash("ab", ""));
    }
}
