package dev.emporium.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.emporium.deploy.Kustomize.Rendered;
import dev.emporium.deploy.References.External;
import dev.emporium.deploy.References.Reference;
import dev.emporium.deploy.ServerSettings.Setting;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The OpenShift manifests (deploy/), checked offline: they render, they give the server every setting it needs in
 * production, every Secret and ConfigMap key they use exists, and they agree with server.xml, broker.xml, the
 * AsyncAPI document and the image script. Nothing here needs a cluster; kubectl renders the kustomizations.
 */
class ManifestsTest {

    private static final Path PROJECT = Path.of("").toAbsolutePath();
    private static final Path DEPLOY = PROJECT.resolve("deploy");
    private static final Path BASE = DEPLOY.resolve("base");
    private static final Path OVERLAYS = DEPLOY.resolve("overlays");

    /**
     * Settings that have a default fit for a developer's machine but need a production value: the default points
     * at 127.0.0.1, is a local password, or is wrong for OpenShift.
     */
    private static final Set<String> PRODUCTION_VALUE_NEEDED = Set.of(
            "DB_HOST", "DB_PORT", "DB_NAME", "DB_USER", "DB_PASSWORD", "DB_POOL_MAX",
            "ARTEMIS_HOST", "ARTEMIS_PORT", "ARTEMIS_USER", "ARTEMIS_PASSWORD",
            "SMTP_HOST", "SMTP_PORT", "SMTP_USER", "SMTP_PASSWORD", "SMTP_AUTH", "SMTP_STARTTLS", "MAIL_FROM",
            "CORS_ALLOWED_ORIGINS", "TRUSTED_PROXIES", "MP_JWT_VERIFY_ISSUER", "S3_BUCKET",
            // The ServiceMonitor scrapes without credentials; the grace period is sized for this delay.
            "METRICS_AUTHENTICATION", "EMPORIUM_SHUTDOWN_DELAY");

    /** Settings without a default that production leaves unset on purpose, and why. */
    private static final Map<String, String> LEFT_UNSET = Map.of(
            "EMPORIUM_JWT_PRIVATE_KEY", "the signing key comes as a file (EMPORIUM_JWT_PRIVATE_KEY_FILE)");

    /** Read by Liberty itself rather than by server.xml or the application's code, with the value the contract wants. */
    private static final Map<String, String> LIBERTY_CONTRACT = Map.of(
            "MP_JWT_VERIFY_PUBLICKEY_LOCATION", "/etc/emporium/jwt/public.pem",
            "EMPORIUM_JWT_PRIVATE_KEY_FILE", "/etc/emporium/jwt/private.pem",
            "WLP_LOGGING_CONSOLE_FORMAT", "JSON",
            "EMPORIUM_SHUTDOWN_DELAY", "PT10S",
            "METRICS_AUTHENTICATION", "false");

    /** Liberty's quiesce after the shutdown delay takes at most this long (docs/operations.md). */
    private static final Duration LIBERTY_QUIESCE = Duration.ofSeconds(30);

    private static List<Rendered> renders;

    @BeforeAll
    static void render() {
        renders = new ArrayList<>();
        renders.add(Kustomize.render(BASE));
        for (Path overlay : overlays()) {
            renders.add(Kustomize.render(overlay));
        }
    }

    @Test
    void everyYamlFileParsesAndTheBaseAndEachOverlayRender() throws IOException {
        List<Path> yamlFiles;
        try (Stream<Path> files = Files.walk(DEPLOY)) {
            yamlFiles = files.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().toList();
        }
        assertFalse(yamlFiles.isEmpty(), "no YAML under " + DEPLOY);
        for (Path file : yamlFiles) {
            assertFalse(Kustomize.documents(file).isEmpty(), file + " holds no document");
        }
        assertTrue(overlays().contains(OVERLAYS.resolve("openshift")), "the openshift overlay is missing");
        for (Rendered rendered : renders) {
            for (String kind : List.of("OpenLibertyApplication", "ActiveMQArtemis", "Cluster", "ObjectBucketClaim",
                    "PodDisruptionBudget", "ConfigMap", "Deployment", "Service")) {
                assertFalse(rendered.ofKind(kind).isEmpty(), rendered + " renders no " + kind);
            }
        }
    }

