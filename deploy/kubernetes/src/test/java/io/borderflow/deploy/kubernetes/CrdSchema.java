package io.borderflow.deploy.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A custom resource checked against a structural schema in a CRD's form, for the operators that publish no Java
 * model (CloudNativePG, KEDA; the schemas in src/test/resources/crds are written here from their API references):
 * every field is declared by the schema (an API server would silently prune one that is not), has the declared
 * type and enum value, and every required field is present.
 */
final class CrdSchema {

    private final String kind;
    private final String group;
    private final Map<String, JsonNode> schemaByVersion;

    private CrdSchema(String kind, String group, Map<String, JsonNode> schemaByVersion) {
        this.kind = kind;
        this.group = group;
        this.schemaByVersion = schemaByVersion;
    }

    static CrdSchema load(String resource) {
        try (InputStream in = CrdSchema.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no CRD at " + resource);
            }
            JsonNode crd = new ObjectMapper(new YAMLFactory()).readTree(in);
            Map<String, JsonNode> schemas = new java.util.HashMap<>();
            crd.at("/spec/versions").forEach(v -> schemas.put(v.get("name").asText(), v.at("/schema/openAPIV3Schema")));
            return new CrdSchema(crd.at("/spec/names/kind").asText(), crd.at("/spec/group").asText(), schemas);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String apiGroup() {
        return group;
    }

    String kind() {
        return kind;
    }

    /** What is wrong with the object, one line per problem; empty when it conforms. */
    List<String> violations(JsonNode object) {
        List<String> problems = new ArrayList<>();
        String apiVersion = object.path("apiVersion").asText();
        JsonNode schema = apiVersion.startsWith(group + "/")
                ? schemaByVersion.get(apiVersion.substring(group.length() + 1)) : null;
        if (schema == null) {
            problems.add(kind + ": apiVersion " + apiVersion + " is not served by the CRD (" + group + "/"
                    + schemaByVersion.keySet() + ")");
            return problems;
        }
        check(object, schema, "", problems);
        return problems;
    }

    private static void check(JsonNode value, JsonNode schema, String path, List<String> problems) {
        if (schema.path("x-kubernetes-int-or-string").asBoolean()) {
            if (!value.isTextual() && !value.isIntegralNumber()) {
                problems.add(path + ": expected an integer or a string, got " + value.getNodeType());
            }
            return;
        }
        String type = schema.path("type").asText();
        switch (type) {
            case "object" -> checkObject(value, schema, path, problems);
            case "array" -> {
                if (!value.isArray()) {
                    problems.add(path + ": expected an array, got " + value.getNodeType());
                    return;
                }
                for (int i = 0; i < value.size(); i++) {
                    check(value.get(i), schema.path("items"), path + "[" + i + "]", problems);
                }
            }
            case "string" -> {
                if (!value.isTextual()) {
                    problems.add(path + ": expected a string, got " + value.getNodeType());
                }
            }
            case "integer" -> {
                if (!value.isIntegralNumber()) {
                    problems.add(path + ": expected an integer, got " + value.getNodeType());
                }
            }
            case "number" -> {
                if (!value.isNumber()) {
                    problems.add(path + ": expected a number, got " + value.getNodeType());
                }
            }
            case "boolean" -> {
                if (!value.isBoolean()) {
                    problems.add(path + ": expected a boolean, got " + value.getNodeType());
                }
            }
            default -> {
                // no type: the schema accepts any value here
            }
        }
        if (schema.has("enum")) {
            boolean listed = false;
            for (JsonNode allowed : schema.get("enum")) {
                listed |= allowed.equals(value);
            }
            if (!listed) {
                problems.add(path + ": " + value + " is not one of " + schema.get("enum"));
            }
        }
    }

    private static void checkObject(JsonNode value, JsonNode schema, String path, List<String> problems) {
        if (!value.isObject()) {
            problems.add(path + ": expected an object, got " + value.getNodeType());
            return;
        }
        JsonNode properties = schema.get("properties");
        JsonNode additional = schema.get("additionalProperties");
        boolean preserveUnknown = schema.path("x-kubernetes-preserve-unknown-fields").asBoolean();
        for (JsonNode required : schema.path("required")) {
            if (!value.has(required.asText())) {
                problems.add(path + ": missing required field " + required.asText());
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = value.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String at = path + "." + field.getKey();
            if (properties != null && properties.has(field.getKey())) {
                check(field.getValue(), properties.get(field.getKey()), at, problems);
            } else if (additional != null && additional.isObject()) {
                check(field.getValue(), additional, at, problems);
            } else if (properties != null && !preserveUnknown) {
                problems.add(at + ": unknown field");
            }
        }
    }
}
