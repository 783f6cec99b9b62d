package dev.arclab.cli;

import dev.arclab.cluster.ClusterNode;
import dev.arclab.cluster.ClusterSettings;
import dev.arclab.lab.Session;
import java.io.PrintWriter;
import picocli.CommandLine.Option;

/**
 * Which cluster to join ({@code @Mixin ClusterOptions cluster;}): {@code --cluster}, {@code --members},
 * {@code --port}, {@code --interface}. Reading them loads no Hazelcast class; only joining does.
 */
public final class ClusterOptions {
    @Option(names = "--cluster", paramLabel = "NAME", description = "Cluster name (default " + ClusterSettings.DEFAULT_NAME
            + "); a member refuses members of another name.")
    String name;

    @Option(names = "--members", paramLabel = "HOST[:PORT],...", description = "Members to contact, listed "
            + "explicitly (no multicast); a host without port means ports 5701-5703 (default " + ClusterSettings.LOCALHOST + ").")
    String members;

    @Option(names = "--port", paramLabel = "P", description = "Port of this member (default: the first free from 5701).")
    Integer port;

    @Option(names = "--interface", paramLabel = "ADDR", description = "Address to bind (default "
            + ClusterSettings.LOCALHOST + ": this machine only).")
    String networkInterface;

    /** True when a cluster option was given: the command joins a cluster. */
    public boolean joining() {
        return name != null || members != null;
    }

    /**
     * {@code base} with the options given.
     *
     * @throws IllegalArgumentException naming the option whose value is bad
     */
    public ClusterSettings apply(ClusterSettings base) {
        ClusterSettings s = base;
        try {
            if (name != null) {
                s = s.withName(name);
            }
            if (members != null) {
                s = s.withMembers(ClusterSettings.parseMembers(members));
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException((members != null && name == null || e.getMessage().startsWith("member")
                    ? "--members: " : "--cluster: ") + e.getMessage());
        }
        if (port != null) {
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("--port must be 1..65535, got " + port);
            }
            s = s.withPort(port);
        }
        if (networkInterface != null) {
            if (networkInterface.isBlank()) {
                throw new IllegalArgumentException("--interface: an address is needed");
            }
            s = s.withInterface(networkInterface);
        }
        return s;
    }

    /**
     * Joins the cluster as the session's coordinator: its parallel phases run on the workers until it leaves or
     * closes (which closes the node).
     */
    static ClusterNode join(ClusterSettings settings, Session session, PrintWriter out) {
        ClusterNode node = ClusterNode.coordinator(settings);
        session.join(node);
        out.println("joined " + node);
        out.flush();
        return node;
    }
}
