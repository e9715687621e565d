package dev.emporium.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.emporium.platform.error.ErrorCode;
import dev.emporium.testing.Deployments;
import dev.emporium.testing.Http;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * /openapi against the code: every JAX-RS resource method is documented (and nothing else is), each with a summary,
 * a success response, its error responses (500 and 503 at least) in the ApiError schema, a security requirement
 * exactly when it needs a token, and a schema and an example for every JSON body and answer (error examples of the
 * right status and a listed code); the ErrorCode schema lists every code.
 */
@ExtendWith(ArquillianExtension.class)
class OpenApiIT {

    private static final List<Class<? extends Annotation>> VERBS = List.of(GET.class, POST.class, PUT.class,
            PATCH.class, DELETE.class);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    private static JsonObject document;
    /** "GET /api/v1/products/{id}" → whether the method needs a token. */
    private static final Map<String, Boolean> RESOURCE_METHODS = new TreeMap<>();

    @BeforeAll
    static void read() throws IOException, ClassNotFoundException {
        document = Http.json(Http.get("/openapi?format=JSON"));
        java.nio.file.Path classes = Paths.get(System.getProperty("emporium.basedir", "."), "target", "classes");
        List<String> names;
        try (Stream<java.nio.file.Path> files = Files.walk(classes)) {
            names = files.map(f -> classes.relativize(f).toString()).filter(f -> f.endsWith(".class") && !f.contains("$"))
                    .map(f -> f.substring(0, f.length() - ".class".length()).replace('/', '.')).toList();
        }
        for (String name : names) {
            Class<?> type = Class.forName(name, false, OpenApiIT.class.getClassLoader());
            Path root = type.getAnnotation(Path.class);
            if (root == null) {
                continue;
            }
            for (Method method : type.getDeclaredMethods()) {
                String verb = VERBS.stream().filter(method::isAnnotationPresent)
                        .map(v -> v.getAnnotation(HttpMethod.class).value()).findFirst().orElse(null);
                if (verb == null) {
                    continue;
                }
                Path sub = method.getAnnotation(Path.class);
                String path = "/api/v1" + root.value() + (sub == null ? "" : (sub.value().startsWith("/") ? "" : "/") + sub.value());
                path = withoutRegularExpressions(path).replaceAll("/$", "");
                boolean open = method.isAnnotationPresent(PermitAll.class)
                        || (!method.isAnnotationPresent(RolesAllowed.class) && !type.isAnnotationPresent(RolesAllowed.class));
                RESOURCE_METHODS.put(verb + " " + path, !open);
            }
        }
    }

    /** {@code /images/{key: [0-9a-f]{64}}} → {@code /images/{key}}: the template as OpenAPI names it. */
    private static String withoutRegularExpressions(String path) {
        StringBuilder out = new StringBuilder();
        int depth = 0;
        boolean skipping = false;
        for (char c : path.toCharArray()) {
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
                if (depth == 0) {
                    skipping = false;
                }
            } else if (c == ':' && depth == 1) {
                skipping = true;
            }
            if (!skipping || (c == '}' && depth == 0)) {
                out.append(c);
            }
        }
        return out.toString().replace(" ", "");
    }

    private static Map<String, JsonObject> documentedOperations() {
        Map<String, JsonObject> operations = new TreeMap<>();
        document.getJsonObject("paths").forEach((path, item) -> {
            if (path.startsWith("/api/v1/")) {
                item.asJsonObject().forEach((method, operation) -> {
                    if (Set.of("get", "put", "post", "delete", "patch").contains(method)) {
                        operations.put(method.toUpperCase() + " " + path, operation.asJsonObject());
                    }
                });
            }
        });
        return operations;
    }

    @Test
    void everyResourceMethodIsDocumentedAndNothingElse() {
        assertEquals(RESOURCE_METHODS.keySet(), documentedOperations().keySet());
    }

    @Test
    void everyOperationHasASummaryResponsesErrorsAndTheRightSecurity() {
        List<String> problems = new ArrayList<>();
        documentedOperations().forEach((name, operation) -> {
            if (operation.getString("summary", "").isBlank()) {
                problems.add(name + ": no summary");
            }
            JsonObject responses = operation.getJsonObject("responses");
            if (responses.keySet().stream().noneMatch(code -> code.startsWith("2"))) {
                problems.add(name + ": no success response");
            }
            List<String> errors = responses.keySet().stream().filter(code -> code.startsWith("4") || code.startsWith("5")).toList();
            if (!errors.containsAll(List.of("500", "503"))) {
                problems.add(name + ": 500 and 503 are not documented");
            }
            for (String code : errors) {
                String schema = String.valueOf(responses.getJsonObject(code).getValue("/content/application~1json/schema"));
                if (!schema.contains("#/components/schemas/ApiError")) {
                    problems.add(name + ": " + code + " is not described as an ApiError");
                }
            }
            boolean secured = operation.containsKey("security") && !operation.getJsonArray("security").isEmpty();
            if (RESOURCE_METHODS.getOrDefault(name, false) != secured) {
                problems.add(name + (secured ? ": documents a token it does not need" : ": needs a token but does not say so"));
            }
        });
        assertEquals(List.of(), problems);
    }

    @Test
    void everyJsonBodyAndAnswerHasASchemaAndAnExample() {
        JsonObject schemas = document.getJsonObject("components").getJsonObject("schemas");
        Set<String> codes = Arrays.stream(ErrorCode.values()).map(Enum::name).collect(Collectors.toSet());
        List<String> problems = new ArrayList<>();
        documentedOperations().forEach((name, operation) -> {
            Map<String, JsonObject> contents = new TreeMap<>();
            if (operation.containsKey("requestBody")) {
                contents.put("request body", operation.getJsonObject("requestBody").getJsonObject("content"));
            }
            operation.getJsonObject("responses").forEach((code, response) ->
                    contents.put(code, response.asJsonObject().getJsonObject("content")));
            contents.forEach((part, content) -> {
                JsonObject json = content == null ? null : content.getJsonObject("application/json");
                if (json == null) {
                    return; // no body, or an image
                }
                String schema = String.valueOf(json.get("schema"));
                if (json.get("schema") == null) {
                    problems.add(name + " " + part + ": no schema");
                } else if (schema.contains("$ref") && !schemas.containsKey(schema.replaceAll(".*#/components/schemas/([^\"]+).*", "$1"))) {
                    problems.add(name + " " + part + ": refers to a schema that is not there: " + schema);
                }
                if (!json.containsKey("example") && !json.containsKey("examples")) {
                    problems.add(name + " " + part + ": no example");
                } else if (part.matches("[45]\\d\\d")) {
                    JsonObject example = json.getJsonObject("example");
                    if (example.getInt("status") != Integer.parseInt(part) || !codes.contains(example.getString("code"))) {
                        problems.add(name + " " + part + ": example " + example + " is not an error of this status");
                    }
                }
            });
        });
        assertEquals(List.of(), problems);
    }

    @Test
    void theErrorCodeSchemaListsEveryCode() {
        JsonObject schemas = document.getJsonObject("components").getJsonObject("schemas");
        Set<String> listed = schemas.getJsonObject("ErrorCode").getJsonArray("enum").stream()
                .map(v -> ((JsonString) v).getString()).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(Arrays.stream(ErrorCode.values()).map(Enum::name).collect(Collectors.toCollection(TreeSet::new)), listed);
        JsonValue code = schemas.getJsonObject("ApiError").getValue("/properties/code");
        assertEquals("#/components/schemas/ErrorCode", code.asJsonObject().getString("$ref"), code.toString());
    }
}
