package org.flowpat.config;

import java.io.StringReader;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Where each key path of a YAML document starts (1-based line), so that errors found on the bound
 * records can point back into the file. Jackson forgets locations once it has built the records,
 * hence this second, independent parse with SnakeYAML's node API.
 */
final class YamlLines {
    private final Node root;
    private final Map<String, Integer> lines;

    private YamlLines(Node root, Map<String, Integer> lines) {
        this.root = root;
        this.lines = lines;
    }

    static YamlLines none() {
        return new YamlLines(null, Map.of());
    }

    /**
     * Maps the paths of {@code text}; throws SnakeYAML's exception for malformed YAML.
     * A path is {@code a.b[2].c}: keys joined by dots, sequence items by index.
     */
    static YamlLines of(String text) {
        Node root = new Yaml(new LoaderOptions()).compose(new StringReader(text));
        Map<String, Integer> lines = new HashMap<>();
        if (root != null) {
            lines.put("", line(root));
            walk(root, "", lines, Collections.newSetFromMap(new IdentityHashMap<>()));
        }
        return new YamlLines(root, lines);
    }

    /** The document's node tree, or null when there is none. */
    Node root() {
        return root;
    }

    /** The line of {@code path}, or of its nearest ancestor present in the document (1 if none is). */
    int lineOf(String path) {
        String p = path == null ? "" : path;
        while (true) {
            Integer line = lines.get(p);
            if (line != null) {
                return line;
            }
            if (p.isEmpty()) {
                return 1;
            }
            p = parent(p);
        }
    }

    /** Whether the document contains exactly this path. */
    boolean contains(String path) {
        return lines.containsKey(path);
    }

    static String parent(String path) {
        int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        return cut < 0 ? "" : path.substring(0, cut);
    }

    private static void walk(Node node, String path, Map<String, Integer> lines, Set<Node> onPath) {
        // Aliases share node objects, so a document can refer to itself: never descend into a node twice on one branch.
        if (!onPath.add(node)) {
            return;
        }
        if (node instanceof MappingNode map) {
            for (NodeTuple tuple : map.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode key) {
                    String child = path.isEmpty() ? key.getValue() : path + "." + key.getValue();
                    // Keep the first occurrence: a duplicate key is reported at the second one by the parser.
                    lines.putIfAbsent(child, line(key));
                    walk(tuple.getValueNode(), child, lines, onPath);
                }
            }
        } else if (node instanceof SequenceNode seq) {
            for (int i = 0; i < seq.getValue().size(); i++) {
                Node item = seq.getValue().get(i);
                String child = path + "[" + i + "]";
                lines.putIfAbsent(child, line(item));
                walk(item, child, lines, onPath);
            }
        }
        onPath.remove(node);
    }

    private static int line(Node node) {
        return node.getStartMark() == null ? 1 : node.getStartMark().getLine() + 1;
    }
}
