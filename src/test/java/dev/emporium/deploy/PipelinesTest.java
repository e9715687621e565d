package dev.emporium.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The delivery definitions, read offline: the GitHub Actions workflow and the Tekton pipeline run the README's test
 * command and build the Containerfile, the pipeline's steps follow one another and deploy the openshift overlay,
 * and every update-bot rule that reads a version out of a file still finds that version there.
 */
class PipelinesTest {

    private static final Path PROJECT = Path.of("").toAbsolutePath();
    private static final Pattern PARAM = Pattern.compile("\\$\\(params\\.([\\w-]+)\\)");
    private static final Pattern TASK_RESULT = Pattern.compile("\\$\\(tasks\\.([\\w-]+)\\.results\\.([\\w-]+)\\)");

    @Test
    void theWorkflowRunsEveryTestAndBuildsTheImageOnTheProjectsJava() throws IOException {
        JsonNode workflow = Kustomize.single(PROJECT.resolve(".github/workflows/ci.yml"));
        List<String> commands = new ArrayList<>();
        Set<String> javaVersions = new TreeSet<>();
        workflow.path("jobs").forEach(job -> job.path("steps").forEach(step -> {
            commands.add(step.path("run").asText(""));
            if (step.path("uses").asText().startsWith("actions/setup-java")) {
                javaVersions.add(step.path("with").path("java-version").asText());
            }
        }));
        assertTrue(commands.stream().anyMatch(command -> command.matches("(?s).*\\bci/test\\.sh\\b.*")), "ci/test.sh in " + commands);
        assertTrue(commands.stream().anyMatch(command -> command.contains("-f Containerfile")), "an image build in " + commands);
        assertEquals(Set.of(pomProperty("maven.compiler.release")), javaVersions);
    }

    @Test
    void thePipelineClonesBuildsTestsBuildsTheImageAndDeploysInThatOrder() {
        JsonNode pipeline = Kustomize.single(PROJECT.resolve("deploy/pipeline/pipeline.yaml"));
        assertEquals("tekton.dev/v1", pipeline.path("apiVersion").asText());
        assertEquals("Pipeline", pipeline.path("kind").asText());
        Map<String, JsonNode> tasks = new LinkedHashMap<>();
        pipeline.path("spec").path("tasks").forEach(task -> tasks.put(task.path("name").asText(), task));
        assertEquals(List.of("clone", "build", "test", "image", "deploy"), List.copyOf(tasks.keySet()));
        String previous = null;
        for (Map.Entry<String, JsonNode> task : tasks.entrySet()) {
            List<String> after = new ArrayList<>();
            task.getValue().path("runAfter").forEach(name -> after.add(name.asText()));
            assertEquals(previous == null ? List.of() : List.of(previous), after, task.getKey() + " runs after");
            previous = task.getKey();
        }
        assertTrue(scripts(tasks.get("test")).matches("(?s).*\\bci/test\\.sh\\b.*"), "the test task runs ci/test.sh");
        assertEquals("./Containerfile", param(tasks.get("image"), "DOCKERFILE"));
        String deploy = param(tasks.get("deploy"), "SCRIPT");
        for (String path : List.of("deploy/overlays/openshift", "deploy/post-apply/deployment-grace-period.yaml")) {
            assertTrue(deploy.contains(path) && Files.exists(PROJECT.resolve(path)), "the deploy task uses " + path);
        }
    }

    @Test
    void thePipelineReferencesOnlyDeclaredParametersAndEarlierResults() {
        JsonNode pipeline = Kustomize.single(PROJECT.resolve("deploy/pipeline/pipeline.yaml"));
        Set<String> declared = new HashSet<>();
        pipeline.path("spec").path("params").forEach(param -> declared.add(param.path("name").asText()));
        Map<String, Set<String>> before = new HashMap<>();
        Set<String> done = new HashSet<>();
        List<String> problems = new ArrayList<>();
        for (JsonNode task : pipeline.path("spec").path("tasks")) {
            String name = task.path("name").asText();
            before.put(name, Set.copyOf(done));
            String text = task.toString();
            Matcher param = PARAM.matcher(text);
            while (param.find()) {
                if (!declared.contains(param.group(1)) && !task.path("taskSpec").toString().contains(param.group(0))) {
                    problems.add(name + " uses undeclared " + param.group(0));
                }
            }
            Matcher result = TASK_RESULT.matcher(text);
            while (result.find()) {
                if (!before.get(name).contains(result.group(1))) {
                    problems.add(name + " uses " + result.group(0) + " of a task that has not run before it");
                }
            }
            done.add(name);
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void everyUpdateRuleFindsTheVersionItWatches() throws IOException {
        JsonNode renovate = new ObjectMapper().readTree(PROJECT.resolve("renovate.json").toFile());
        Set<String> managers = new TreeSet<>();
        renovate.path("enabledManagers").forEach(manager -> managers.add(manager.asText()));
        assertTrue(managers.containsAll(Set.of("maven", "custom.regex")), "managers: " + managers);
        Map<String, String> found = new TreeMap<>();
        for (JsonNode rule : renovate.path("customManagers")) {
            String filePattern = rule.path("managerFilePatterns").get(0).asText();
            Pattern file = Pattern.compile(filePattern.substring(1, filePattern.length() - 1));
            List<Path> files;
            try (var walk = Files.walk(PROJECT, 3)) {
                files = walk.filter(Files::isRegularFile)
                        .filter(path -> file.matcher(PROJECT.relativize(path).toString()).matches()).toList();
            }
            assertEquals(1, files.size(), filePattern + " matches one file: " + files);
            Matcher version = Pattern.compile(rule.path("matchStrings").get(0).asText()).matcher(Files.readString(files.get(0)));
            assertTrue(version.find(), rule.path("description").asText() + ": nothing found in " + files.get(0));
            found.put(PROJECT.relativize(files.get(0)).toString(), version.group("currentValue"));
        }
        assertEquals(Map.of("pom.xml", pomProperty("liberty.runtime.version"),
                "Containerfile", pomProperty("liberty.runtime.version"),
                "ci/env.sh", pomProperty("artemis.version")), found);
    }

    private static String scripts(JsonNode task) {
        StringBuilder all = new StringBuilder();
        task.path("taskSpec").path("steps").forEach(step -> all.append(step.path("script").asText()).append('\n'));
        return all.toString();
    }

    private static String param(JsonNode task, String name) {
        for (JsonNode param : task.path("params")) {
            if (param.path("name").asText().equals(name)) {
                return param.path("value").asText();
            }
        }
        throw new AssertionError(task.path("name").asText() + " has no parameter " + name);
    }

    private static String pomProperty(String name) throws IOException {
        Matcher value = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</").matcher(Files.readString(PROJECT.resolve("pom.xml")));
        assertTrue(value.find(), name + " in pom.xml");
        return value.group(1);
    }
}
