package dev.arclab.kernel;

import dev.arclab.magics.CommandMagic;
import dev.arclab.lab.Session;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession.CloseableSession;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;
import org.eclipse.aether.supplier.RepositorySystemSupplier;
import org.eclipse.aether.supplier.SessionBuilderSupplier;
import org.eclipse.aether.util.artifact.JavaScopes;
import org.eclipse.aether.util.filter.DependencyFilterUtils;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code %maven GROUP:ARTIFACT:VERSION} and {@code %mavenRepo}, as IJava and JJava have them: Maven Resolver fetches
 * the artifacts and their runtime dependencies into a cache folder, the jars join the snippets' class path, and the
 * kernel extensions found in them are installed.
 *
 * <p>The cache folder is {@code --cache DIR} (kept for the session), else {@code $ARCLAB_MAVEN_CACHE}, else
 * {@code maven/} in the ARC Lab home ({@code %home}). Repositories added with {@code %mavenRepo} are asked before
 * Maven Central.
 */
final class MavenMagics {
    static final String CENTRAL = "https://repo.maven.apache.org/maven2/";

    private final ArcKernel kernel;
    private final Map<String, String> repositories = new LinkedHashMap<>();
    private Path cache;
    private RepositorySystem system;

    MavenMagics(ArcKernel kernel) {
        this.kernel = kernel;
        repositories.put("central", CENTRAL);
    }

    static void register(ArcKernel kernel) {
        MavenMagics maven = new MavenMagics(kernel);
        kernel.registerKernelMagic(new CommandMagic(() -> new MavenCommand(maven)));
        kernel.registerKernelMagic(new CommandMagic(() -> new MavenRepo(maven)));
    }

    synchronized Path cache() {
        if (cache != null) {
            return cache;
        }
        String env = System.getenv("ARCLAB_MAVEN_CACHE");
        return env != null && !env.isBlank() ? Path.of(env) : Session.current().home().resolve("maven");
    }

    /** The remote repositories, in the order they are asked: those added first, Maven Central last. */
    synchronized List<RemoteRepository> remotes() {
        List<RemoteRepository> list = new ArrayList<>();
        repositories.forEach((id, url) -> {
            if (!id.equals("central")) {
                list.add(new RemoteRepository.Builder(id, "default", url).build());
            }
        });
        if (repositories.containsKey("central")) {
            list.add(new RemoteRepository.Builder("central", "default", repositories.get("central")).build());
        }
        return list;
    }

    /** Resolves the artifacts and their runtime dependencies; returns the jars, the artifacts' own first. */
    synchronized List<Path> resolve(List<String> coordinates) {
        if (system == null) {
            system = new RepositorySystemSupplier().get();
        }
        CollectRequest collect = new CollectRequest();
        for (String c : coordinates) {
            try {
                collect.addDependency(new Dependency(new DefaultArtifact(c), JavaScopes.RUNTIME));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'" + c + "' is not GROUP:ARTIFACT:VERSION (or"
                        + " GROUP:ARTIFACT:EXTENSION[:CLASSIFIER]:VERSION)");
            }
        }
        collect.setRepositories(remotes());
        try (CloseableSession session = new SessionBuilderSupplier(system).get()
                .withLocalRepositoryBaseDirectories(cache())
                .setSystemProperties(System.getProperties())
                .build()) {
            DependencyRequest request = new DependencyRequest(collect,
                    DependencyFilterUtils.classpathFilter(JavaScopes.RUNTIME));
            List<Path> jars = new ArrayList<>();
            for (ArtifactResult r : system.resolveDependencies(session, request).getArtifactResults()) {
                jars.add(r.getArtifact().getPath());
            }
            return jars;
        } catch (DependencyResolutionException e) {
            throw new IllegalArgumentException("cannot resolve " + String.join(", ", coordinates) + " from "
                    + String.join(", ", repositories.keySet()) + ": " + e.getMessage());
        }
    }

    @Command(name = "maven", description = "Fetch Maven artifacts with their dependencies, add them to the class path"
            + " and install the kernel extensions in them.")
    static final class MavenCommand extends CommandMagic.Base {
        private final MavenMagics maven;

        @Parameters(arity = "1..*", paramLabel = "GROUP:ARTIFACT:VERSION", description = "Artifacts to add.")
        List<String> coordinates;

        @Option(names = "--cache", paramLabel = "DIR",
                description = "The folder jars are kept in (for the session; default: $ARCLAB_MAVEN_CACHE or HOME/maven).")
        Path cacheDir;

        MavenCommand(MavenMagics maven) {
            this.maven = maven;
        }

        @Override
        public Object call() {
            if (cacheDir != null) {
                synchronized (maven) {
                    maven.cache = cacheDir.toAbsolutePath().normalize();
                }
            }
            List<Path> jars = maven.resolve(coordinates);
            maven.kernel.evaluator().addPaths(jars);
            List<String> problems = new ArrayList<>();
            List<String> extensions = maven.kernel.installNewExtensions(problems);
            StringBuilder sb = new StringBuilder("Added to the class path (from " + maven.cache() + "):");
            jars.forEach(p -> sb.append("\n  ").append(p.getFileName()));
            if (!extensions.isEmpty()) {
                sb.append("\nInstalled extensions:");
                extensions.forEach(x -> sb.append("\n  ").append(x));
            }
            if (!problems.isEmpty()) {
                sb.append("\nExtensions that could not be installed:");
                problems.forEach(x -> sb.append("\n  ").append(x));
            }
            return sb.toString();
        }
    }

    @Command(name = "mavenRepo", description = "List, add or remove the repositories %%maven fetches from.")
    static final class MavenRepo extends CommandMagic.Base {
        private final MavenMagics maven;

        @Parameters(arity = "0..2", paramLabel = "ID URL", description = "Add a repository: an id and its URL.")
        List<String> idAndUrl;

        @Option(names = "--remove", paramLabel = "ID", description = "Remove a repository (central too).")
        String remove;

        MavenRepo(MavenMagics maven) {
            this.maven = maven;
        }

        @Override
        public Object call() {
            synchronized (maven) {
                if (remove != null) {
                    if (maven.repositories.remove(remove) == null) {
                        throw new IllegalArgumentException("no repository '" + remove + "'; there are: "
                                + String.join(", ", maven.repositories.keySet()));
                    }
                }
                if (idAndUrl != null && !idAndUrl.isEmpty()) {
                    if (idAndUrl.size() != 2) {
                        throw new IllegalArgumentException("give an id and a URL, e.g. %mavenRepo mine file:///srv/repo");
                    }
                    maven.repositories.put(idAndUrl.get(0), idAndUrl.get(1));
                }
                StringBuilder sb = new StringBuilder("Repositories, in the order %maven asks them:");
                maven.remotes().forEach(r -> sb.append("\n  ").append(r.getId()).append("  ").append(r.getUrl()));
                return sb.toString();
            }
        }
    }
}
