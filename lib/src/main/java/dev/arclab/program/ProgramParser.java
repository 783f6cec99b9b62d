package dev.arclab.program;

import dev.arclab.dsl.Dsl;
import dev.arclab.dsl.Primitive;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads solver files in arc-dsl's format: any number of functions
 *
 * <pre>
 * def solve_&lt;taskid&gt;(I):
 *     x1 = objects(I, T, F, T)
 *     x2 = rbind(shift, UP)
 *     x3 = x2(x1)
 *     O = paint(I, x3)
 *     return O
 * </pre>
 *
 * made of straight-line {@code name = callee(arg, ...)} statements ending with {@code return O}. The
 * callee is a primitive or a variable holding a function; an argument is {@code I}, an earlier
 * variable, one of the 28 constants, a primitive used as a value, an integer literal or
 * {@code True}/{@code False}. Outside functions only blank lines, comments and imports are allowed.
 * The text is data: it is never compiled or evaluated as code.
 *
 * <p>Each function is parsed on its own: the first problem in a function is reported as a
 * {@link ParseError} (file, line, column, what was expected) and parsing goes on with the next
 * function. Nodes are made through the parser's {@link NodeTable}, so programs parsed by one parser
 * share their common sub-DAGs.
 */
public final class ProgramParser {

    private static final String PREFIX = "solve_";
    private static final Set<String> KEYWORDS = Set.of("False", "None", "True", "and", "as", "assert", "async",
            "await", "break", "class", "continue", "def", "del", "elif", "else", "except", "finally", "for",
            "from", "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise",
            "return", "try", "while", "with", "yield");

    private final NodeTable table;

    /** A parser with a fresh node table. */
    public ProgramParser() {
        this(new NodeTable());
    }

    /** A parser that makes its nodes in {@code table} (share one table to merge programs into one DAG). */
    public ProgramParser(NodeTable table) {
        this.table = table;
    }

    public NodeTable table() {
        return table;
    }

    /** Parses a UTF-8 solver file; errors name it as written in {@code file}. */
    public ParseResult parse(Path file) throws IOException {
        return parse(file.toString(), dev.arclab.task.TextFiles.readUtf8(file));
    }

    /** Parses solver text; {@code fileName} is the name used in error messages. */
    public ParseResult parse(String fileName, String text) {
        return new FileParse(fileName, text).run();
    }

    /**
     * Parses text that must hold exactly one valid solver function.
     *
     * @throws ProgramSyntaxException listing every problem otherwise
     */
    public Program parseProgram(String text) {
        ParseResult r = parse("<program>", text);
        if (r.hasErrors()) {
            throw new ProgramSyntaxException(r.errors());
        }
        if (r.programs().size() != 1) {
            throw new ProgramSyntaxException(List.of(new ParseError("<program>", 1, 1,
                    "expected exactly one solver function, found " + r.programs().size())));
        }
        return r.programs().get(0);
    }

    // ---- tokens ------------------------------------------------------------------------------

    private enum T {
        NAME, INT, LPAREN, RPAREN, COMMA, EQUALS, COLON, MINUS, OTHER, END
    }

    /** A token and its 1-based column. */
    private record Tok(T type, String text, int col) {
        String shown() {
            return type == T.END ? "end of line" : "'" + text + "'";
        }

        boolean isName(String s) {
            return type == T.NAME && text.equals(s);
        }
    }

    private static List<Tok> lex(String line) {
        List<Tok> out = new ArrayList<>();
        int n = line.length();
        int i = 0;
        while (i < n) {
            char c = line.charAt(i);
            if (c == '#') {
                break;
            }
            if (c == ' ' || c == '\t' || c == '\f') {
                i++;
                continue;
            }
            int start = i;
            if (Character.isLetter(c) || c == '_') {
                while (i < n && (Character.isLetterOrDigit(line.charAt(i)) || line.charAt(i) == '_')) {
                    i++;
                }
                out.add(new Tok(T.NAME, line.substring(start, i), start + 1));
            } else if (c >= '0' && c <= '9') {
                while (i < n && line.charAt(i) >= '0' && line.charAt(i) <= '9') {
                    i++;
                }
                out.add(new Tok(T.INT, line.substring(start, i), start + 1));
            } else {
                T type;
                switch (c) {
                    case '(':
                        type = T.LPAREN;
                        break;
                    case ')':
                        type = T.RPAREN;
                        break;
                    case ',':
                        type = T.COMMA;
                        break;
                    case '=':
                        type = T.EQUALS;
                        break;
                    case ':':
                        type = T.COLON;
                        break;
                    case '-':
                        type = T.MINUS;
                        break;
                    default:
                        type = T.OTHER;
                        break;
                }
                i++;
                out.add(new Tok(type, String.valueOf(c), start + 1));
            }
        }
        out.add(new Tok(T.END, "", n + 1));
        return out;
    }

