package dev.arclab.kernel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.dflib.jjava.jupyter.kernel.history.HistoryEntry;
import org.dflib.jjava.jupyter.kernel.history.HistoryManager;

/**
 * The inputs of this kernel session, for {@code history_request}: {@code tail} (the last n), {@code range} (cells
 * start..stop-1 of session 0, the current one) and {@code search} (a glob pattern over the whole input, {@code *}
 * and {@code ?}, as IPython does; {@code unique} keeps the last of equal inputs; n limits to the last n matches).
 * The session number of this kernel's entries is {@link #SESSION}.
 */
final class InputHistory implements HistoryManager {
    /** The session number in the replies (the kernel keeps no history across restarts). */
    static final int SESSION = 1;

    private record Input(int cell, String text) {
    }

    private final List<Input> inputs = new ArrayList<>();

    /** Records the input of cell {@code cell} (its execution count). */
    synchronized void add(int cell, String text) {
        inputs.add(new Input(cell, text));
    }

    private static HistoryEntry entry(Input i) {
        return new HistoryEntry(SESSION, i.cell(), i.text(), null);
    }

    @Override
    public synchronized List<HistoryEntry> lookupTail(int length, Set<ResultFlag> flags) {
        int n = length <= 0 ? inputs.size() : Math.min(length, inputs.size());
        return inputs.subList(inputs.size() - n, inputs.size()).stream().map(InputHistory::entry).toList();
    }

    @Override
    public synchronized List<HistoryEntry> lookupRange(int session, int start, int stop, Set<ResultFlag> flags) {
        if (session != 0 && session != SESSION) {
            return List.of();
        }
        return inputs.stream().filter(i -> i.cell() >= start && (stop <= 0 || i.cell() < stop))
                .map(InputHistory::entry).toList();
    }

    @Override
    public synchronized List<HistoryEntry> search(String pattern, int length, Set<ResultFlag> flags) {
        Pattern glob = globToRegex(pattern == null || pattern.isEmpty() ? "*" : pattern);
        List<Input> matches = inputs.stream().filter(i -> glob.matcher(i.text()).matches()).toList();
        if (flags.contains(ResultFlag.UNIQUE)) {
            Map<String, Input> last = new LinkedHashMap<>();
            for (Input i : matches) {
                last.remove(i.text());
                last.put(i.text(), i);
            }
            matches = new ArrayList<>(last.values());
        }
        int n = length <= 0 ? matches.size() : Math.min(length, matches.size());
        return matches.subList(matches.size() - n, matches.size()).stream().map(InputHistory::entry).toList();
    }

    /** A glob ({@code *} any text, also across lines; {@code ?} one character; the rest literal) as a regex. */
    static Pattern globToRegex(String glob) {
        StringBuilder re = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char c : glob.toCharArray()) {
            if (c == '*' || c == '?') {
                if (literal.length() > 0) {
                    re.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                re.append(c == '*' ? ".*" : ".");
            } else {
                literal.append(c);
            }
        }
        if (literal.length() > 0) {
            re.append(Pattern.quote(literal.toString()));
        }
        return Pattern.compile(re.toString(), Pattern.DOTALL);
    }
}
