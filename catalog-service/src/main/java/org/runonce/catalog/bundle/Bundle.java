package org.runonce.catalog.bundle;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.runonce.catalog.Bilingual;
import org.runonce.contracts.catalog.Name;
import org.runonce.starter.domain.Refusal;

/**
 * A bundle ("one thing", 一件事): the items an applicant sees as one matter, and which item needs which other's
 * output. Every definition is published at once under a new version number.
 */
public final class Bundle {

    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}[a-z0-9]");

    private final String code;
    private Name name;
    private String description;
    private List<BundleItem> items;
    private int version;
    private Instant publishedAt;

    private Bundle(
            String code, Name name, String description, List<BundleItem> items, int version, Instant publishedAt) {
        this.code = code;
        this.name = name;
        this.description = description;
        this.items = items;
        this.version = version;
        this.publishedAt = publishedAt;
    }

    /** Defines and publishes a new bundle as version 1. */
    public static Bundle define(String code, Name name, String description, List<BundleItem> items, Instant now) {
        if (code == null || !CODE.matcher(code).matches()) {
            throw Refusal.invalid("bundle code must be 3-64 lower-case letters, digits or '-', got " + code);
        }
        Bundle bundle = new Bundle(code, null, null, List.of(), 0, now);
        bundle.redefine(name, description, items, now);
        return bundle;
    }

    static Bundle restore(
            String code, Name name, String description, List<BundleItem> items, int version, Instant publishedAt) {
        return new Bundle(code, name, description, List.copyOf(items), version, publishedAt);
    }

    /** Replaces the definition and publishes it as the next version; refuses cycles, naming one. */
    public void redefine(Name newName, String newDescription, List<BundleItem> newItems, Instant now) {
        if (!Bilingual.complete(newName)) {
            throw Refusal.invalid("a bundle needs a name in Chinese and English");
        }
        List<BundleItem> checked = checkGraph(Objects.requireNonNullElse(newItems, List.of()));
        this.name = Bilingual.cleaned(newName);
        this.description = newDescription;
        this.items = checked;
        this.version++;
        this.publishedAt = now;
    }

    private List<BundleItem> checkGraph(List<BundleItem> candidate) {
        if (candidate.size() < 2) {
            throw Refusal.invalid("a bundle combines at least two items");
        }
        Map<String, BundleItem> byCode = new LinkedHashMap<>();
        for (BundleItem item : candidate) {
            if (byCode.put(item.itemCode(), item) != null) {
                throw Refusal.invalid("item " + item.itemCode() + " appears twice in bundle " + code);
            }
        }
        for (BundleItem item : candidate) {
            for (String dependency : item.dependsOn()) {
                if (!byCode.containsKey(dependency)) {
                    throw Refusal.invalid("item " + item.itemCode() + " depends on " + dependency
                            + ", which is not part of bundle " + code);
                }
            }
        }
        List<String> cycle = findCycle(byCode);
        if (!cycle.isEmpty()) {
            throw new BundleCycle(code, cycle);
        }
        return List.copyOf(candidate);
    }

    /** Depth-first search; a dependency already on the current path closes a cycle. */
    private static List<String> findCycle(Map<String, BundleItem> byCode) {
        Set<String> done = new HashSet<>();
        for (String start : byCode.keySet()) {
            List<String> cycle = visit(start, byCode, new LinkedHashSet<>(), done);
            if (!cycle.isEmpty()) {
                return cycle;
            }
        }
        return List.of();
    }

    private static List<String> visit(
            String node, Map<String, BundleItem> byCode, LinkedHashSet<String> path, Set<String> done) {
        if (done.contains(node)) {
            return List.of();
        }
        if (path.contains(node)) {
            List<String> onPath = new ArrayList<>(path);
            List<String> cycle = new ArrayList<>(onPath.subList(onPath.indexOf(node), onPath.size()));
            cycle.add(node);
            return cycle;
        }
        path.add(node);
        for (String dependency : byCode.get(node).dependsOn()) {
            List<String> cycle = visit(dependency, byCode, path, done);
            if (!cycle.isEmpty()) {
                return cycle;
            }
        }
        path.remove(node);
        done.add(node);
        return List.of();
    }

    /** Item codes such that every item comes after the items it depends on; ties keep definition order. */
    public List<String> topologicalOrder() {
        Map<String, Integer> pending = new LinkedHashMap<>();
        Map<String, List<String>> dependents = new HashMap<>();
        for (BundleItem item : items) {
            pending.put(item.itemCode(), item.dependsOn().size());
            for (String dependency : item.dependsOn()) {
                dependents.computeIfAbsent(dependency, k -> new ArrayList<>()).add(item.itemCode());
            }
        }
        List<String> order = new ArrayList<>();
        while (order.size() < items.size()) {
            String next = pending.entrySet().stream()
                    .filter(e -> e.getValue() == 0)
                    .map(Map.Entry::getKey)
                    .findFirst()
                    .orElseThrow();
            pending.remove(next);
            order.add(next);
            for (String dependent : dependents.getOrDefault(next, List.of())) {
                pending.computeIfPresent(dependent, (k, v) -> v - 1);
            }
        }
        return order;
    }

    /** Every item {@code itemCode} transitively depends on. */
    public Set<String> ancestorsOf(String itemCode) {
        Map<String, BundleItem> byCode = new HashMap<>();
        items.forEach(item -> byCode.put(item.itemCode(), item));
        if (!byCode.containsKey(itemCode)) {
            return Set.of();
        }
        Set<String> ancestors = new LinkedHashSet<>();
        List<String> todo = new ArrayList<>(byCode.get(itemCode).dependsOn());
        while (!todo.isEmpty()) {
            String next = todo.removeLast();
            if (ancestors.add(next)) {
                todo.addAll(byCode.get(next).dependsOn());
            }
        }
        return ancestors;
    }

    public boolean contains(String itemCode) {
        return items.stream().anyMatch(item -> item.itemCode().equals(itemCode));
    }

    public String code() {
        return code;
    }

    public Name name() {
        return name;
    }

    public String description() {
        return description;
    }

    public List<BundleItem> items() {
        return items;
    }

    public List<String> itemCodes() {
        return items.stream().map(BundleItem::itemCode).toList();
    }

    public int version() {
        return version;
    }

    public Instant publishedAt() {
        return publishedAt;
    }
}
