package dev.arclab.pipeline.strategy;

import java.util.ArrayList;
import java.util.List;

/**
 * A configured strategy and its share of the generate phase's time (0 when the strategy has no time
 * limit). Written {@code name} or {@code name:share}, several separated by commas: {@code mutate},
 * {@code mutate:0.5,enumerate:0.5}.
 */
public record StrategyShare(String name, double share) {

    public StrategyShare {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a strategy needs a name");
        }
        if (!(share >= 0 && share <= 1)) {
            throw new IllegalArgumentException("strategy " + name + ": time share " + share + " is not in 0..1");
        }
    }

    /**
     * Parses {@code a,b:0.3}.
     *
     * @throws IllegalArgumentException naming the part that is wrong
     */
    public static List<StrategyShare> parse(String text) {
        List<StrategyShare> out = new ArrayList<>();
        for (String part : text.split(",")) {
            String p = part.trim();
            int colon = p.indexOf(':');
            if (colon < 0) {
                out.add(new StrategyShare(p, 0));
                continue;
            }
            try {
                out.add(new StrategyShare(p.substring(0, colon).trim(), Double.parseDouble(p.substring(colon + 1).trim())));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("strategy '" + p + "': the time share after ':' is not a number");
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no strategy in '" + text + "'");
        }
        return List.copyOf(out);
    }

    @Override
    public String toString() {
        return share == 0 ? name : name + ":" + share;
    }
}
