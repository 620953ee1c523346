package io.zhibu.command;

import io.zhibu.command.internal.TaskRepository;
import io.zhibu.shared.OrgPath;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The counter rows of a board (a task's progress, a notice's read receipts): one row for the top organization and
 * every organization between it and an addressee, addressees included, each with the addressees below it (a
 * receiving organization counts one; a branch addressed through its members counts its members). A step of one
 * addressee then moves one count on the rows of its path ({@link #pathIds}) — at most the tree's depth.
 */
final class CounterTree {
    private CounterTree() {
    }

    /** One addressed organization and how many addressees it stands for. */
    record Leaf(long orgId, String path, String name, int weight) {
    }

    static List<TaskRepository.Counter> build(long topId, String topPath, String topName, Collection<Leaf> leaves,
                                              Function<Collection<Long>, Map<Long, String>> namesOf) {
        int top = OrgPath.depth(topPath);
        Map<Long, int[]> totals = new LinkedHashMap<>();
        Map<Long, String> paths = new HashMap<>();
        Map<Long, String> names = new HashMap<>();
        totals.put(topId, new int[1]);
        paths.put(topId, topPath);
        names.put(topId, topName);
        for (Leaf t : leaves) {
            names.put(t.orgId(), t.name());
            for (int d = top; d <= OrgPath.depth(t.path()); d++) {
                long id = OrgPath.idAt(t.path(), d);
                totals.computeIfAbsent(id, k -> new int[1])[0] += t.weight();
                paths.putIfAbsent(id, t.path().substring(0, d * OrgPath.SEGMENT));
            }
        }
        List<Long> unnamed = totals.keySet().stream().filter(id -> !names.containsKey(id)).toList();
        if (!unnamed.isEmpty()) {
            names.putAll(namesOf.apply(unnamed));
        }
        List<TaskRepository.Counter> out = new ArrayList<>(totals.size());
        totals.forEach((id, n) -> {
            String path = paths.get(id);
            Long parent = OrgPath.depth(path) > top ? OrgPath.idAt(path, OrgPath.depth(path) - 1) : null;
            String name = names.getOrDefault(id, "");
            out.add(new TaskRepository.Counter(id, parent, path, name.length() > 100 ? name.substring(0, 100) : name, n[0]));
        });
        return out;
    }

    /** The organizations whose counters an addressee's step moves: from the top down to the addressee. */
    static List<Long> pathIds(String topPath, String addresseePath) {
        List<Long> ids = new ArrayList<>();
        for (int d = OrgPath.depth(topPath); d <= OrgPath.depth(addresseePath); d++) {
            ids.add(OrgPath.idAt(addresseePath, d));
        }
        return ids;
    }
}