    @Test
    void everySettingTheServerReadsWithoutASafeDefaultIsProvided() {
        Map<String, Setting> read = ServerSettings.read(PROJECT);
        assertTrue(read.containsKey("DB_HOST") && read.containsKey("REDIS_URL") && read.containsKey("S3_ENDPOINT"),
                "the sources were not read: " + read.keySet());

        // A default that only fits a developer's machine must be listed, so that production sets it.
        for (Setting setting : read.values()) {
            String fallback = setting.defaultValue().orElse("");
            boolean local = fallback.contains("127.0.0.1") || fallback.contains("localhost") || fallback.contains(".local");
            boolean localPassword = setting.envName().endsWith("PASSWORD") && !fallback.isEmpty();
            assertTrue(!(local || localPassword) || PRODUCTION_VALUE_NEEDED.contains(setting.envName()),
                    setting.envName() + " (" + setting.source() + ") defaults to \"" + fallback
                            + "\", which only fits a local run: add it to PRODUCTION_VALUE_NEEDED and to the manifests");
        }
        // The lists name what is read, nothing else.
        for (String name : PRODUCTION_VALUE_NEEDED) {
            assertTrue(read.containsKey(name), name + " is listed but the server no longer reads it");
        }
        for (String name : LEFT_UNSET.keySet()) {
            assertTrue(read.containsKey(name), name + " is listed but the server no longer reads it");
        }

        Set<String> needed = new TreeSet<>(PRODUCTION_VALUE_NEEDED);
        needed.addAll(LIBERTY_CONTRACT.keySet());
        read.values().stream().filter(s -> s.defaultValue().isEmpty() && !LEFT_UNSET.containsKey(s.envName()))
                .forEach(s -> needed.add(s.envName()));

        for (Rendered rendered : renders) {
            Map<String, Optional<String>> environment = environment(rendered);
            Set<String> missing = new TreeSet<>(needed);
            missing.removeAll(environment.keySet());
            assertEquals(Set.of(), missing, rendered + ": settings the server needs in production but is not given");
            LIBERTY_CONTRACT.forEach((name, value) -> assertEquals(Optional.of(value), environment.get(name),
                    rendered + ": " + name));
            Set<String> leftUnsetButSet = new TreeSet<>(LEFT_UNSET.keySet());
            leftUnsetButSet.retainAll(environment.keySet());
            assertEquals(Set.of(), leftUnsetButSet, rendered + ": set although listed as left unset");
        }
    }

    @Test
    void everySecretAndConfigMapKeyReferencedExists() {
        List<External> declared = References.declared(Kustomize.single(DEPLOY.resolve("external.yaml")));
        String docs = read(PROJECT.resolve("docs/openshift.md"));
        for (External external : declared) {
            if (external.ownerKind().isEmpty()) {
                assertTrue(Pattern.compile("create secret generic " + Pattern.quote(external.name()) + "(\\s|$)",
                                Pattern.MULTILINE).matcher(docs).find(),
                        "docs/openshift.md does not say how to create " + external.kind() + " " + external.name());
            }
        }
        for (Rendered rendered : renders) {
            Map<String, Set<String>> keys = References.provided(rendered.objects());
            for (External external : declared) {
                String id = external.kind() + "/" + external.name();
                assertFalse(keys.containsKey(id), rendered + " renders " + id + ", which external.yaml says comes from elsewhere");
                keys.put(id, external.keys());
                external.ownerKind().ifPresent(kind -> rendered.get(kind, external.ownerName().orElseThrow()));
            }
            List<Reference> references = References.in(rendered.objects());
            assertTrue(references.size() > 10, rendered + ": too few references found, is the walk broken? " + references);
            Set<String> used = new TreeSet<>();
            for (Reference reference : references) {
                String id = reference.kind() + "/" + reference.name();
                used.add(id);
                assertTrue(keys.containsKey(id), rendered + ": " + reference.where() + " names " + id
                        + ", which is neither rendered nor declared in deploy/external.yaml");
                reference.key().ifPresent(key -> assertTrue(keys.get(id).contains(key),
                        rendered + ": " + reference.where() + " uses key " + key + " of " + id + ", which has " + keys.get(id)));
            }
            for (External external : declared) {
                assertTrue(used.contains(external.kind() + "/" + external.name()),
                        rendered + ": external.yaml declares " + external.name() + ", which nothing uses");
            }
        }
    }

