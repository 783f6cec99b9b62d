package dev.arclab.kernel;

import dev.arclab.kernel.Evaluator.Chunk;
import dev.arclab.magics.CommandMagic;
import dev.arclab.magics.MagicRegistry;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import jdk.jshell.SourceCodeAnalysis;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;

/**
 * What the front end asks about code that has not run: completion (Tab), inspection (Shift-Tab) and whether a cell
 * is complete (the console's Enter). Java comes from JShell's analysis of the snippet at the cursor; magic names and
 * their arguments from the magics.
 */
final class Completion {
    private static final Pattern MAGIC_ARGS = Pattern.compile("^\\s*(?:\\S.*=\\s*)?%(\\w+)\\s+(.*)$");
    private static final Pattern MAGIC_NAME = Pattern.compile("^\\s*(%%?)(\\w+)");
    private final Evaluator evaluator;
    private final Evaluator.MagicNames magicNames;

    Completion(Evaluator evaluator, Evaluator.MagicNames magicNames) {
        this.evaluator = evaluator;
        this.magicNames = magicNames;
    }


    /** The snippet that holds {@code at}: its source (up to the end of the snippet) and its start. */
    private Chunk chunkAt(String code, int at) {
        String masked = MagicLines.blanked(code);
        String remaining = masked;
        int offset = 0;
        while (!remaining.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = evaluator.analysis().analyzeCompletion(remaining);
            int used = remaining.length() - info.remaining().length();
            if (!info.completeness().isComplete() || offset + used >= at || info.remaining().isBlank()) {
                return new Chunk(remaining, offset);
            }
            offset += used;
            remaining = info.remaining();
        }
        return new Chunk(remaining, offset);
    }

    ReplacementOptions complete(String code, int at) {
        at = Math.max(0, Math.min(at, code.length()));
        int lineStart = code.lastIndexOf('\n', at - 1) + 1;
        String linePrefix = code.substring(lineStart, at);
        Matcher magic = Pattern.compile("^\\s*(%%?)(\\w*)$").matcher(linePrefix);
        if (magic.find()) {
            String typed = magic.group(2);
            Set<String> names = magic.group(1).equals("%%") ? magicNames.cell()
                    : magicNames.line();
            List<String> matches = names.stream().filter(n -> n.startsWith(typed)).sorted().collect(Collectors.toList());
            return new ReplacementOptions(matches, at - typed.length(), at);
        }
        Matcher args = MAGIC_ARGS.matcher(linePrefix);
        if (args.find() && magicAt(code, lineStart)) {
            // the arguments of a magic: its options and their values, never Java names
            List<String> words = MagicLines.split(args.group(2));
            boolean fresh = args.group(2).isEmpty() || Character.isWhitespace(args.group(2).charAt(args.group(2).length() - 1));
            String typed = fresh || words.isEmpty() ? "" : words.remove(words.size() - 1);
            List<String> matches = MagicRegistry.global().get(args.group(1))
                    .map(m -> m.complete(words, typed)).orElse(List.of());
            return new ReplacementOptions(matches, at - typed.length(), at);
        }
        Chunk chunk = chunkAt(code, at);
        int rel = at - chunk.start();
        int[] anchor = new int[1];
        List<SourceCodeAnalysis.Suggestion> suggestions = evaluator.analysis().completionSuggestions(chunk.source(), rel, anchor);
        Set<String> options = new LinkedHashSet<>();
        suggestions.stream().filter(SourceCodeAnalysis.Suggestion::matchesType)
                .forEach(s -> options.add(s.continuation()));
        suggestions.forEach(s -> options.add(s.continuation()));
        int start = chunk.start() + anchor[0];
        String word = code.substring(identifierStart(code, at), at);
        if (!word.isEmpty() && (start == at - word.length() || options.isEmpty())
                && (at - word.length() == 0 || code.charAt(at - word.length() - 1) != '.')) {
            // DSL primitives (objects, argmax, ...), after the Java names
            PrimitiveDocs.names().stream().filter(n -> n.startsWith(word)).forEach(options::add);
            start = at - word.length();
        }
        return new ReplacementOptions(new ArrayList<>(options), start, at);
    }

