package dev.arclab.kernel;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the magics in a cell's text: {@code %%name args} on the first line (a cell magic, the rest is its body), and
 * {@code %name args} at the start of a statement line or after {@code =} ({@code var s = %seed 4}).
 *
 * <p>The text is read as Java: a {@code %} inside a string, a char literal, a text block or a comment is never a
 * magic, nor is one that continues an expression ({@code a\n  % b}). A magic line may end with {@code ;} and with a
 * {@code // comment}: {@code %tasks --limit 4; // four} is {@code %tasks} with {@code --limit 4}. Arguments are
 * split like a shell does: double quotes group words, a backslash escapes the next character.
 */
final class MagicLines {
    private MagicLines() {
    }

    /** One line magic: where its {@code %} is, where its line ends, its name and arguments, and whether it follows {@code =}. */
    record LineMagic(int start, int end, String name, List<String> args, boolean assigned) {
    }

    /** A cell magic: name, arguments and the body (the text after the first line). */
    record CellMagic(String name, List<String> args, String body) {
    }

    /** The cell magic of the cell, or null when its first line is not {@code %%name ...}. */
    static CellMagic cellMagic(String code) {
        int i = 0;
        while (i < code.length() && (code.charAt(i) == ' ' || code.charAt(i) == '\t')) {
            i++;
        }
        if (!code.startsWith("%%", i) || i + 2 >= code.length() || !Character.isJavaIdentifierStart(code.charAt(i + 2))) {
            return null;
        }
        int nl = code.indexOf('\n', i);
        String head = nl < 0 ? code.substring(i + 2) : code.substring(i + 2, nl);
        List<String> words = split(stripEnd(head));
        String body = nl < 0 ? "" : code.substring(nl + 1);
        return new CellMagic(words.get(0), List.copyOf(words.subList(1, words.size())), body);
    }

    /** The line magics of a (cell-magic-free) text, in order. */
    static List<LineMagic> lineMagics(String code) {
        List<LineMagic> found = new ArrayList<>();
        int n = code.length();
        int i = 0;
        // the last character of code outside comments, or 0 at the start
        char lastCode = 0;
        boolean lineStart = true;
        while (i < n) {
            char c = code.charAt(i);
            if (c == '\n') {
                lineStart = true;
                i++;
                continue;
            }
            if (c == ' ' || c == '\t' || c == '\r' || c == '\f') {
                i++;
                continue;
            }
            boolean afterAssign = lastCode == '=' && i > 0 && isAssignment(code, i);
            if (c == '%' && ((lineStart && (lastCode == 0 || lastCode == ';' || lastCode == '{' || lastCode == '}'))
                    || afterAssign) && i + 1 < n && Character.isJavaIdentifierStart(code.charAt(i + 1))) {
                int end = code.indexOf('\n', i);
                if (end < 0) {
                    end = n;
                }
                List<String> words = split(stripEnd(code.substring(i + 1, end)));
                found.add(new LineMagic(i, end, words.get(0), List.copyOf(words.subList(1, words.size())), afterAssign));
                lastCode = ';';
                i = end;
                continue;
            }
            lineStart = false;
            if (code.startsWith("//", i)) {
                int nl = code.indexOf('\n', i);
                i = nl < 0 ? n : nl;
            } else if (code.startsWith("/*", i)) {
                int close = code.indexOf("*/", i + 2);
                i = close < 0 ? n : close + 2;
            } else if (code.startsWith("\"\"\"", i)) {
                i = skipTextBlock(code, i + 3);
                lastCode = '"';
            } else if (c == '"' || c == '\'') {
                i = skipLiteral(code, i + 1, c);
                lastCode = c;
            } else {
                lastCode = c;
                i++;
            }
        }
        return found;
    }

    /** Whether the {@code =} before {@code at} (white space between) is an assignment, not part of ==, <=, >=, !=. */
    private static boolean isAssignment(String code, int at) {
        int j = at - 1;
        while (j >= 0 && Character.isWhitespace(code.charAt(j))) {
            j--;
        }
        if (j < 0 || code.charAt(j) != '=') {
            return false;
        }
        char before = j > 0 ? code.charAt(j - 1) : ' ';
        return "=<>!+-*/%&|^".indexOf(before) < 0;
    }

    private static int skipTextBlock(String code, int from) {
        int i = from;
        while (i < code.length()) {
            if (code.charAt(i) == '\\') {
                i += 2;
            } else if (code.startsWith("\"\"\"", i)) {
                return i + 3;
            } else {
                i++;
            }
        }
        return code.length();
    }

    private static int skipLiteral(String code, int from, char quote) {
        int i = from;
        while (i < code.length()) {
            char c = code.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == quote || c == '\n') {
                return i + 1;
            } else {
                i++;
            }
        }
        return code.length();
    }

    /** A magic line without a trailing {@code // comment} (outside quotes) and a trailing {@code ;}. */
    static String stripEnd(String line) {
        boolean quoted = false;
        int cut = line.length();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == '/' && i + 1 < line.length() && line.charAt(i + 1) == '/'
                    && (i == 0 || Character.isWhitespace(line.charAt(i - 1)) || line.charAt(i - 1) == ';')) {
                cut = i;
                break;
            }
        }
        String s = line.substring(0, cut).strip();
        while (s.endsWith(";")) {
            s = s.substring(0, s.length() - 1).stripTrailing();
        }
        return s;
    }

    /** Splits magic arguments like a shell: white space separates, double quotes group, backslash escapes. */
    static List<String> split(String args) {
        List<String> words = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        boolean word = false;
        for (int i = 0; i < args.length(); i++) {
            char c = args.charAt(i);
            if (c == '\\' && i + 1 < args.length()) {
                current.append(args.charAt(++i));
                word = true;
            } else if (c == '"') {
                quoted = !quoted;
                word = true;
            } else if (!quoted && Character.isWhitespace(c)) {
                if (word) {
                    words.add(current.toString());
                    current.setLength(0);
                    word = false;
                }
            } else {
                current.append(c);
                word = true;
            }
        }
        if (word) {
            words.add(current.toString());
        }
        return words;
    }

    /** The text with every magic line blanked to spaces (same length), for JShell's analysis (completion, inspection). */
    static String blanked(String code) {
        StringBuilder sb = new StringBuilder(code);
        CellMagic cell = cellMagic(code);
        if (cell != null) {
            int nl = code.indexOf('\n');
            for (int i = 0; i < (nl < 0 ? code.length() : nl); i++) {
                sb.setCharAt(i, ' ');
            }
            return sb.toString();
        }
        for (LineMagic m : lineMagics(code)) {
            sb.setCharAt(m.start(), ';');
            for (int i = m.start() + 1; i < m.end(); i++) {
                sb.setCharAt(i, ' ');
            }
        }
        return sb.toString();
    }
}
