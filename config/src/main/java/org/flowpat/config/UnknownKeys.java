package org.flowpat.config;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.type.TypeFactory;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Finds every key of a YAML document that the target records do not have, walking the document's
 * node tree beside the record types. Jackson also notices unknown keys, but for records it
 * replays them only after the record is built, when its parser no longer knows where they were;
 * the node tree still does.
 */
final class UnknownKeys {
    /** An unknown key: its path, the line of the key and the keys that would have been accepted. */
    record Found(String path, int line, String key, List<String> known) {
        String message() {
            return "unknown key '" + key + "'" + Describe.didYouMean(key, known) + " (known keys: "
                    + String.join(", ", known) + ")";
        }
    }

    private UnknownKeys() {
    }

    static List<Found> in(Node root, Class<?> type) {
        List<Found> found = new ArrayList<>();
        if (root != null) {
            walk(root, TypeFactory.defaultInstance().constructType(type), "", found,
                    Collections.newSetFromMap(new IdentityHashMap<>()));
        }
        return found;
    }

    private static void walk(Node node, JavaType type, String path, List<Found> found, Set<Node> onPath) {
        if (!onPath.add(node)) {
            return;
        }
        Class<?> raw = type.getRawClass();
        if (raw.isRecord() && node instanceof MappingNode map) {
            Map<String, JavaType> keys = keys(raw);
            for (NodeTuple tuple : map.getValue()) {
                if (!(tuple.getKeyNode() instanceof ScalarNode keyNode)) {
                    continue;
                }
                String key = keyNode.getValue();
                String child = path.isEmpty() ? key : path + "." + key;
                JavaType childType = keys.get(key);
                if (childType == null) {
                    found.add(new Found(child, keyNode.getStartMark().getLine() + 1, key, List.copyOf(keys.keySet())));
                } else {
                    walk(tuple.getValueNode(), childType, child, found, onPath);
                }
            }
        } else if ((type.isCollectionLikeType() || type.isArrayType()) && node instanceof SequenceNode seq) {
            for (int i = 0; i < seq.getValue().size(); i++) {
                walk(seq.getValue().get(i), type.getContentType(), path + "[" + i + "]", found, onPath);
            }
        } else if (type.isMapLikeType() && node instanceof MappingNode map) {
            for (NodeTuple tuple : map.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode keyNode) {
                    String child = path.isEmpty() ? keyNode.getValue() : path + "." + keyNode.getValue();
                    walk(tuple.getValueNode(), type.getContentType(), child, found, onPath);
                }
            }
        }
        // Anything else is a scalar, or a shape mismatch that binding reports as a type error.
        onPath.remove(node);
    }

    /** A record's keys in declaration order, each with its full generic type. */
    private static Map<String, JavaType> keys(Class<?> record) {
        TypeFactory types = TypeFactory.defaultInstance();
        return Arrays.stream(record.getRecordComponents()).collect(Collectors.toMap(RecordComponent::getName,
                rc -> types.constructType(rc.getGenericType()), (a, b) -> a, LinkedHashMap::new));
    }
}
