package dev.emporium.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Secret and ConfigMap references in rendered objects, and where the referenced keys come from. */
final class References {

    /** One reference: key is empty where the whole object is taken (envFrom, a mount without items). */
    record Reference(String kind, String name, Optional<String> key, String where) {
    }

    /** A Secret or ConfigMap that the manifests do not contain: made by an operator or by the installer. */
    record External(String kind, String name, Set<String> keys, Optional<String> ownerKind, Optional<String> ownerName) {
    }

    private References() {
    }

    /** Every reference in the objects, by the usual shapes of Kubernetes, CloudNativePG and ArtemisCloud. */
    static List<Reference> in(List<JsonNode> objects) {
        List<Reference> references = new ArrayList<>();
        for (JsonNode object : objects) {
            String where = object.path("kind").asText() + " " + object.path("metadata").path("name").asText();
            walk(object, where, "", references);
        }
        return references;
    }

    private static void walk(JsonNode node, String where, String path, List<Reference> out) {
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), where, path + "[" + i + "]", out);
            }
            return;
        }
        if (!node.isObject()) {
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            JsonNode value = field.getValue();
            String at = where + " " + path + "." + name;
            switch (name) {
                case "secretKeyRef" -> out.add(keyed("Secret", value, at));
                case "configMapKeyRef" -> out.add(keyed("ConfigMap", value, at));
                case "secretRef" -> out.add(whole("Secret", value.path("name").asText(), at));
                case "configMapRef" -> out.add(whole("ConfigMap", value.path("name").asText(), at));
                case "secret" -> {
                    if (value.has("secretName")) {
                        items("Secret", value.path("secretName").asText(), value, at, out);
                    }
                }
                case "configMap" -> {
                    if (value.has("name")) {
                        items("ConfigMap", value.path("name").asText(), value, at, out);
                    }
                }
                // CloudNativePG: {name, key} pairs naming a Secret.
                case "s3Credentials" -> value.fields().forEachRemaining(credential -> {
                    if (credential.getValue().has("key")) {
                        out.add(keyed("Secret", credential.getValue(), at + "." + credential.getKey()));
                    }
                });
                // ArtemisCloud: whole Secrets and ConfigMaps mounted into the broker.
                case "extraMounts" -> {
                    value.path("secrets").forEach(secret -> out.add(whole("Secret", secret.asText(), at)));
                    value.path("configMaps").forEach(map -> out.add(whole("ConfigMap", map.asText(), at)));
                }
                default -> {
                }
            }
            walk(value, where, path + "." + name, out);
        }
    }

    private static void items(String kind, String name, JsonNode volume, String at, List<Reference> out) {
        if (volume.path("items").isEmpty()) {
            out.add(whole(kind, name, at));
        }
        volume.path("items").forEach(item -> out.add(new Reference(kind, name, Optional.of(item.path("key").asText()), at)));
    }

    private static Reference keyed(String kind, JsonNode ref, String at) {
        return new Reference(kind, ref.path("name").asText(), Optional.of(ref.path("key").asText()), at);
    }

    private static Reference whole(String kind, String name, String at) {
        return new Reference(kind, name, Optional.empty(), at);
    }

    /** The keys of the Secrets and ConfigMaps among the objects, by "Kind/name". */
    static Map<String, Set<String>> provided(List<JsonNode> objects) {
        Map<String, Set<String>> provided = new TreeMap<>();
        for (JsonNode object : objects) {
            String kind = object.path("kind").asText();
            if (kind.equals("Secret") || kind.equals("ConfigMap")) {
                Set<String> keys = new TreeSet<>();
                for (String section : List.of("data", "stringData", "binaryData")) {
                    object.path(section).fieldNames().forEachRemaining(keys::add);
                }
                provided.put(kind + "/" + object.path("metadata").path("name").asText(), keys);
            }
        }
        return provided;
    }

    /** deploy/external.yaml: operatorMade and userMade. */
    static List<External> declared(JsonNode external) {
        List<External> declared = new ArrayList<>();
        for (String group : List.of("operatorMade", "userMade")) {
            for (JsonNode entry : external.path(group)) {
                Set<String> keys = new TreeSet<>();
                entry.path("keys").forEach(key -> keys.add(key.asText()));
                JsonNode owner = entry.path("owner");
                declared.add(new External(entry.path("kind").asText(), entry.path("name").asText(), keys,
                        owner.isMissingNode() ? Optional.empty() : Optional.of(owner.path("kind").asText()),
                        owner.isMissingNode() ? Optional.empty() : Optional.of(owner.path("name").asText())));
            }
        }
        return declared;
    }
}
