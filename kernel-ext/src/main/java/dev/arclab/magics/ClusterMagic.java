package dev.arclab.magics;

import dev.arclab.cli.ClusterOptions;
import dev.arclab.cluster.ClusterNode;
import dev.arclab.cluster.ClusterSettings;
import dev.arclab.lab.Session;
import dev.arclab.profile.PhaseRecord;
import dev.arclab.profile.RunRecord;
import dev.arclab.report.Charts;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code %cluster join [--cluster NAME] [--members HOST:PORT,...] [--port P] [--interface ADDR]},
 * {@code %cluster leave}, {@code %cluster} (show), {@code %cluster chart}: the session's parallel phases on the workers of a
 * cluster ({@code arclab worker}). The session joins as the coordinator; the node lives as long as the
 * kernel or until {@code leave}.
 */
final class ClusterMagic {
    private ClusterMagic() {
    }

    /** One join or leave at a time (not the session's lock: joining takes seconds). */
    private static final Object LOCK = new Object();

    /** The magic; the session owns the node it joins ({@link Session#join}, {@link Session#leave}). */
    static CommandMagic create(Session session) {
        return new CommandMagic(() -> new Cluster(session));
    }

    @Command(name = "cluster", description = {"Run score, validate and differs on a cluster of arclab workers.",
            "join: join as coordinator (start workers with: arclab worker); leave: back to the local pool;"
                    + " show (default): the members, and items and busy seconds per member per phase of the last run;"
                    + " chart: busy time per member per phase of the last run."})
    static final class Cluster extends LabMagics.Base {
        @Parameters(index = "0", arity = "0..1", paramLabel = "ACTION", defaultValue = "show", description = "join | leave | show | chart")
        String action;

        @Mixin
        ClusterOptions options;

        Cluster(Session session) {
            super(session);
        }

        /** The session's cluster node, if it joined one. */
        private ClusterNode node() {
            return session.joined().filter(ClusterNode.class::isInstance).map(ClusterNode.class::cast).orElse(null);
        }

        @Override
        Object run() {
            synchronized (LOCK) {
                switch (action.toLowerCase(Locale.ROOT)) {
                    case "join" -> {
                        ClusterSettings settings = options.apply(ClusterSettings.local());
                        ClusterNode node = node();
                        if (node != null) {
                            throw new IllegalStateException("already in cluster " + node.settings().name()
                                    + "; %cluster leave first");
                        }
                        session.join(ClusterNode.coordinator(settings));
                        return show();
                    }
                    case "leave" -> {
                        if (session.joined().isEmpty()) {
                            throw new IllegalStateException("not in a cluster");
                        }
                        session.leave();
                        return "left the cluster: the phases run on the local pool";
                    }
                    case "show" -> {
                        return show();
                    }
                    case "chart" -> {
                        List<RunRecord> h = session.history();
                        if (h.isEmpty()) {
                            throw new IllegalStateException("no run yet; %run on the cluster first");
                        }
                        return Charts.busyPerMember(h.get(h.size() - 1));
                    }
                    default -> throw new IllegalArgumentException("no action '" + action
                            + "'; the actions are join, leave, show, chart");
                }
            }
        }

        private String show() {
            ClusterNode node = node();
            if (node == null) {
                return "not in a cluster (the phases run on the local pool); %cluster join --members HOST:PORT,...";
            }
            StringBuilder sb = new StringBuilder(node.toString()).append('\n');
            for (ClusterNode.MemberInfo m : node.members()) {
                sb.append(String.format(Locale.ROOT, "  %-22s %s%s%n", m.address(),
                        m.worker() ? "worker, " + m.threads() + " threads" : "coordinator", m.local() ? " (this session)" : ""));
            }
            List<RunRecord> h = session.history();
            if (!h.isEmpty()) {
                sb.append(perMember(h.get(h.size() - 1)));
            }
            return sb.toString();
        }
    }

    /** Items and busy seconds per member per phase of a run, from its phases' cluster counters. */
    static String perMember(RunRecord run) {
        StringBuilder sb = new StringBuilder();
        for (PhaseRecord p : run.phases()) {
            Map<String, long[]> members = new TreeMap<>();
            for (Map.Entry<String, Long> e : p.counters().entrySet()) {
                String k = e.getKey();
                if (k.startsWith("cluster.member.")) {
                    String rest = k.substring("cluster.member.".length());
                    int dot = rest.lastIndexOf('.');
                    String what = rest.substring(dot + 1);
                    String member = rest.substring(0, dot);
                    if (what.equals("items")) {
                        members.computeIfAbsent(member, m -> new long[2])[0] += e.getValue();
                    } else if (what.equals("busyNanos")) {
                        members.computeIfAbsent(member, m -> new long[2])[1] += e.getValue();
                    }
                }
            }
            List<String> cells = new ArrayList<>();
            members.forEach((m, v) -> cells.add(String.format(Locale.ROOT, "%s %d items %.3f s", m, v[0], v[1] / 1e9)));
            if (!cells.isEmpty()) {
                sb.append(String.format(Locale.ROOT, "  %-10s %s%n", p.phase() + " " + p.iteration(), String.join(" | ", cells)));
            }
        }
        return sb.length() == 0 ? "" : "last run, per member:\n" + sb;
    }
}
