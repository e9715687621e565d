package dev.emporium.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The broker's configuration as one flat map, "addressSettings/#/maxDeliveryAttempts" → "5", read either from
 * ci/artemis/broker.xml or from an ActiveMQArtemis resource (its brokerProperties and deployment plan), so that the
 * two can be compared whole. Keys follow the broker-properties names (Artemis's configuration bean properties).
 */
final class BrokerSettings {

    /** Elements of broker.xml's core that the operator decides on OpenShift (paths, the broker's name). */
    private static final Set<String> OPERATOR_OWNED = Set.of("name", "paging-directory", "bindings-directory",
            "journal-directory", "large-messages-directory");
    /** Elements read on their own below. */
    private static final Set<String> STRUCTURED = Set.of("acceptors", "security-settings", "address-settings",
            "addresses", "diverts");
    /** Where the XML element's name does not become the property's name by dropping the dashes. */
    private static final Map<String, String> RENAMED = Map.of(
            "redelivery-delay-multiplier", "redeliveryMultiplier",
            "address-full-policy", "addressFullMessagePolicy");
    private static final Pattern BYTES = Pattern.compile("(\\d+)\\s*([KMG])B?", Pattern.CASE_INSENSITIVE);

    private BrokerSettings() {
    }

    /** broker.xml as properties. */
    static Map<String, String> fromXml(Path brokerXml) {
        Map<String, String> settings = new TreeMap<>();
        Element core = coreOf(brokerXml);
        for (Element element : children(core)) {
            String name = element.getLocalName();
            if (OPERATOR_OWNED.contains(name) || STRUCTURED.contains(name)) {
                continue;
            }
            put(settings, "core/" + property(name), element.getTextContent());
        }
        for (Element acceptor : children(child(core, "acceptors"))) {
            String uri = acceptor.getTextContent().trim();
            String query = URI.create(uri).getRawQuery();
            Matcher protocols = Pattern.compile("(?:^|;)protocols=([^;]+)").matcher(query == null ? "" : query);
            settings.put("acceptor/" + acceptor.getAttribute("name") + "/protocols",
                    protocols.find() ? sortedList(protocols.group(1)) : "ALL");
        }
        for (Element setting : children(child(core, "security-settings"))) {
            String match = setting.getAttribute("match");
            for (Element permission : children(setting)) {
                for (String role : permission.getAttribute("roles").split(",")) {
                    settings.put("securityRoles/" + match + "/" + role.trim() + "/" + permission.getAttribute("type"), "true");
                }
            }
        }
        for (Element setting : children(child(core, "address-settings"))) {
            for (Element value : children(setting)) {
                put(settings, "addressSettings/" + setting.getAttribute("match") + "/" + property(value.getLocalName()),
                        value.getTextContent());
            }
        }
        for (Element address : children(child(core, "addresses"))) {
            String name = address.getAttribute("name");
            Set<String> routingTypes = new TreeSet<>();
            for (Element routing : children(address)) {
                String type = routing.getLocalName().toUpperCase(Locale.ROOT);
                routingTypes.add(type);
                for (Element queue : children(routing)) {
                    String prefix = "addressConfigurations/" + name + "/queueConfigs/" + queue.getAttribute("name") + "/";
                    settings.put(prefix + "routingType", type);
                    settings.put(prefix + "address", name);
                    for (Element detail : children(queue)) {
                        put(settings, prefix + property(detail.getLocalName()), detail.getTextContent());
                    }
                }
            }
            settings.put("addressConfigurations/" + name + "/routingTypes", String.join(",", routingTypes));
        }
        for (Element divert : children(child(core, "diverts"))) {
            for (Element detail : children(divert)) {
                put(settings, "divertConfigurations/" + divert.getAttribute("name") + "/" + property(detail.getLocalName()),
                        detail.getTextContent());
            }
        }
        return settings;
    }

    /** An ActiveMQArtemis resource as properties: its brokerProperties, persistence, journal type and acceptors. */
    static Map<String, String> fromResource(JsonNode broker) {
        Map<String, String> settings = new TreeMap<>();
        JsonNode spec = broker.path("spec");
        JsonNode plan = spec.path("deploymentPlan");
        if (plan.has("persistenceEnabled")) {
            put(settings, "core/persistenceEnabled", plan.path("persistenceEnabled").asText());
        }
        if (plan.has("journalType")) {
            put(settings, "core/journalType", plan.path("journalType").asText().toUpperCase(Locale.ROOT));
        }
        for (JsonNode acceptor : spec.path("acceptors")) {
            settings.put("acceptor/" + acceptor.path("name").asText() + "/protocols",
                    acceptor.has("protocols") ? sortedList(acceptor.path("protocols").asText()) : "ALL");
        }
        for (JsonNode line : spec.path("brokerProperties")) {
            String text = line.asText();
            int equals = text.indexOf('=');
            if (equals < 0) {
                throw new AssertionError("broker property without '=': " + text);
            }
            List<String> key = segments(text.substring(0, equals));
            String joined = String.join("/", key);
            put(settings, key.size() == 1 ? "core/" + joined : joined, text.substring(equals + 1));
        }
        return settings;
    }

    /** The addresses a settings map declares, with their routing types. */
    static Map<String, String> addresses(Map<String, String> settings) {
        Map<String, String> addresses = new TreeMap<>();
        settings.forEach((key, value) -> {
            String[] parts = key.split("/");
            if (parts.length == 3 && parts[0].equals("addressConfigurations") && parts[2].equals("routingTypes")) {
                addresses.put(parts[1], value);
            }
        });
        return addresses;
    }

    /** What one map has and the other has not, or has otherwise, one line each. */
    static List<String> differences(Map<String, String> xml, Map<String, String> resource) {
        List<String> differences = new ArrayList<>();
        Set<String> keys = new TreeSet<>(xml.keySet());
        keys.addAll(resource.keySet());
        for (String key : keys) {
            String inXml = xml.get(key);
            String inResource = resource.get(key);
            if (inXml == null) {
                differences.add(key + ": " + inResource + " in the resource, not in broker.xml");
            } else if (inResource == null) {
                differences.add(key + ": " + inXml + " in broker.xml, not in the resource");
            } else if (!inXml.equals(inResource)) {
                differences.add(key + ": " + inXml + " in broker.xml, " + inResource + " in the resource");
            }
        }
        return differences;
    }

    /** "a.\"b.c\".d" → [a, b.c, d]: dots split, quotes keep a name with dots whole. */
    static List<String> segments(String key) {
        List<String> segments = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (char c : key.trim().toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '.' && !quoted) {
                segments.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        segments.add(current.toString());
        return segments;
    }

    private static void put(Map<String, String> settings, String key, String value) {
        String previous = settings.put(key, normalise(key, value.trim()));
        if (previous != null) {
            throw new AssertionError("set twice: " + key);
        }
    }

    /** Numbers compare as numbers (2 = 2.0), sizes in bytes (10M = 10485760). */
    private static String normalise(String key, String value) {
        Matcher bytes = BYTES.matcher(value);
        if ((key.endsWith("Bytes") || key.endsWith("Size")) && bytes.matches()) {
            long unit = switch (Character.toUpperCase(bytes.group(2).charAt(0))) {
                case 'K' -> 1024L;
                case 'M' -> 1024L * 1024;
                default -> 1024L * 1024 * 1024;
            };
            return Long.toString(Long.parseLong(bytes.group(1)) * unit);
        }
        if (value.matches("-?\\d+(\\.\\d+)?")) {
            return new BigDecimal(value).stripTrailingZeros().toPlainString();
        }
        return value;
    }

    private static String property(String element) {
        String renamed = RENAMED.get(element);
        if (renamed != null) {
            return renamed;
        }
        StringBuilder camel = new StringBuilder();
        boolean upper = false;
        for (char c : element.toCharArray()) {
            if (c == '-') {
                upper = true;
            } else {
                camel.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return camel.toString();
    }

    private static String sortedList(String commaSeparated) {
        Set<String> sorted = new TreeSet<>();
        for (String item : commaSeparated.split(",")) {
            sorted.add(item.trim().toUpperCase(Locale.ROOT));
        }
        return String.join(",", sorted);
    }

    private static Element coreOf(Path brokerXml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Element configuration = factory.newDocumentBuilder().parse(brokerXml.toFile()).getDocumentElement();
            return child(configuration, "core");
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + brokerXml + ": " + e.getMessage(), e);
        }
    }

    private static Element child(Element parent, String name) {
        for (Element element : children(parent)) {
            if (element.getLocalName().equals(name)) {
                return element;
            }
        }
        throw new AssertionError("no <" + name + "> in <" + parent.getLocalName() + ">");
    }

    private static List<Element> children(Element parent) {
        List<Element> elements = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                elements.add(element);
            }
        }
        return elements;
    }
}
