package dev.arclab.kernel;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/**
 * The javadoc of ARC Lab's own classes and members, for inspection (Shift-Tab) in the kernel. JShell finds javadoc
 * only in the JDK's {@code src.zip}, so the build ships the sources of {@code lib} and {@code kernel-ext} as resources
 * under {@value #ROOT} (see the modules' poms); the file of a class is parsed (not compiled) with the JDK's own
 * compiler API the first time one of its members is inspected, and its comments are kept.
 *
 * <p>Keys are what JShell's {@code Documentation.signature()} names: a class ({@code dev.arclab.lab.Session}), a
 * method or constructor with its parameter names ({@code dev.arclab.dsl.Grid dev.arclab.dsl.Grid.of(int[][] rows)}),
 * or a field ({@code long dev.arclab.lab.Session.seed}).
 */
final class SourceDocs {
    /** Where the sources are in the jars (not at the classes' own path, so javac never mistakes them for sources). */
    static final String ROOT = "META-INF/arclab-sources/";
    private static final Pattern PARAM_NAME = Pattern.compile("(\\w+)\\s*$");
    private static final Map<String, Map<String, String>> FILES = new ConcurrentHashMap<>();

    private SourceDocs() {
    }

    /**
     * The javadoc of what a JShell signature names, as plain text, when it is one of ARC Lab's classes or members
     * whose source is shipped and carries a comment.
     */
    static Optional<String> of(String jshellSignature, List<String> imports) {
        String s = jshellSignature.strip();
        int paren = s.indexOf('(');
        String head = paren < 0 ? s : s.substring(0, paren);
        // the qualified name is the last word before '(' (a method: return type, then Class.name)
        String qualified = head.substring(head.lastIndexOf(' ') + 1).replaceAll("<.*$", "");
        if (!qualified.startsWith("dev.arclab.")) {
            // JShell names imported classes by their simple name (Grid Grid.of(...)): resolve it by the imports
            qualified = resolve(qualified, imports);
            if (qualified == null) {
                return Optional.empty();
            }
        }
        String member = null;
        List<String> params = null;
        if (paren >= 0) {
            int dot = qualified.lastIndexOf('.');
            member = qualified.substring(dot + 1);
            qualified = qualified.substring(0, dot);
            params = parameterNames(s.substring(paren + 1, s.lastIndexOf(')') < 0 ? s.length() : s.lastIndexOf(')')));
        } else if (s.contains(" ")) {
            int dot = qualified.lastIndexOf('.');
            member = qualified.substring(dot + 1);
            qualified = qualified.substring(0, dot);
        }
        // the outermost class is the file: try dev.arclab.a.B.C as B.java, then a/B/C... from the longest prefix
        String[] parts = qualified.split("\\.");
        for (int top = parts.length; top >= 3; top--) {
            String file = String.join("/", List.of(parts).subList(0, top)) + ".java";
            Map<String, String> docs = docsOf(file);
            if (docs == null) {
                continue;
            }
            String type = String.join(".", List.of(parts).subList(top - 1, parts.length));
            String key;
            if (member == null) {
                key = type;
            } else if (params == null) {
                key = type + "#" + member;
            } else {
                String name = member.equals(parts[parts.length - 1]) ? "<init>" : member;
                key = type + "#" + name + "(" + String.join(",", params) + ")";
            }
            return Optional.ofNullable(docs.get(key));
        }
        return Optional.empty();
    }

    /** {@code Grid.of} to {@code dev.arclab.dsl.Grid.of} by an import of the outermost name, or null. */
    private static String resolve(String name, List<String> imports) {
        int dot = name.indexOf('.');
        String outer = dot < 0 ? name : name.substring(0, dot);
        for (String i : imports) {
            if (!i.startsWith("dev.arclab.")) {
                continue;
            }
            if (i.endsWith("." + outer)) {
                return i.substring(0, i.length() - outer.length()) + name;
            }
            if (i.endsWith(".*")) {
                String pkg = i.substring(0, i.length() - 1);
                if (SourceDocs.class.getClassLoader().getResource(ROOT + (pkg + outer).replace('.', '/') + ".java") != null) {
                    return pkg + name;
                }
            }
        }
        return null;
    }