    @Test
    void probesMetricsQueuesAndTheImageAgreeWithTheServerBrokerAsyncApiAndImageScript() {
        String serverXml = read(PROJECT.resolve("src/main/liberty/config/server.xml"));
        Map<String, Setting> settings = ServerSettings.read(PROJECT);
        int httpPort = Integer.parseInt(settings.get("HTTP_PORT").defaultValue().orElseThrow());
        assertTrue(serverXml.contains("<feature>mpHealth-"), "server.xml has no mpHealth feature");
        assertTrue(serverXml.contains("<feature>mpMetrics-"), "server.xml has no mpMetrics feature");

        Map<String, String> brokerXml = BrokerSettings.fromXml(PROJECT.resolve("ci/artemis/broker.xml"));
        Map<String, String> jmsDestinations = jmsDestinations(read(PROJECT.resolve("src/main/liberty/config/messaging.xml")));
        Map<String, String> asyncApi = asyncApiChannels();
        String imageName = imageName();

        for (Rendered rendered : renders) {
            JsonNode app = rendered.only("OpenLibertyApplication").path("spec");
            Map<String, String> probes = Map.of("startup", "/health/started", "readiness", "/health/ready",
                    "liveness", "/health/live");
            probes.forEach((probe, path) -> {
                JsonNode httpGet = app.path("probes").path(probe).path("httpGet");
                assertEquals(path, httpGet.path("path").asText(), rendered + ": " + probe + " probe path");
                assertEquals(httpPort, httpGet.path("port").asInt(), rendered + ": " + probe + " probe port (HTTP_PORT)");
                assertEquals("HTTP", httpGet.path("scheme").asText(), rendered + ": " + probe + " probe scheme (no TLS in the pod)");
            });
            assertEquals(httpPort, app.path("service").path("port").asInt(), rendered + ": service port (HTTP_PORT)");
            JsonNode endpoint = app.path("monitoring").path("endpoints").path(0);
            assertEquals("/metrics", endpoint.path("path").asText(), rendered + ": ServiceMonitor path");
            assertEquals("edge", app.path("route").path("termination").asText(), rendered + ": Route termination");
            assertEquals("Redirect", app.path("route").path("insecureEdgeTerminationPolicy").asText(), rendered + ": Route");
            assertFalse(app.path("manageTLS").asBoolean(true), rendered + ": manageTLS would re-encrypt to a port the image does not open");

            // The broker has every destination messaging.xml and the AsyncAPI document name, and is configured as
            // broker.xml is, whole.
            JsonNode broker = rendered.only("ActiveMQArtemis");
            Map<String, String> resource = BrokerSettings.fromResource(broker);
            Map<String, String> addresses = BrokerSettings.addresses(resource);
            jmsDestinations.forEach((address, routing) -> {
                assertEquals(routing, addresses.get(address), rendered + ": messaging.xml's destination " + address);
                if (routing.equals("ANYCAST")) {
                    assertEquals("ANYCAST", resource.get("addressConfigurations/" + address + "/queueConfigs/" + address + "/routingType"),
                            rendered + ": the queue " + address + " that messaging.xml names");
                }
            });
            asyncApi.forEach((address, routing) -> assertEquals(routing, addresses.get(address),
                    rendered + ": AsyncAPI channel " + address));
            List<String> differences = BrokerSettings.differences(brokerXml, resource);
            assertTrue(differences.isEmpty(), rendered + ": the ActiveMQArtemis resource and ci/artemis/broker.xml differ:\n  "
                    + String.join("\n  ", differences));

            // The application finds the broker, the database and Redis where the manifests put them.
            Map<String, Optional<String>> environment = environment(rendered);
            JsonNode acceptor = broker.path("spec").path("acceptors").path(0);
            assertEquals(Optional.of(acceptor.path("port").asText()), environment.get("ARTEMIS_PORT"), rendered + ": ARTEMIS_PORT");
            assertEquals(Optional.of(broker.path("metadata").path("name").asText() + "-" + acceptor.path("name").asText() + "-0-svc"),
                    environment.get("ARTEMIS_HOST"), rendered + ": ARTEMIS_HOST (the operator's Service for the acceptor)");
            String cluster = rendered.only("Cluster").path("metadata").path("name").asText();
            assertEquals(cluster + "-app", secretOf(app, "DB_HOST"), rendered + ": DB_HOST's Secret");
            URI redis = URI.create(value(environment, "REDIS_URL", rendered));
            JsonNode redisService = rendered.get("Service", redis.getHost());
            assertEquals(redis.getPort(), redisService.path("spec").path("ports").path(0).path("port").asInt(), rendered + ": REDIS_URL port");

            // Not XA (XA is there only to be measured against the outbox), so PostgreSQL must refuse prepared transactions.
            assertEquals("javax.sql.ConnectionPoolDataSource", effective(environment, settings, "DB_DATASOURCE_TYPE"),
                    rendered + ": an XA data source needs max_prepared_transactions > 0");
            assertEquals("outbox", effective(environment, settings, "EMPORIUM_MESSAGING_DELIVERY"),
                    rendered + ": messages go through the outbox");
            assertEquals("0", rendered.only("Cluster").path("spec").path("postgresql").path("parameters")
                    .path("max_prepared_transactions").asText(), rendered + ": max_prepared_transactions");

            // The image.
            String image = app.path("applicationImage").asText();
            String lastSegment = image.substring(image.lastIndexOf('/') + 1);
            assertEquals(imageName, lastSegment.replaceAll("[:@].*", ""), rendered + ": applicationImage " + image);
        }
    }

