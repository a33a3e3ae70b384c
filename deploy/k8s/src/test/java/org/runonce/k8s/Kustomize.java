package org.runonce.k8s;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Renders a kustomization the way {@code kubectl kustomize} does, for the subset of Kustomize this directory uses:
 * {@code resources} (files and directories), {@code namespace}, {@code images} and inline JSON 6902 {@code patches}
 * selected by kind and name. No Kustomize build was found on Maven Central or npm, so a fresh clone renders with this;
 * where {@code kubectl} is on the PATH, {@link ManifestsTest} checks that both render the same objects. Anything
 * outside the subset is refused rather than ignored.
 */
final class Kustomize {

    static final YAMLMapper YAML = new YAMLMapper();

    private static final Set<String> SUPPORTED =
            Set.of("apiVersion", "kind", "resources", "namespace", "images", "patches");

    private Kustomize() {}

    static List<ObjectNode> render(Path directory) {
        JsonNode k = readAll(directory.resolve("kustomization.yaml")).getFirst();
        k.propertyNames().forEach(field -> {
            if (!SUPPORTED.contains(field)) {
                throw new IllegalArgumentException(
                        directory + ": kustomization field '" + field + "' is outside the subset");
            }
        });
        List<ObjectNode> objects = new ArrayList<>();
        for (JsonNode resource : k.path("resources")) {
            Path path = directory.resolve(resource.asString()).normalize();
            if (Files.isDirectory(path)) {
                objects.addAll(render(path));
            } else {
                readAll(path).forEach(doc -> objects.add((ObjectNode) doc));
            }
        }
        for (JsonNode patch : k.path("patches")) {
            JsonNode target = patch.path("target");
            JsonNode ops = YAML.readTree(patch.path("patch").asString());
            int matched = 0;
            for (ObjectNode object : objects) {
                if (matches(target, object)) {
                    matched++;
                    for (JsonNode op : ops) {
                        apply(object, op);
                    }
                }
            }
            if (matched == 0) {
                throw new IllegalArgumentException(directory + ": patch target " + target + " matches nothing");
            }
        }
        for (JsonNode image : k.path("images")) {
            for (ObjectNode object : objects) {
                for (JsonNode container :
                        object.path("spec").path("template").path("spec").path("containers")) {
                    String current = container.path("image").asString();
                    String name = current.replaceFirst(":[^:/]*$", "");
                    if (name.equals(image.path("name").asString())) {
                        String newName = image.path("newName").asString(name);
                        String tag =
                                image.has("newTag") ? ":" + image.path("newTag").asString() : "";
                        ((ObjectNode) container).put("image", newName + tag);
                    }
                }
            }
        }
        if (k.has("namespace")) {
            objects.forEach(o -> ((ObjectNode) o.path("metadata"))
                    .put("namespace", k.path("namespace").asString()));
        }
        return objects;
    }

    static List<JsonNode> readAll(Path file) {
        try {
            return YAML.readerFor(JsonNode.class).<JsonNode>readValues(Files.readString(file)).readAll().stream()
                    .filter(doc -> doc != null && !doc.isMissingNode() && !doc.isNull())
                    .toList();
        } catch (IOException e) {
            throw new IllegalStateException(file.toString(), e);
        }
    }

    private static boolean matches(JsonNode target, JsonNode object) {
        return (!target.has("kind")
                        || target.path("kind")
                                .asString()
                                .equals(object.path("kind").asString()))
                && (!target.has("name")
                        || target.path("name")
                                .asString()
                                .equals(object.path("metadata").path("name").asString()));
    }

    /** One JSON 6902 operation (add, replace, remove) on {@code root}. */
    static void apply(ObjectNode root, JsonNode op) {
        String[] tokens = op.path("path").asString().substring(1).split("/", -1);
        JsonNode parent = root;
        for (int i = 0; i < tokens.length - 1; i++) {
            parent = child(parent, unescape(tokens[i]));
            if (parent == null || parent.isMissingNode()) {
                throw new IllegalArgumentException("no " + op.path("path").asString() + " in " + name(root));
            }
        }
        String last = unescape(tokens[tokens.length - 1]);
        String kind = op.path("op").asString();
        JsonNode value = op.get("value");
        if (parent instanceof ObjectNode o) {
            if (!kind.equals("add") && !o.has(last)) {
                throw new IllegalArgumentException(
                        "no " + op.path("path").asString() + " to " + kind + " in " + name(root));
            }
            if (kind.equals("remove")) {
                o.remove(last);
            } else {
                o.set(last, value.deepCopy());
            }
        } else if (parent instanceof ArrayNode a) {
            int index = last.equals("-") ? a.size() : Integer.parseInt(last);
            switch (kind) {
                case "remove" -> a.remove(index);
                case "replace" -> a.set(index, value.deepCopy());
                default -> a.insert(index, value.deepCopy());
            }
        }
    }

    private static JsonNode child(JsonNode node, String token) {
        return node.isArray() ? node.get(Integer.parseInt(token)) : node.get(token);
    }

    private static String unescape(String token) {
        return token.replace("~1", "/").replace("~0", "~");
    }

    static String name(JsonNode object) {
        return object.path("kind").asString() + "/"
                + object.path("metadata").path("name").asString();
    }
}
