package dev.arclab.task;

import dev.arclab.dsl.Grid;
import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;

/**
 * Loads ARC tasks from any of their usual layouts:
 * <ul>
 *   <li>a folder of per-task JSON files (the ARC-AGI-1/2 layout; the id is the file name without
 *       {@code .json});</li>
 *   <li>one task file;</li>
 *   <li>a Kaggle bundle: {@code arc-agi_<split>_challenges.json}, with the test outputs taken from
 *       {@code arc-agi_<split>_solutions.json} when that file is beside it.</li>
 * </ul>
 * {@link #load(Path)} takes any of these paths and tells them apart; {@link #bundled()} needs no path.
 *
 * <p>Every problem is reported with the file, the task id and the JSON path, e.g.
 * {@code data/abc.json: task abc: at train[2].output[3][1]: colour 12 outside 0..9}. In {@link Mode#STRICT}
 * (the default) any problem fails the load with a {@link TaskLoadException} listing all of them; in
 * {@link Mode#LENIENT} the bad files and tasks are left out and listed in {@link TaskSet#problems()}.
 * Either way a path that does not exist, or a folder with no tasks in it, throws.
 *
 * <p>Task files: an object with a {@code "train"} list of pairs {@code {"input": G, "output": G}} and a
 * {@code "test"} list of pairs whose output may be missing; other keys (such as {@code "name"}) are
 * ignored, key order and whitespace are free. Grids are 1..30 rows of 1..30 integers 0..9.
 */
public final class TaskLoader {
    /** What to do with bad files and tasks. */
    public enum Mode {
        /** Fail with every problem listed. */
        STRICT,
        /** Leave bad files and tasks out and list them in {@link TaskSet#problems()}. */
        LENIENT
    }

    /** The layouts {@link #load(Path)} tells apart. */
    public enum Kind {
        TASK_FOLDER, TASK_FILE, KAGGLE_BUNDLE
    }

    /** A detected source: its layout and the path to load (for a Kaggle bundle, its challenges file). */
    public record Source(Kind kind, Path path) {
    }

    /** Classpath folder of the bundled tasks; {@code index.txt} in it lists their ids. */
    public static final String BUNDLED_DIR = "dev/arclab/data/arc-agi-1/training/";
    /** Classpath location of the bundled tasks' licence (Apache-2.0). */
    public static final String BUNDLED_LICENSE = "dev/arclab/data/arc-agi-1/LICENSE";
    /**
     * Classpath location of the bundled tasks pre-parsed ({@link TaskPack}), made at build time from the JSON files of
     * {@link #BUNDLED_DIR}.
     */
    public static final String BUNDLED_PACK = "dev/arclab/data/arc-agi-1/training.pack";
    /** The source name of the bundled set. */
    public static final String BUNDLED_SOURCE = "bundled ARC-AGI-1 training";

    private static final String CHALLENGES = "_challenges.json";
    private static final String SOLUTIONS = "_solutions.json";
    private static final Pattern SUBMISSION = Pattern.compile("(.*_)?submission\\.json");

    private static volatile TaskSet bundled;

    private TaskLoader() {
    }

    // ------------------------------------------------------------------ entry points

    /** Loads a folder, task file or Kaggle bundle, strictly. */
    public static TaskSet load(Path path) {
        return load(path, Mode.STRICT);
    }

    /**
     * Loads a folder of task files, one task file or a Kaggle bundle (its challenges file, or a folder
     * holding exactly one bundle and no task files).
     *
     * @throws TaskLoadException in strict mode for any problem; in both modes when the path does not
     *     exist, is unreadable, or is a folder with no tasks in it
     */
    public static TaskSet load(Path path, Mode mode) {
        Source s = detect(path);
        return switch (s.kind()) {
            case TASK_FOLDER -> loadFolder(s.path(), mode);
            case TASK_FILE -> loadFile(s.path(), mode);
            case KAGGLE_BUNDLE -> loadKaggle(s.path(), mode);
        };
    }