    @Test
    void podsFollowTheImageContractAndShutDownAndScaleWithinTheirLimits() {
        JsonNode gracePatch = Kustomize.single(DEPLOY.resolve("post-apply/deployment-grace-period.yaml"));
        long grace = gracePatch.path("spec").path("template").path("spec").path("terminationGracePeriodSeconds").asLong();
        for (Rendered rendered : renders) {
            JsonNode app = rendered.only("OpenLibertyApplication").path("spec");
            Map<String, Optional<String>> environment = environment(rendered);

            Duration delay = Duration.parse(value(environment, "EMPORIUM_SHUTDOWN_DELAY", rendered));
            assertTrue(grace >= delay.plus(LIBERTY_QUIESCE).plusSeconds(10).toSeconds(), rendered
                    + ": a grace period of " + grace + " s leaves no margin after the delay " + delay + " and Liberty's quiesce");

            JsonNode security = app.path("securityContext");
            assertTrue(security.path("runAsNonRoot").asBoolean(), rendered + ": runAsNonRoot");
            assertTrue(security.path("readOnlyRootFilesystem").asBoolean(), rendered + ": readOnlyRootFilesystem");
            assertFalse(security.path("allowPrivilegeEscalation").asBoolean(true), rendered + ": allowPrivilegeEscalation");
            assertFalse(security.has("runAsUser"), rendered + ": restricted-v2 assigns the UID; none may be fixed");
            assertEquals("ALL", security.path("capabilities").path("drop").path(0).asText(), rendered + ": capabilities");
            assertEquals("RuntimeDefault", security.path("seccompProfile").path("type").asText(), rendered + ": seccomp");

            Map<String, String> mounts = new TreeMap<>();
            app.path("volumeMounts").forEach(m -> mounts.put(m.path("mountPath").asText(), m.path("name").asText()));
            Set<String> emptyDirs = new TreeSet<>();
            app.path("volumes").forEach(v -> {
                if (v.has("emptyDir")) {
                    emptyDirs.add(v.path("name").asText());
                }
            });
            Set<String> writable = new TreeSet<>();
            mounts.forEach((path, volume) -> {
                if (emptyDirs.contains(volume)) {
                    writable.add(path);
                }
            });
            assertEquals(Set.of("/logs", "/opt/ol/wlp/output", "/tmp"), writable, rendered + ": the writable places");
            for (String variable : List.of("EMPORIUM_JWT_PRIVATE_KEY_FILE", "MP_JWT_VERIFY_PUBLICKEY_LOCATION")) {
                Path file = Path.of(value(environment, variable, rendered));
                String volume = mounts.get(file.getParent().toString());
                assertEquals("jwt", volume, rendered + ": " + variable + " is not in the mounted key Secret");
            }

            // Every replica the autoscaler may start holds a full pool; PostgreSQL must have the connections.
            int maxReplicas = app.path("autoscaling").path("maxReplicas").asInt();
            int surge = app.path("deployment").path("updateStrategy").path("rollingUpdate").path("maxSurge").asInt();
            assertTrue(app.path("autoscaling").path("minReplicas").asInt() >= 2, rendered + ": fewer than two replicas");
            assertEquals(0, app.path("deployment").path("updateStrategy").path("rollingUpdate").path("maxUnavailable").asInt(),
                    rendered + ": maxUnavailable");
            int pool = Integer.parseInt(value(environment, "DB_POOL_MAX", rendered));
            int maxConnections = rendered.only("Cluster").path("spec").path("postgresql").path("parameters")
                    .path("max_connections").asInt();
            int reserved = 20; // superuser, replication, the operator's checks, a psql or two
            assertTrue((maxReplicas + surge) * pool + reserved <= maxConnections, rendered + ": " + (maxReplicas + surge)
                    + " pods × " + pool + " connections + " + reserved + " exceed max_connections " + maxConnections);

            JsonNode budget = rendered.only("PodDisruptionBudget").path("spec");
            assertEquals(1, budget.path("minAvailable").asInt(), rendered + ": PodDisruptionBudget");
            assertEquals(rendered.only("OpenLibertyApplication").path("metadata").path("name").asText(),
                    budget.path("selector").path("matchLabels").path("app.kubernetes.io/instance").asText(),
                    rendered + ": the PodDisruptionBudget selects the application's pods");
        }
    }