    private static List<String> parameterNames(String list) {
        if (list.isBlank()) {
            return List.of();
        }
        // "int[][] rows, java.util.Map<java.lang.String, Integer> m": split at commas outside <...>
        List<String> names = new java.util.ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i <= list.length(); i++) {
            char c = i < list.length() ? list.charAt(i) : ',';
            if (c == '<') {
                depth++;
            } else if (c == '>') {
                depth--;
            } else if (c == ',' && depth == 0) {
                Matcher m = PARAM_NAME.matcher(list.substring(start, i));
                names.add(m.find() ? m.group(1) : "");
                start = i + 1;
            }
        }
        return names;
    }

    /** The comments of one shipped source file by key, or null when the file is not shipped. */
    private static Map<String, String> docsOf(String file) {
        Map<String, String> docs = FILES.computeIfAbsent(file, SourceDocs::parse);
        return docs.isEmpty() ? null : docs;
    }

    private static Map<String, String> parse(String file) {
        String text;
        try (InputStream in = SourceDocs.class.getClassLoader().getResourceAsStream(ROOT + file)) {
            if (in == null) {
                return Map.of();
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return Map.of();
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            return Map.of();
        }
        SimpleJavaFileObject source = new SimpleJavaFileObject(URI.create("string:///" + file),
                SimpleJavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return text;
            }
        };
        JavacTask task = (JavacTask) javac.getTask(null, null, d -> { }, List.of("-proc:none"), null, List.of(source));
        Trees trees = Trees.instance(task);
        Map<String, String> docs = new HashMap<>();
        docs.put("", "");  // marks the file as shipped even when it has no comment
        try {
            for (CompilationUnitTree unit : task.parse()) {
                new TreePathScanner<Void, Void>() {
                    private final Deque<String> types = new ArrayDeque<>();

                    @Override
                    public Void visitClass(ClassTree tree, Void unused) {
                        types.addLast(tree.getSimpleName().toString());
                        put(String.join(".", types));
                        try {
                            return super.visitClass(tree, null);
                        } finally {
                            types.removeLast();
                        }
                    }

                    @Override
                    public Void visitMethod(MethodTree tree, Void unused) {
                        String params = String.join(",", tree.getParameters().stream()
                                .map(p -> p.getName().toString()).toList());
                        put(String.join(".", types) + "#" + tree.getName() + "(" + params + ")");
                        return null;  // nothing documented inside a body
                    }

                    @Override
                    public Void visitVariable(VariableTree tree, Void unused) {
                        Tree parent = getCurrentPath().getParentPath().getLeaf();
                        if (parent instanceof ClassTree) {
                            put(String.join(".", types) + "#" + tree.getName());
                        }
                        return null;
                    }

                    private void put(String key) {
                        TreePath path = getCurrentPath();
                        String raw = trees.getDocComment(path);
                        if (raw != null && !raw.isBlank()) {
                            docs.put(key, plain(raw));
                        }
                    }
                }.scan(unit, null);
            }
        } catch (IOException e) {
            return Map.of();
        }
        return docs;
    }

    /** A javadoc comment as plain text: inline tags to their text, paragraphs as blank lines, no HTML. */
    static String plain(String raw) {
        String s = raw.replaceAll("\\{@(?:code|literal)\\s+([^{}]*(?:\\{[^{}]*}[^{}]*)*)}", "$1")
                .replaceAll("\\{@(?:link|linkplain)\\s+[^\\s}]+\\s+([^}]+)}", "$1")
                .replaceAll("\\{@(?:link|linkplain)\\s+#?([^\\s}]+)}", "$1")
                .replaceAll("\\{@value\\s+#?([^\\s}]+)}", "$1")
                .replaceAll("\\{@\\w+\\s*([^}]*)}", "$1")
                .replaceAll("(?i)\\s*<p>\\s*", "\n\n")
                .replaceAll("(?i)\\s*<li>\\s*", "\n- ")
                .replaceAll("<[^>]+>", "")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
        s = s.replaceAll("(\\w)#(\\w)", "$1.$2");
        return s.lines().map(String::strip).reduce((a, b) -> a + "\n" + b).orElse("")
                .replaceAll("\n{3,}", "\n\n").strip();
    }

    /** The first paragraph of a comment: what a short look (Shift-Tab) shows. */
    static String firstParagraph(String doc) {
        int end = doc.indexOf("\n\n");
        return end < 0 ? doc : doc.substring(0, end);
    }
}
