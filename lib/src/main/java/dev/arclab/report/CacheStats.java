package dev.arclab.report;

import dev.arclab.profile.PhaseRecord;
import dev.arclab.profile.RunRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Statistics of one cache map, the input of the cache table. Hits are split by origin: {@code sessionHits}
 * found an entry written in this session, {@code diskHits} one persisted by an earlier session; the two do
 * not overlap. {@code secondsSaved} is the sum of the measured costs stored with the hit entries. Values
 * that are not known are -1 ({@code entries}, {@code bytes}) or NaN ({@code secondsSaved}).
 */
public record CacheStats(String map, long sessionHits, long diskHits, long misses, long entries, long bytes,
        double secondsSaved) {

    /** How the maps of a cluster's shared result cache are named in the counters ({@code cache.shared.score.hits}). */
    public static final String SHARED = "shared.";
    private static final Pattern COUNTER = Pattern.compile("cache\\.(.+)\\.(hits|diskHits|misses)");

    public long hits() {
        return sessionHits + diskHits;
    }

    public long lookups() {
        return hits() + misses;
    }

    /** hits / lookups, NaN with no lookups. */
    public double hitRate() {
        long n = lookups();
        return n == 0 ? Double.NaN : (double) hits() / n;
    }

    /** This instance plus another's counts (sizes and savings taken from whichever is known). */
    public CacheStats plus(CacheStats o) {
        return new CacheStats(map, sessionHits + o.sessionHits, diskHits + o.diskHits, misses + o.misses,
                known(entries, o.entries), known(bytes, o.bytes), sum(secondsSaved, o.secondsSaved));
    }

    private static long known(long a, long b) {
        if (a < 0) {
            return b;
        }
        return b < 0 ? a : a + b;
    }

    private static double sum(double a, double b) {
        if (Double.isNaN(a)) {
            return b;
        }
        return Double.isNaN(b) ? a : a + b;
    }

    /**
     * Reads the phase counters named {@code cache.<map>.hits}, {@code cache.<map>.diskHits} and
     * {@code cache.<map>.misses}; one entry per map, sorted by name. Entries, bytes and time saved are not
     * in counters and stay unknown.
     */
    public static List<CacheStats> fromCounters(Map<String, Long> counters) {
        Map<String, long[]> byMap = new TreeMap<>();
        counters.forEach((name, value) -> {
            Matcher m = COUNTER.matcher(name);
            if (m.matches() && value != null) {
                long[] a = byMap.computeIfAbsent(m.group(1), k -> new long[3]);
                switch (m.group(2)) {
                    case "hits" -> a[0] += value;
                    case "diskHits" -> a[1] += value;
                    default -> a[2] += value;
                }
            }
        });
        List<CacheStats> out = new ArrayList<>();
        byMap.forEach((map, a) -> out.add(new CacheStats(map, a[0], a[1], a[2], -1, -1, Double.NaN)));
        return out;
    }

    /** True when the counters hold at least one cache counter. */
    public static boolean hasCacheCounters(Map<String, Long> counters) {
        return counters.keySet().stream().anyMatch(k -> COUNTER.matcher(k).matches());
    }

    /**
     * All cache maps of one phase summed into one entry named {@code name}. A cluster's shared cache
     * ({@code shared.<map>}) is left out: its lookups are the session cache's misses, counted there already.
     */
    public static CacheStats total(String name, List<CacheStats> stats) {
        CacheStats t = new CacheStats(name, 0, 0, 0, -1, -1, Double.NaN);
        for (CacheStats s : stats) {
            if (s.map().startsWith(SHARED)) {
                continue;
            }
            t = t.plus(new CacheStats(name, s.sessionHits, s.diskHits, s.misses, s.entries, s.bytes, s.secondsSaved));
        }
        return t;
    }

    /**
     * Cache lookups of a run per iteration, from its phase counters: key = iteration, value = the sum over
     * all phases of that iteration, for one map ({@code map} non-null) or all maps (null).
     */
    public static Map<Integer, CacheStats> perIteration(RunRecord run, String map) {
        Map<Integer, CacheStats> out = new TreeMap<>();
        for (PhaseRecord p : run.phases()) {
            if (!hasCacheCounters(p.counters())) {
                continue;
            }
            List<CacheStats> maps = fromCounters(p.counters());
            if (map != null) {
                maps = maps.stream().filter(s -> s.map().equals(map)).toList();
            }
            if (maps.isEmpty()) {
                continue;
            }
            CacheStats t = total(map == null ? "all maps" : map, maps);
            out.merge(p.iteration(), t, CacheStats::plus);
        }
        return out;
    }
}