    // ---------------------------------------------------------------------------------------------------------------

    private static List<Path> overlays() {
        try (Stream<Path> dirs = Files.list(OVERLAYS)) {
            return dirs.filter(d -> Files.exists(d.resolve("kustomization.yaml"))).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The application's environment: its env entries, then the keys of the ConfigMaps it takes whole. */
    private static Map<String, Optional<String>> environment(Rendered rendered) {
        JsonNode app = rendered.only("OpenLibertyApplication").path("spec");
        Map<String, Optional<String>> environment = new LinkedHashMap<>();
        for (JsonNode from : app.path("envFrom")) {
            if (from.has("configMapRef")) {
                JsonNode map = rendered.get("ConfigMap", from.path("configMapRef").path("name").asText());
                map.path("data").fields().forEachRemaining(e -> environment.put(e.getKey(), Optional.of(e.getValue().asText())));
            }
        }
        for (JsonNode variable : app.path("env")) {
            environment.put(variable.path("name").asText(),
                    variable.has("value") ? Optional.of(variable.path("value").asText()) : Optional.empty());
        }
        return environment;
    }

    /** A variable the environment must hold with a value (not from a Secret). */
    private static String value(Map<String, Optional<String>> environment, String name, Rendered rendered) {
        Optional<String> value = environment.get(name);
        assertTrue(value != null && value.isPresent(), rendered + ": " + name + " has no value in the application's environment");
        return value.get();
    }

    /** What the server runs with: the manifest's value, or the setting's default when the manifest sets none. */
    private static String effective(Map<String, Optional<String>> environment, Map<String, Setting> settings, String name) {
        return environment.getOrDefault(name, Optional.empty()).orElse(settings.get(name).defaultValue().orElseThrow());
    }

    private static String secretOf(JsonNode app, String variable) {
        for (JsonNode entry : app.path("env")) {
            if (entry.path("name").asText().equals(variable)) {
                return entry.path("valueFrom").path("secretKeyRef").path("name").asText();
            }
        }
        throw new AssertionError(variable + " is not in the application's env");
    }

    /** messaging.xml's jmsQueue and jmsTopic addresses: queues are ANYCAST, topics MULTICAST. */
    private static Map<String, String> jmsDestinations(String serverXml) {
        Map<String, String> destinations = new TreeMap<>();
        Matcher m = Pattern.compile("<(jmsQueue|jmsTopic)\\b[^>]*>\\s*<properties\\.artemis\\s+Address=\"([^\"]+)\"").matcher(serverXml);
        while (m.find()) {
            destinations.put(m.group(2), m.group(1).equals("jmsQueue") ? "ANYCAST" : "MULTICAST");
        }
        assertTrue(destinations.size() >= 5, "messaging.xml's destinations were not found: " + destinations);
        return destinations;
    }

    /** The AsyncAPI channels' addresses, with the routing type their summary states. */
    private static Map<String, String> asyncApiChannels() {
        Map<String, String> channels = new TreeMap<>();
        try (Stream<Path> files = Files.list(PROJECT.resolve("docs/asyncapi"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                Kustomize.single(file).path("channels").forEach(channel -> {
                    String summary = channel.path("summary").asText().toLowerCase();
                    String routing = summary.contains("multicast") ? "MULTICAST" : summary.contains("anycast") ? "ANYCAST" : null;
                    assertTrue(routing != null, file + ": channel " + channel.path("address").asText()
                            + " does not say whether it is anycast or multicast");
                    channels.put(channel.path("address").asText(), routing);
                });
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertFalse(channels.isEmpty(), "no AsyncAPI channels in docs/asyncapi");
        return channels;
    }

    /** IMAGE_NAME from ci/image.sh; "emporium" (the contract's name) if the script does not exist yet. */
    private static String imageName() {
        Path script = PROJECT.resolve("ci/image.sh");
        if (!Files.exists(script)) {
            System.out.println("ManifestsTest: ci/image.sh does not exist; checking the image name against \"emporium\"");
            return "emporium";
        }
        Matcher m = Pattern.compile("(?m)^\\s*(?:readonly\\s+|export\\s+)?IMAGE_NAME=\"?\\$?\\{?(?:IMAGE_NAME:-)?([A-Za-z0-9._/-]+)")
                .matcher(read(script));
        assertTrue(m.find(), "ci/image.sh has no IMAGE_NAME=... line");
        return m.group(1);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
