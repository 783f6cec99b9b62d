package dev.arclab.cluster;

import java.util.ArrayList;
import java.util.List;

/**
 * How a JVM takes part in an ARC Lab cluster: the cluster's name (a member refuses members of another
 * name), the members to contact (listed explicitly: no multicast, no discovery), the port (0: the first
 * free one from 5701), the interface to bind (localhost unless one is given), the worker threads of a
 * worker, the items per chunk (0: sized to keep every member busy), and the megabytes of heap a worker gives
 * the cluster's shared result cache (its least recently used entries are evicted beyond that). Holds no
 * Hazelcast type, so reading options costs nothing until a node starts.
 */
public record ClusterSettings(String name, List<String> members, int port, String networkInterface, int threads,
        int itemsPerChunk, int cacheMegabytes) {
    public static final String DEFAULT_NAME = "arclab";
    public static final String LOCALHOST = "127.0.0.1";
    /** The first port tried when none is given (Hazelcast's). */
    public static final int FIRST_PORT = 5701;
    /** Heap per worker for the shared result cache, primary and backup copies together. */
    public static final int DEFAULT_CACHE_MEGABYTES = 256;

    public ClusterSettings {
        if (name == null || !name.matches("[A-Za-z0-9_.-]{1,64}")) {
            throw new IllegalArgumentException("cluster name: 1 to 64 letters, digits, '_', '.' or '-', got '" + name + "'");
        }
        members = List.copyOf(members);
        for (String m : members) {
            checkMember(m);
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port: 0..65535, got " + port);
        }
        if (networkInterface == null || networkInterface.isBlank()) {
            throw new IllegalArgumentException("interface: an address is needed, e.g. " + LOCALHOST);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads: at least 1, got " + threads);
        }
        if (itemsPerChunk < 0) {
            throw new IllegalArgumentException("items per chunk: at least 0 (0: automatic), got " + itemsPerChunk);
        }
        if (cacheMegabytes < 1) {
            throw new IllegalArgumentException("shared cache: at least 1 MB per worker, got " + cacheMegabytes);
        }
    }

    /** Cluster "arclab" on this machine: members on localhost ports 5701.., bound to localhost, all cores. */
    public static ClusterSettings local() {
        return new ClusterSettings(DEFAULT_NAME, List.of(LOCALHOST), 0, LOCALHOST,
                Runtime.getRuntime().availableProcessors(), 0, DEFAULT_CACHE_MEGABYTES);
    }

    public ClusterSettings withName(String n) {
        return new ClusterSettings(n, members, port, networkInterface, threads, itemsPerChunk, cacheMegabytes);
    }

    public ClusterSettings withMembers(List<String> m) {
        return new ClusterSettings(name, m, port, networkInterface, threads, itemsPerChunk, cacheMegabytes);
    }

    public ClusterSettings withPort(int p) {
        return new ClusterSettings(name, members, p, networkInterface, threads, itemsPerChunk, cacheMegabytes);
    }

    public ClusterSettings withInterface(String address) {
        return new ClusterSettings(name, members, port, address, threads, itemsPerChunk, cacheMegabytes);
    }

    public ClusterSettings withThreads(int n) {
        return new ClusterSettings(name, members, port, networkInterface, n, itemsPerChunk, cacheMegabytes);
    }

    public ClusterSettings withItemsPerChunk(int n) {
        return new ClusterSettings(name, members, port, networkInterface, threads, n, cacheMegabytes);
    }

    public ClusterSettings withCacheMegabytes(int mb) {
        return new ClusterSettings(name, members, port, networkInterface, threads, itemsPerChunk, mb);
    }

    /** {@code HOST[:PORT],...} as a list, each checked. */
    public static List<String> parseMembers(String text) {
        List<String> out = new ArrayList<>();
        for (String s : text.split(",")) {
            String m = s.trim();
            if (!m.isEmpty()) {
                out.add(checkMember(m));
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("members: HOST[:PORT],... expected, got '" + text + "'");
        }
        return out;
    }

    private static String checkMember(String m) {
        int colon = m.lastIndexOf(':');
        String host = colon < 0 ? m : m.substring(0, colon);
        if (host.isEmpty() || !host.matches("[A-Za-z0-9_.\\-\\[\\]:]+")) {
            throw new IllegalArgumentException("member '" + m + "': HOST[:PORT] expected");
        }
        if (colon >= 0) {
            String p = m.substring(colon + 1);
            int port;
            try {
                port = Integer.parseInt(p);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("member '" + m + "': port '" + p + "' is not a number");
            }
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("member '" + m + "': port 1..65535, got " + port);
            }
        }
        return m;
    }
}
