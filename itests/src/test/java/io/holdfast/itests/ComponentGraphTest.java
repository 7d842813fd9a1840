package io.holdfast.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.holdfast.itests.support.Engine;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The Declarative Services components of the distribution's bundles, as their jars declare them, form no cycle through
 * their references. Two components that reference each other's services make the service registry leave one binding
 * for later; with the bundles starting on two threads, a start was seen that never became ready (its restore waited for
 * a shim that was registered and never bound).
 */
class ComponentGraphTest {

    @Test
    void noComponentReachesItselfThroughTheServicesItReferences() throws Exception {
        List<DeclaredComponent> components = declaredComponents(Engine.HOME.resolve("bundle"));
        assertTrue(components.stream().anyMatch(c -> c.name().endsWith(".Supervisor")),
                "the supervisor's component is among " + components.size() + " declared");

        List<List<String>> cycles = cycles(components);

        assertEquals(List.of(), cycles, "components that reach themselves (component -[interface]-> provider ...)");
    }

    @Test
    void aCycleIsFoundAndNamed() {
        List<DeclaredComponent> components = List.of(
                new DeclaredComponent("a.Shim", Set.of("x.Monitor"), Set.of("x.Listener")),
                new DeclaredComponent("a.Supervisor", Set.of("x.Listener"), Set.of("x.Monitor", "x.Config")),
                new DeclaredComponent("a.Config", Set.of("x.Config"), Set.of()));

        assertEquals(List.of(List.of("a.Shim", "x.Listener", "a.Supervisor", "x.Monitor", "a.Shim")),
                cycles(components));
    }

    /** A component: the interfaces it provides, and those of its references. */
    record DeclaredComponent(String name, Set<String> provides, Set<String> references) {
    }

    /** Each elementary cycle once, starting from its alphabetically first component. */
    static List<List<String>> cycles(List<DeclaredComponent> components) {
        Map<String, DeclaredComponent> byName = new TreeMap<>();
        components.forEach(c -> byName.put(c.name(), c));
        List<List<String>> found = new ArrayList<>();
        for (String start : byName.keySet()) {
            walk(start, start, new ArrayList<>(List.of(start)), byName, found);
        }
        return found;
    }

    private static void walk(String start, String at, List<String> path, Map<String, DeclaredComponent> byName,
            List<List<String>> found) {
        for (String service : byName.get(at).references()) {
            for (DeclaredComponent provider : byName.values()) {
                if (!provider.provides().contains(service)) {
                    continue;
                }
                List<String> next = new ArrayList<>(path);
                next.add(service);
                next.add(provider.name());
                if (provider.name().equals(start)) {
                    found.add(next);
                } else if (provider.name().compareTo(start) > 0 && !path.contains(provider.name())) {
                    walk(start, provider.name(), next, byName, found);
                }
            }
        }
    }

    private static List<DeclaredComponent> declaredComponents(Path bundleDir) throws Exception {
        List<DeclaredComponent> all = new ArrayList<>();
        try (Stream<Path> jars = Files.list(bundleDir)) {
            for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                all.addAll(declaredIn(jar));
            }
        }
        return all;
    }

    private static List<DeclaredComponent> declaredIn(Path jar) throws Exception {
        List<DeclaredComponent> found = new ArrayList<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            String header = file.getManifest().getMainAttributes().getValue("Service-Component");
            if (header == null) {
                return found;
            }
            for (String entry : header.split(",")) {
                var xml = file.getJarEntry(entry.trim());
                if (xml == null) {
                    throw new IOException(jar + ": Service-Component names " + entry.trim() + ", which it lacks");
                }
                try (InputStream in = file.getInputStream(xml)) {
                    found.addAll(parse(in));
                }
            }
        }
        return found;
    }

    private static List<DeclaredComponent> parse(InputStream xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document document = factory.newDocumentBuilder().parse(xml);
        List<DeclaredComponent> found = new ArrayList<>();
        NodeList components = document.getElementsByTagNameNS("*", "component");
        for (int i = 0; i < components.getLength(); i++) {
            Element component = (Element) components.item(i);
            found.add(new DeclaredComponent(component.getAttribute("name"),
                    attributes(component, "provide", "interface"), attributes(component, "reference", "interface")));
        }
        return found;
    }

    private static Set<String> attributes(Element parent, String tag, String attribute) {
        Set<String> values = new LinkedHashSet<>();
        NodeList elements = parent.getElementsByTagName(tag);
        for (int i = 0; i < elements.getLength(); i++) {
            values.add(((Element) elements.item(i)).getAttribute(attribute));
        }
        return values;
    }
}