    DisplayData inspect(String code, int at, boolean extraDetail) {
        at = Math.max(0, Math.min(at, code.length()));
        int lineStart = code.lastIndexOf('\n', Math.max(0, at - 1)) + 1;
        Matcher magic = MAGIC_NAME.matcher(code.substring(lineStart));
        if (magic.find() && at <= lineStart + magic.end() && (magic.group(1).equals("%%") ? lineStart == 0
                || code.substring(0, lineStart).isBlank() : magicAt(code, lineStart))) {
            String help = magicHelp(magic.group(2), magic.group(1).equals("%%"));
            return help == null ? null : new DisplayData(help);
        }
        Chunk chunk = chunkAt(code, at);
        int rel = at - chunk.start();
        List<SourceCodeAnalysis.Documentation> docs = evaluator.analysis().documentation(chunk.source(), rel, extraDetail);
        if (docs.isEmpty()) {
            // On a method name without its '(' JShell finds nothing: ask as if the '(' were there.
            int end = rel;
            String src = chunk.source();
            while (end < src.length() && Character.isJavaIdentifierPart(src.charAt(end))) {
                end++;
            }
            if (end > 0 && Character.isJavaIdentifierPart(src.charAt(end - 1))) {
                docs = evaluator.analysis().documentation(src.substring(0, end) + "(", end + 1, extraDetail);
            }
        }
        StringBuilder sb = new StringBuilder();
        for (SourceCodeAnalysis.Documentation d : docs) {
            sb.append(d.signature()).append('\n');
            if (extraDetail && d.javadoc() != null && !d.javadoc().isBlank()) {
                sb.append(d.javadoc().strip()).append("\n\n");
            } else {
                // ARC Lab's own classes: their javadoc from the shipped sources; a short look shows its first paragraph
                SourceDocs.of(d.signature(), imports()).ifPresent(doc -> sb.append(extraDetail ? doc : SourceDocs.firstParagraph(doc))
                        .append("\n\n"));
            }
        }
        if (sb.length() == 0) {
            String word = identifierAt(code, at);
            if (!word.isEmpty()) {
                evaluator.shell().variables().filter(v -> v.name().equals(word) && evaluator.shell().status(v).isActive())
                        .reduce((a, b) -> b)
                        .ifPresent(v -> sb.append(v.typeName()).append(' ').append(v.name()).append(" = ")
                                .append(shorten(String.valueOf(evaluator.read(v)))).append('\n'));
                if (sb.length() == 0) {
                    String type = evaluator.analysis().analyzeType(chunk.source(), Math.min(chunk.source().length(),
                            Math.max(0, rel)));
                    if (type != null && !type.isBlank()) {
                        sb.append(word).append(" : ").append(type).append('\n');
                    }
                }
            }
        }
        if (sb.length() == 0) {
            PrimitiveDocs.of(identifierAt(code, at)).ifPresent(d -> sb.append(d.text()));
        }
        if (sb.length() == 0) {
            return null;
        }
        return new DisplayData(sb.toString().stripTrailing());
    }

    /** The session's active imports ({@code dev.arclab.dsl.*}, {@code dev.arclab.lab.Session}, ...). */
    private List<String> imports() {
        return evaluator.importedNames();
    }

    /** Whether the line starting at {@code lineStart} is a magic line (not text inside a string, comment...). */
    private static boolean magicAt(String code, int lineStart) {
        int end = code.indexOf('\n', lineStart);
        String upTo = code.substring(0, end < 0 ? code.length() : end);
        return MagicLines.lineMagics(upTo).stream().anyMatch(m -> m.start() >= lineStart);
    }

    /** The help of a magic: its usage for ARC Lab's magics, a line for the ones the evaluator runs. */
    static String magicHelp(String name, boolean cell) {
        if (cell) {
            return switch (name) {
                case "time" -> "%%time: run the cell and print its wall time and the CPU time of the process.";
                case "timeit" -> "%%timeit [-n LOOPS] [-r RUNS]: run the cell's statements RUNS times (default 7)"
                        + " LOOPS times (default: enough for 0.2 s a run) and show the median time per loop.";
                default -> null;
            };
        }
        String own = switch (name) {
            case "time" -> "%time CODE: run CODE and print its wall time and the CPU time of the process (all threads);"
                    + " the value is CODE's.";
            case "timeit" -> "%timeit [-n LOOPS] [-r RUNS] CODE: run CODE RUNS times (default 7) LOOPS times (default:"
                    + " enough for 0.2 s a run) and show the median time per loop, with min and max.";
            case "load" -> "%load FILE: run the snippets of a .jshell or .java file here, as if typed in the cell.";
            default -> null;
        };
        if (own != null) {
            return own;
        }
        return MagicRegistry.global().get(name)
                .map(m -> m instanceof CommandMagic c ? c.usage() : "%" + m.name() + ": " + m.help()).orElse(null);
    }

    private static int identifierStart(String code, int at) {
        int s = at;
        while (s > 0 && Character.isJavaIdentifierPart(code.charAt(s - 1))) {
            s--;
        }
        return s;
    }

    private static String shorten(String s) {
        return s.length() <= 500 ? s : s.substring(0, 500) + "...";
    }

    private static String identifierAt(String code, int at) {
        int s = at;
        while (s > 0 && Character.isJavaIdentifierPart(code.charAt(s - 1))) {
            s--;
        }
        int e = at;
        while (e < code.length() && Character.isJavaIdentifierPart(code.charAt(e))) {
            e++;
        }
        return code.substring(s, e);
    }

    String isComplete(String code) {
        String remaining = MagicLines.blanked(code);
        while (!remaining.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = evaluator.analysis().analyzeCompletion(remaining);
            switch (info.completeness()) {
                case COMPLETE, COMPLETE_WITH_SEMI -> remaining = info.remaining();
                case EMPTY -> {
                    return BaseKernel.IS_COMPLETE_YES;
                }
                case DEFINITELY_INCOMPLETE, CONSIDERED_INCOMPLETE -> {
                    return indentAfter(code);
                }
                default -> {
                    return BaseKernel.IS_COMPLETE_BAD;
                }
            }
        }
        return BaseKernel.IS_COMPLETE_YES;
    }

    private static String indentAfter(String code) {
        String lastLine = code.substring(code.lastIndexOf('\n') + 1);
        String indent = lastLine.substring(0, leadingSpace(lastLine));
        String t = lastLine.strip();
        return t.endsWith("{") || t.endsWith("(") ? indent + "    " : indent;
    }

    private static int leadingSpace(String s) {
        int i = 0;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }
}