    /**
     * Tells what {@code path} is. A folder is a task folder when it holds {@code *.json} files other than
     * Kaggle bundle files ({@code *_challenges.json}, {@code *_solutions.json}, {@code submission.json});
     * else it is the Kaggle bundle it holds, if it holds exactly one. A file named
     * {@code *_challenges.json} is a Kaggle bundle; another file is read: an object with a "train" or
     * "test" key is a task, any other object a Kaggle bundle (without solutions).
     *
     * @throws TaskLoadException if the path does not exist or is none of these
     */
    public static Source detect(Path path) {
        if (Files.isDirectory(path)) {
            return detectFolder(path);
        }
        if (!Files.exists(path)) {
            throw new TaskLoadException("no such file or folder: " + path);
        }
        if (!Files.isRegularFile(path)) {
            throw new TaskLoadException("not a file or folder: " + path);
        }
        String name = fileName(path);
        if (name.endsWith(SOLUTIONS)) {
            throw new TaskLoadException(path + " is a Kaggle solutions file: load the challenges file beside it ("
                    + name.substring(0, name.length() - SOLUTIONS.length()) + CHALLENGES + ")");
        }
        if (name.endsWith(CHALLENGES)) {
            return new Source(Kind.KAGGLE_BUNDLE, path);
        }
        try {
            Object root = Json.parse(TextFiles.readUtf8(path));
            return new Source(isTaskObject(root) || !(root instanceof Map) ? Kind.TASK_FILE : Kind.KAGGLE_BUNDLE, path);
        } catch (IOException | Json.Malformed e) {
            return new Source(Kind.TASK_FILE, path); // loading it reports the problem
        }
    }

    /** The bundled ARC-AGI-1 training set: 400 tasks, loaded once per JVM. */
    public static TaskSet bundled() {
        TaskSet s = bundled;
        if (s == null) {
            synchronized (TaskLoader.class) {
                s = bundled;
                if (s == null) {
                    s = loadBundled();
                    bundled = s;
                }
            }
        }
        return s;
    }

    /** The text of the bundled tasks' licence (Apache License 2.0). */
    public static String bundledLicense() {
        return new String(resource(BUNDLED_LICENSE), StandardCharsets.UTF_8);
    }

    /** Parses one task from JSON text, strictly. */
    public static Task parseTask(String id, String json) {
        List<LoadProblem> problems = new ArrayList<>();
        Task t = taskFromText("<string>", id, json, problems);
        if (!problems.isEmpty()) {
            throw new TaskLoadException("task " + id, problems);
        }
        return t;
    }

    // ------------------------------------------------------------------ task folders and files

    /** Loads every {@code *.json} task file of a folder (not its subfolders), in id order. */
    public static TaskSet loadFolder(Path dir, Mode mode) {
        List<Path> files = taskFiles(dir);
        if (files.isEmpty()) {
            throw new TaskLoadException(noTasksMessage(dir));
        }
        List<LoadProblem> problems = new ArrayList<>();
        Map<String, Task> tasks = new LinkedHashMap<>();
        for (Path f : files) {
            Task t = loadTaskFile(f, problems);
            if (t != null) {
                String key = t.id().toLowerCase(Locale.ROOT);
                if (tasks.containsKey(key)) {
                    problems.add(new LoadProblem(f.toString(), t.id(), "",
                            "duplicate task id: " + tasks.get(key).id() + " is already loaded from this folder"));
                } else {
                    tasks.put(key, t);
                }
            }
        }
        return result(dir.toString(), tasks.values(), problems, mode);
    }

    /** Loads one task file as a set of one task (none, with the problems listed, when lenient). */
    public static TaskSet loadFile(Path file, Mode mode) {
        List<LoadProblem> problems = new ArrayList<>();
        Task t = loadTaskFile(file, problems);
        return result(file.toString(), t == null ? List.of() : List.of(t), problems, mode);
    }

    /** Loads one task file, strictly. */
    public static Task loadTask(Path file) {
        return loadFile(file, Mode.STRICT).tasks().get(0);
    }

    private static Task loadTaskFile(Path file, List<LoadProblem> problems) {
        String label = file.toString();
        String name = fileName(file);
        String id = name.toLowerCase(Locale.ROOT).endsWith(".json") ? name.substring(0, name.length() - 5) : name;
        String text = readText(file, label, Task.isValidId(id) ? id : null, problems);
        return text == null ? null : taskFromText(label, id, text, problems);
    }

    private static Task taskFromText(String label, String id, String text, List<LoadProblem> problems) {
        if (!Task.isValidId(id)) {
            problems.add(new LoadProblem(label, null, "", "\"" + id
                    + "\" is not a valid task id (the file name names the task): use 1 to 128 letters, digits, '_' or '-'"));
            return null;
        }
        Object root;
        try {
            root = Json.parse(text);
        } catch (Json.Malformed e) {
            problems.add(new LoadProblem(label, id, e.path, e.what));
            return null;
        }
        if (root instanceof Map<?, ?> m && !isTaskObject(m) && !m.isEmpty() && m.values().stream().allMatch(v -> v instanceof Map)) {
            problems.add(new LoadProblem(label, id, "", "this is a Kaggle bundle (tasks by id), not a task file: "
                    + "load it by itself, named arc-agi_<split>" + CHALLENGES));
            return null;
        }
        return new TaskParser(label, id, problems).task(root, "");
    }