    /** A syntax or name problem at a column of the current line. */
    private static final class Problem extends Exception {
        private static final long serialVersionUID = 1L;
        final int line;
        final int col;

        Problem(int line, int col, String message) {
            super(shorten(message), null, false, false);
            this.line = line;
            this.col = col;
        }
    }

    /** Longer names are cut in messages, so a huge identifier is not echoed in full. */
    static final int MAX_ECHOED_NAME = 60;
    private static final java.util.regex.Pattern LONG_NAME =
            java.util.regex.Pattern.compile("[A-Za-z0-9_]{" + (MAX_ECHOED_NAME + 1) + ",}");

    /** The message with every name longer than {@link #MAX_ECHOED_NAME} characters cut, its length said. */
    static String shorten(String message) {
        return LONG_NAME.matcher(message).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(
                m.group().substring(0, MAX_ECHOED_NAME) + "... (" + m.group().length() + " characters)"));
    }

    /** One argument as written: a name or an integer literal. */
    private record Arg(Tok name, Integer literal, String literalText, int col) {
    }

    /** One statement: {@code target = callee(args)} or {@code return O} (target null). */
    private record Statement(int line, Tok target, Tok callee, List<Arg> args) {
        boolean isReturn() {
            return target == null;
        }
    }

    // ---- one file ----------------------------------------------------------------------------

    private final class FileParse {
        private final String file;
        private final String[] lines;
        private final List<Program> programs = new ArrayList<>();
        private final List<ParseError> errors = new ArrayList<>();
        private final Map<String, Integer> defined = new HashMap<>();

        FileParse(String file, String text) {
            this.file = file;
            if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
                text = text.substring(1);
            }
            this.lines = text.split("\r\n|\r|\n", -1);
        }

        ParseResult run() {
            int i = 0;
            while (i < lines.length) {
                String line = lines[i];
                int indent = indentOf(line);
                if (isBlank(line, indent)) {
                    i++;
                } else if (indent > 0) {
                    error(i + 1, indent + 1, "unexpected indented line outside a function");
                    i = skipBody(i + 1);
                } else {
                    List<Tok> toks = lex(line);
                    Tok first = toks.get(0);
                    if (first.isName("import") || first.isName("from")) {
                        i++;
                    } else if (first.isName("def")) {
                        i = function(i, toks);
                    } else {
                        error(i + 1, first.col(), "expected 'def', an import or a comment at top level, found "
                                + first.shown());
                        i++;
                    }
                }
            }
            return new ParseResult(file, programs, errors);
        }

        /** Parses the function whose {@code def} is on line index {@code at}; returns the index after it. */
        private int function(int at, List<Tok> header) {
            int end = skipBody(at + 1);
            try {
                Tok name = header(at + 1, header);
                String taskId = name.text().substring(PREFIX.length());
                Integer earlier = defined.putIfAbsent(taskId, at + 1);
                if (earlier != null) {
                    throw new Problem(at + 1, name.col(), name.text() + " is already defined on line " + earlier);
                }
                List<Statement> body = body(at, end);
                programs.add(resolve(taskId, at + 1, body));
            } catch (Problem p) {
                error(p.line, p.col, p.getMessage());
            }
            return end;
        }

        /** Checks {@code def solve_<id>(I):} and returns the name token. */
        private Tok header(int line, List<Tok> t) throws Problem {
            Tok name = tok(t, 1);
            if (name.type() != T.NAME) {
                throw new Problem(line, name.col(), "expected a function name after 'def', found " + name.shown());
            }
            if (!name.text().startsWith(PREFIX) || name.text().length() == PREFIX.length()) {
                throw new Problem(line, name.col(), "expected a function named solve_<taskid>, found " + name.shown());
            }
            expect(line, tok(t, 2), T.LPAREN, "'(' after '" + name.text() + "'");
            Tok param = tok(t, 3);
            if (!param.isName("I")) {
                throw new Problem(line, param.col(), "expected the single parameter 'I', found " + param.shown());
            }
            expect(line, tok(t, 4), T.RPAREN, "')' after 'I'");
            expect(line, tok(t, 5), T.COLON, "':' after ')'");
            expect(line, tok(t, 6), T.END, "end of line after ':'");
            return name;
        }

        /** The statements of the body on line indices (at, end). */
        private List<Statement> body(int at, int end) throws Problem {
            List<Statement> body = new ArrayList<>();
            String indent = null;
            for (int i = at + 1; i < end; i++) {
                String line = lines[i];
                int width = indentOf(line);
                if (isBlank(line, width)) {
                    continue;
                }
                String own = line.substring(0, width);
                if (indent == null) {
                    indent = own;
                } else if (!own.equals(indent)) {
                    throw new Problem(i + 1, width + 1, "unexpected indentation: the body of a solver is straight-line code"
                            + " indented like its first line");
                }
                body.add(statement(i + 1, lex(line)));
            }
            if (body.isEmpty()) {
                throw new Problem(at + 1, 1, "expected an indented body after the 'def' line");
            }
            return body;
        }

        private Statement statement(int line, List<Tok> t) throws Problem {
            Tok first = tok(t, 0);
            if (first.isName("return")) {
                Tok what = tok(t, 1);
                if (!what.isName("O")) {
                    throw new Problem(line, what.col(), "expected 'return O', found " + what.shown() + " after 'return'");
                }
                expect(line, tok(t, 2), T.END, "end of line after 'return O'");
                return new Statement(line, null, what, List.of());
            }
            if (first.type() != T.NAME) {
                throw new Problem(line, first.col(),
                        "expected a statement 'name = function(arguments)' or 'return O', found " + first.shown());
            }
            expect(line, tok(t, 1), T.EQUALS, "'=' after '" + first.text() + "'");
            Tok callee = tok(t, 2);
            if (callee.type() != T.NAME) {
                throw new Problem(line, callee.col(), "expected a function name after '=', found " + callee.shown());
            }
            expect(line, tok(t, 3), T.LPAREN, "'(' after '" + callee.text() + "'");
            List<Arg> args = new ArrayList<>();
            int k = 4;
            if (tok(t, k).type() == T.RPAREN) {
                k++;
            } else {
                while (true) {
                    Tok a = tok(t, k);
                    if (a.type() == T.NAME) {
                        args.add(new Arg(a, null, null, a.col()));
                        k++;
                    } else if (a.type() == T.INT || (a.type() == T.MINUS && tok(t, k + 1).type() == T.INT)) {
                        boolean negative = a.type() == T.MINUS;
                        Tok digits = negative ? tok(t, k + 1) : a;
                        int value;
                        try {
                            value = Integer.parseInt((negative ? "-" : "") + digits.text());
                        } catch (NumberFormatException e) {
                            throw new Problem(line, a.col(), "integer literal out of range: " + (negative ? "-" : "")
                                    + digits.text());
                        }
                        args.add(new Arg(null, value, Integer.toString(value), a.col()));
                        k += negative ? 2 : 1;
                    } else {
                        throw new Problem(line, a.col(), "expected an argument (a name or an integer), found " + a.shown());
                    }
                    Tok after = tok(t, k);
                    if (after.type() == T.RPAREN) {
                        k++;
                        break;
                    }
                    if (after.type() != T.COMMA) {
                        throw new Problem(line, after.col(), "expected ')' or ',' after argument, found " + after.shown());
                    }
                    k++;
                    if (tok(t, k).type() == T.RPAREN) {
                        k++;
                        break;
                    }
                }
            }
            expect(line, tok(t, k), T.END, "end of line after ')'");
            return new Statement(line, first, callee, args);
        }

        /** Turns the statements into nodes: names resolved, primitive arities checked, {@code return O} last. */
        private Program resolve(String taskId, int defLine, List<Statement> body) throws Problem {
            Map<String, Integer> assignedAt = new HashMap<>();
            for (Statement s : body) {
                if (!s.isReturn()) {
                    assignedAt.putIfAbsent(s.target().text(), s.line());
                }
            }
            Map<String, Node> vars = new HashMap<>();
            Map<Node, Integer> lineOf = new HashMap<>();
            Node result = null;
            for (int k = 0; k < body.size(); k++) {
                Statement s = body.get(k);
                if (s.isReturn()) {
                    result = vars.get("O");
                    if (result == null) {
                        throw new Problem(s.line(), s.callee().col(), "'O' is returned but never assigned");
                    }
                    if (k + 1 < body.size()) {
                        Statement next = body.get(k + 1);
                        int col = next.isReturn() ? next.callee().col() : next.target().col();
                        throw new Problem(next.line(), col, "unexpected statement after 'return O'");
                    }
                    break;
                }
                checkTarget(s.line(), s.target());
                Node callee = callee(s, vars, assignedAt);
                List<Node> args = new ArrayList<>(s.args().size());
                for (Arg a : s.args()) {
                    args.add(a.name() == null ? table.constant(a.literalText(), a.literal())
                            : value(s.line(), a.name(), vars, assignedAt));
                }
                Node.Call call = table.call(callee, args);
                vars.put(s.target().text(), call);
                lineOf.putIfAbsent(call, s.line());
            }
            if (result == null) {
                throw new Problem(defLine, 1, "solve_" + taskId + " does not end with 'return O'");
            }
            return Program.parsed(taskId, result, new Program.Source(file, defLine), lineOf);
        }

        private void checkTarget(int line, Tok target) throws Problem {
            String n = target.text();
            String what = null;
            if (n.equals("I")) {
                what = "the input 'I'";
            } else if (Dsl.constant(n) != null) {
                what = "the constant '" + n + "'";
            } else if (isVocabulary(n)) {
                what = "the primitive '" + n + "'";
            } else if (KEYWORDS.contains(n)) {
                what = "'" + n + "'";
            }
            if (what != null) {
                throw new Problem(line, target.col(), "cannot assign to " + what);
            }
        }

        private Node callee(Statement s, Map<String, Node> vars, Map<String, Integer> assignedAt) throws Problem {
            Tok c = s.callee();
            String n = c.text();
            Node v = vars.get(n);
            if (v != null) {
                return v;
            }
            if (n.equals("I")) {
                throw new Problem(s.line(), c.col(), "'I' is the input grid, not a function");
            }
            if (Dsl.constant(n) != null || n.equals("True") || n.equals("False")) {
                throw new Problem(s.line(), c.col(), "'" + n + "' is a constant, not a function");
            }
            Primitive p = Dsl.primitive(n);
            if (p != null) {
                int given = s.args().size();
                if (given != p.arity()) {
                    throw new Problem(s.line(), c.col(), "'" + n + "' takes " + p.arity() + " argument"
                            + (p.arity() == 1 ? "" : "s") + " but " + given + (given == 1 ? " was" : " were") + " given");
                }
                return table.primitive(p);
            }
            throw unresolved(s.line(), c, assignedAt);
        }

        private Node value(int line, Tok t, Map<String, Node> vars, Map<String, Integer> assignedAt) throws Problem {
            String n = t.text();
            Node v = vars.get(n);
            if (v != null) {
                return v;
            }
            if (n.equals("I")) {
                return table.input();
            }
            if (Dsl.constant(n) != null) {
                return table.constant(n);
            }
            if (n.equals("True") || n.equals("False")) {
                return table.constant(n, n.equals("True") ? 1 : 0);
            }
            Primitive p = Dsl.primitive(n);
            if (p != null) {
                return table.primitive(p);
            }
            throw unresolved(line, t, assignedAt);
        }

        private Problem unresolved(int line, Tok t, Map<String, Integer> assignedAt) {
            String n = t.text();
            Integer later = assignedAt.get(n);
            if (later != null) {
                return new Problem(line, t.col(), "'" + n + "' is used before it is defined (on line " + later + ")");
            }
            return new Problem(line, t.col(), "unknown name '" + n + "'");
        }

        private void expect(int line, Tok t, T type, String what) throws Problem {
            if (t.type() != type) {
                throw new Problem(line, t.col(), "expected " + what + ", found " + t.shown());
            }
        }

        /** The index of the first non-blank line at indentation 0 at or after {@code from}. */
        private int skipBody(int from) {
            int i = from;
            while (i < lines.length) {
                int w = indentOf(lines[i]);
                if (!isBlank(lines[i], w) && w == 0) {
                    break;
                }
                i++;
            }
            return i;
        }

        private void error(int line, int col, String message) {
            errors.add(new ParseError(file, line, col, message));
        }
    }

    /** Token {@code k}, or the end-of-line token past the end. */
    private static Tok tok(List<Tok> t, int k) {
        return k < t.size() ? t.get(k) : t.get(t.size() - 1);
    }

    private static boolean isVocabulary(String name) {
        return Dsl.primitive(name) != null;
    }

    private static int indentOf(String line) {
        int i = 0;
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t' || line.charAt(i) == '\f')) {
            i++;
        }
        return i;
    }

    /** Blank or comment-only. */
    private static boolean isBlank(String line, int indent) {
        return indent == line.length() || line.charAt(indent) == '#';
    }
}
