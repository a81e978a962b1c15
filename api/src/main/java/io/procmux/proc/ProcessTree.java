package io.procmux.proc;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A process and its descendants, built from one snapshot, for {@code pstree}-style display.
 * Children are ordered by pid. Cost: building is O(n) over the snapshot.
 *
 * @param process the root of this subtree
 * @param children its direct children, each with its own subtree
 */
public record ProcessTree(ProcessInfo process, List<ProcessTree> children) {

    /** Copies the children. */
    public ProcessTree {
        children = List.copyOf(children);
    }

    /**
     * Builds the subtree rooted at {@code rootPid} from a snapshot.
     *
     * @throws IllegalArgumentException when the snapshot has no such pid
     */
    public static ProcessTree of(List<ProcessInfo> snapshot, long rootPid) {
        Map<Long, ProcessInfo> byPid = new HashMap<>();
        Map<Long, List<ProcessInfo>> byParent = new HashMap<>();
        for (ProcessInfo p : snapshot) {
            byPid.put(p.pid(), p);
            if (p.ppid().isPresent() && p.ppid().getAsLong() != p.pid()) {
                byParent.computeIfAbsent(p.ppid().getAsLong(), k -> new ArrayList<>()).add(p);
            }
        }
        ProcessInfo root = byPid.get(rootPid);
        if (root == null) {
            throw new IllegalArgumentException("No process " + rootPid + " in the snapshot");
        }
        return build(root, byParent);
    }

    private static ProcessTree build(ProcessInfo root, Map<Long, List<ProcessInfo>> byParent) {
        List<ProcessTree> kids = new ArrayList<>();
        List<ProcessInfo> direct = new ArrayList<>(byParent.getOrDefault(root.pid(), List.of()));
        direct.sort(Comparator.comparingLong(ProcessInfo::pid));
        for (ProcessInfo child : direct) {
            kids.add(build(child, byParent));
        }
        return new ProcessTree(root, kids);
    }

    /** Every process in this subtree except the root, depth first, children by pid. */
    public List<ProcessInfo> descendants() {
        List<ProcessInfo> out = new ArrayList<>();
        for (ProcessTree child : children) {
            out.add(child.process());
            out.addAll(child.descendants());
        }
        return out;
    }
}