    // ------------------------------------------------------------------ Kaggle bundles

    /** Loads a Kaggle challenges file, with the test outputs of the solutions file beside it if any. */
    public static TaskSet loadKaggle(Path challenges, Mode mode) {
        return loadKaggle(challenges, solutionsBeside(challenges).orElse(null), mode);
    }

    /** The {@code <prefix>_solutions.json} beside a {@code <prefix>_challenges.json}, if it exists. */
    public static Optional<Path> solutionsBeside(Path challenges) {
        String name = fileName(challenges);
        if (!name.endsWith(CHALLENGES)) {
            return Optional.empty();
        }
        Path s = challenges.resolveSibling(name.substring(0, name.length() - CHALLENGES.length()) + SOLUTIONS);
        return Files.isRegularFile(s) ? Optional.of(s) : Optional.empty();
    }

    /**
     * Loads a Kaggle challenges file; when {@code solutions} is not null its output grids become the test
     * outputs. Each task of the solutions file must have one output grid per test input.
     */
    public static TaskSet loadKaggle(Path challenges, Path solutions, Mode mode) {
        String label = challenges.toString();
        List<LoadProblem> problems = new ArrayList<>();
        if (!Files.exists(challenges)) {
            throw new TaskLoadException("no such file: " + challenges);
        }
        String text = readText(challenges, label, null, problems);
        Map<String, Task> tasks = new LinkedHashMap<>();
        Set<String> bad = new HashSet<>();
        if (text != null) {
            Object root = null;
            try {
                root = Json.parse(text);
            } catch (Json.Malformed e) {
                problems.add(new LoadProblem(label, null, e.path, e.what));
            }
            if (root != null && !(root instanceof Map)) {
                problems.add(new LoadProblem(label, null, "",
                        "expected a Kaggle challenges object {task id: task, ...}, found " + Json.typeOf(root)));
            } else if (root instanceof Map<?, ?> m && isTaskObject(m)) {
                problems.add(new LoadProblem(label, null, "",
                        "this is a single task (it has \"train\"/\"test\" keys), not a Kaggle bundle"));
            } else if (root instanceof Map<?, ?> m) {
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    String id = (String) e.getKey();
                    if (!Task.isValidId(id)) {
                        problems.add(new LoadProblem(label, id, id,
                                "invalid task id: use 1 to 128 letters, digits, '_' or '-'"));
                        bad.add(id);
                        continue;
                    }
                    Task t = new TaskParser(label, id, problems).task(e.getValue(), id);
                    if (t == null) {
                        bad.add(id);
                    } else {
                        tasks.put(id, t);
                    }
                }
            }
        }
        if (solutions != null && text != null) {
            addSolutions(challenges, solutions, tasks, bad, problems);
        }
        List<Task> good = tasks.values().stream().filter(t -> !bad.contains(t.id())).toList();
        return result(label, good, problems, mode);
    }

    private static void addSolutions(Path challenges, Path solutions, Map<String, Task> tasks, Set<String> bad,
            List<LoadProblem> problems) {
        String label = solutions.toString();
        String text = readText(solutions, label, null, problems);
        if (text == null) {
            return;
        }
        Object root;
        try {
            root = Json.parse(text);
        } catch (Json.Malformed e) {
            problems.add(new LoadProblem(label, null, e.path, e.what));
            return;
        }
        if (!(root instanceof Map<?, ?> sol)) {
            problems.add(new LoadProblem(label, null, "",
                    "expected a Kaggle solutions object {task id: [output grid, ...], ...}, found " + Json.typeOf(root)));
            return;
        }
        for (Task t : List.copyOf(tasks.values())) {
            String id = t.id();
            int before = problems.size();
            if (!sol.containsKey(id)) {
                problems.add(new LoadProblem(label, id, id, "missing: no output grids for this task of "
                        + fileName(challenges)));
                bad.add(id);
                continue;
            }
            Object v = sol.get(id);
            if (!(v instanceof List<?> outs)) {
                problems.add(new LoadProblem(label, id, id,
                        "expected a list of output grids, one per test input, found " + Json.typeOf(v)));
                bad.add(id);
                continue;
            }
            if (outs.size() != t.test().size()) {
                problems.add(new LoadProblem(label, id, id, outs.size() + " output grid(s) for "
                        + t.test().size() + " test input(s) in " + fileName(challenges)));
                bad.add(id);
                continue;
            }
            TaskParser p = new TaskParser(label, id, problems);
            List<Example> test = new ArrayList<>();
            for (int k = 0; k < outs.size(); k++) {
                Grid g = p.grid(outs.get(k), Json.index(id, k));
                Example e = t.test().get(k);
                if (g != null && e.hasOutput() && !e.output().equals(g)) {
                    p.problem(Json.index(id, k), "differs from the test output of " + fileName(challenges));
                }
                test.add(new Example(e.input(), g));
            }
            if (problems.size() > before) {
                bad.add(id);
            } else {
                tasks.put(id, new Task(id, t.demo(), test));
            }
        }
        for (Object key : sol.keySet()) {
            String id = (String) key;
            if (!tasks.containsKey(id) && !bad.contains(id)) {
                problems.add(new LoadProblem(label, id, id, "no such task in " + fileName(challenges)));
            }
        }
    }

    // ------------------------------------------------------------------ bundled set

    /**
     * The bundled set: from its pre-parsed pack ({@link TaskPack}) when that is whole and made from the JSON files
     * beside it, else (no pack, as in a build that has not run {@code process-classes} yet; or a damaged or stale one,
     * said once on stderr) by parsing the JSON files.
     */
    private static TaskSet loadBundled() {
        Bundled b = loadBundled(TaskLoader::resource, TaskLoader::optionalResource, TaskLoader::bundledDigest);
        if (b.packProblem() != null) {
            System.err.println("arclab: the bundled tasks' pack " + BUNDLED_PACK + " is not used ("
                    + b.packProblem() + "); the JSON files were parsed instead");
        }
        return b.tasks();
    }

    /** The bundled set, and why its pack was not used (null when it was, or when there is none). */
    record Bundled(TaskSet tasks, String packProblem, boolean fromPack) {
    }

    /**
     * The bundled set from resources: {@code read} gives a resource's bytes (or throws), {@code optional} gives them or
     * null when there is no such resource (the pack), {@code digest} the digest of the JSON files the pack must have
     * been made from.
     */
    static Bundled loadBundled(Function<String, byte[]> read, Function<String, byte[]> optional,
            Supplier<TaskPack.SourceDigest> digest) {
        byte[] pack = optional.apply(BUNDLED_PACK);
        String problem = null;
        if (pack != null) {
            try {
                List<Task> tasks = TaskPack.read(pack, digest.get());
                return new Bundled(result(BUNDLED_SOURCE, tasks, List.of(), Mode.STRICT), null, true);
            } catch (TaskPack.Unusable e) {
                problem = e.getMessage();
            }
        }
        return new Bundled(parseBundledJson(read), problem, false);
    }

    /** The ids that the bundled set's {@code index.txt} lists, in its order. */
    static List<String> bundledIds(byte[] index) {
        List<String> ids = new ArrayList<>();
        for (String line : new String(index, StandardCharsets.UTF_8).split("\n")) {
            String id = line.strip();
            if (!id.isEmpty()) {
                ids.add(id);
            }
        }
        return ids;
    }

    /**
     * Parses the bundled task files (JSON) in parallel (the common pool); results and problems are put together in
     * index order, so the set is the same at any thread count. {@code read} gives a resource's bytes.
     */
    static TaskSet parseBundledJson(Function<String, byte[]> read) {
        List<String> ids = bundledIds(read.apply(BUNDLED_DIR + "index.txt"));
        record Parsed(Task task, List<LoadProblem> problems) {
        }
        List<Parsed> parsed = ids.parallelStream().map(id -> {
            String name = BUNDLED_DIR + id + ".json";
            List<LoadProblem> own = new ArrayList<>();
            Task t = taskFromText("classpath:" + name, id, new String(read.apply(name), StandardCharsets.UTF_8), own);
            return new Parsed(t, own);
        }).toList();
        List<LoadProblem> problems = new ArrayList<>();
        List<Task> tasks = new ArrayList<>();
        for (Parsed p : parsed) {
            problems.addAll(p.problems());
            if (p.task() != null) {
                tasks.add(p.task());
            }
        }
        return result(BUNDLED_SOURCE, tasks, problems, Mode.STRICT);
    }

    /**
     * The digest of the bundled JSON files: from the sizes and CRCs in the jar's directory when they are in a jar (as
     * in every installed build: no entry read but the index), else from their contents.
     */
    private static TaskPack.SourceDigest bundledDigest() {
        URL index = TaskLoader.class.getClassLoader().getResource(BUNDLED_DIR + "index.txt");
        if (index != null && "jar".equals(index.getProtocol())) {
            try {
                JarURLConnection c = (JarURLConnection) index.openConnection();
                try (ZipFile jar = new ZipFile(Path.of(c.getJarFileURL().toURI()).toFile())) {
                    return TaskPack.SourceDigest.ofJar(jar);
                }
            } catch (IOException | URISyntaxException | RuntimeException e) {
                // read the files themselves, below
            }
        }
        return TaskPack.SourceDigest.of(TaskLoader::resource);
    }

    private static byte[] optionalResource(String name) {
        try (InputStream in = TaskLoader.class.getClassLoader().getResourceAsStream(name)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            return null; // as if there were none: the JSON is parsed
        }
    }

    static byte[] resource(String name) {
        try (InputStream in = TaskLoader.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new TaskLoadException("bundled data missing from the class path: " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new TaskLoadException("cannot read bundled data " + name + ": " + e);
        }
    }

    // ------------------------------------------------------------------ helpers

    private static TaskSet result(String source, java.util.Collection<Task> tasks, List<LoadProblem> problems, Mode mode) {
        if (mode == Mode.STRICT && !problems.isEmpty()) {
            throw new TaskLoadException(source, problems);
        }
        return new TaskSet(source, tasks, problems);
    }

    private static boolean isTaskObject(Object root) {
        return root instanceof Map<?, ?> m && (m.containsKey("train") || m.containsKey("test"));
    }

    private static Source detectFolder(Path dir) {
        if (!taskFiles(dir).isEmpty()) {
            return new Source(Kind.TASK_FOLDER, dir);
        }
        List<Path> bundles = new ArrayList<>();
        for (Path p : list(dir)) {
            if (fileName(p).endsWith(CHALLENGES) && Files.isRegularFile(p)) {
                bundles.add(p);
            }
        }
        if (bundles.size() == 1) {
            return new Source(Kind.KAGGLE_BUNDLE, bundles.get(0));
        }
        if (bundles.size() > 1) {
            StringBuilder sb = new StringBuilder(dir + " holds " + bundles.size() + " Kaggle bundles; load one of:");
            bundles.forEach(b -> sb.append("\n  ").append(b));
            throw new TaskLoadException(sb.toString());
        }
        throw new TaskLoadException(noTasksMessage(dir));
    }

    private static String noTasksMessage(Path dir) {
        List<String> sub = list(dir).stream().filter(Files::isDirectory).map(TaskLoader::fileName)
                .filter(n -> !n.startsWith(".")).toList();
        return "no task files (*.json) in " + dir + (sub.isEmpty() ? "" : "; its subfolders: " + String.join(", ", sub));
    }

    /** The per-task JSON files of a folder, sorted by name. */
    private static List<Path> taskFiles(Path dir) {
        List<Path> out = new ArrayList<>();
        for (Path p : list(dir)) {
            String name = fileName(p);
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.endsWith(".json") && !name.startsWith(".") && !name.endsWith(CHALLENGES)
                    && !name.endsWith(SOLUTIONS) && !SUBMISSION.matcher(lower).matches()
                    && (Files.isRegularFile(p) || (Files.isSymbolicLink(p) && !Files.exists(p)))) {
                // a dangling or looping link is kept, so that loading reports it instead of skipping it
                out.add(p);
            }
        }
        return out;
    }

    private static List<Path> list(Path dir) {
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            ds.forEach(out::add);
        } catch (IOException e) {
            throw new TaskLoadException("cannot list folder " + dir + ": " + e);
        }
        out.sort(null);
        return out;
    }

    private static String readText(Path file, String label, String taskId, List<LoadProblem> problems) {
        try {
            return TextFiles.readUtf8(file);
        } catch (TextFiles.Unreadable e) {
            String m = e.getMessage();
            // the problem is listed with the file's label: say only what is wrong
            problems.add(new LoadProblem(label, taskId, "", m.startsWith(file.toString()) ? m.substring(file.toString().length())
                    .replaceFirst("^ is ", "").replaceFirst("^not UTF-8", "not JSON: not UTF-8") : m));
        } catch (NoSuchFileException e) {
            String target = "";
            try {
                target = Files.isSymbolicLink(file) ? " (a symbolic link to " + Files.readSymbolicLink(file) + ")" : "";
            } catch (IOException ignored) {
                // no more to say
            }
            problems.add(new LoadProblem(label, taskId, "", "cannot read: no such file" + target));
        } catch (java.nio.file.FileSystemException e) {
            problems.add(new LoadProblem(label, taskId, "", "cannot read: " + (e.getReason() == null ? e.toString() : e.getReason())));
        } catch (IOException e) {
            problems.add(new LoadProblem(label, taskId, "", "cannot read: " + e));
        }
        return null;
    }

    private static String fileName(Path p) {
        Path f = p.getFileName();
        return f == null ? p.toString() : f.toString();
    }
}
