package io.holdfast.itests.crash;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.holdfast.itests.crash.CrashJournal.Kind;
import io.holdfast.itests.support.Api;
import io.holdfast.itests.support.Engine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What must hold after every restart from a kill point, read from the engine's API and from the host itself: every
 * monitor accounted for, no record lost or duplicated, no container running twice, no mount, veth, netns, cgroup
 * or runtime container leaked, every {@code --rm} container that exited gone. Returns each violation as a sentence.
 */
final class CrashInvariants {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Engine engine;
    private final Api api;
    private final CrashJournal journal;

    CrashInvariants(Engine engine, CrashJournal journal) {
        this.engine = engine;
        this.api = engine.api();
        this.journal = journal;
    }

    /** Whether nothing is still on its way to a stable state: no restart pending, no short-lived container running. */
    boolean settled() throws IOException {
        for (JsonNode c : containers()) {
            Kind kind = journal.created.get(c.path("Id").asText());
            String state = c.path("State").asText();
            if (state.equals("restarting") || (state.equals("running") && kind != Kind.LONG)) {
                return false;
            }
        }
        return true;
    }

    List<String> violations() throws Exception {
        List<String> found = new ArrayList<>();
        JsonNode report = api.request("GET", "/restore/report").json();
        report.path("Containers").forEach(e -> {
            if (e.path("Outcome").asText().equals("lost") || e.path("Outcome").asText().equals("needs-attention")) {
                found.add("restore: " + e.path("Id").asText() + " " + e.path("Outcome").asText() + ": "
                        + e.path("Detail").asText());
            }
        });
        report.path("Orphans").forEach(o -> found.add("restore: orphan " + o));

        List<JsonNode> containers = containers();
        Set<String> ids = new HashSet<>();
        Set<String> names = new HashSet<>();
        Set<String> running = new HashSet<>();
        Set<String> attached = new HashSet<>();
        for (JsonNode c : containers) {
            String id = c.path("Id").asText();
            journal.seen.add(id);
            if (!ids.add(id)) {
                found.add("record duplicated: " + id);
            }
            c.path("Names").forEach(n -> {
                if (!names.add(n.asText())) {
                    found.add("name used twice: " + n.asText());
                }
            });
            if (c.path("State").asText().equals("running")) {
                running.add(id);
            }
            JsonNode inspect = api.inspect(id);
            if (inspect.path("HostConfig").path("AutoRemove").asBoolean()
                    && inspect.path("State").path("Status").asText().equals("exited")) {
                found.add("--rm container exited but not removed: " + id + " " + inspect.path("State"));
            }
            String network = inspect.path("HostConfig").path("NetworkMode").asText();
            if (network.equals("bridge") || network.equals("default")) {
                attached.add(id);
            }
        }
        for (String id : journal.mustExist()) {
            if (!ids.contains(id)) {
                found.add("record lost: " + id + " (" + journal.created.get(id) + ")");
            }
        }
        checkMonitors(running, found);
        checkRuntimes(ids, found);
        checkMounts(ids, found);
        checkNetwork(ids, attached, found);
        checkCgroups(running, found);
        checkImages(found);
        return found;
    }

    /** Each running container has exactly one monitor, and no monitor holds anything else. */
    private void checkMonitors(Set<String> running, List<String> found) throws Exception {
        Map<String, Integer> monitors = new HashMap<>();
        for (long pid : engine.monitorPids()) {
            String monitored = monitoredId(pid);
            if (monitored != null) {
                monitors.merge(monitored, 1, Integer::sum);
            }
        }
        monitors.forEach((id, count) -> {
            if (count > 1) {
                found.add("container running twice: " + count + " monitors hold " + id);
            }
            if (!running.contains(id)) {
                found.add("monitor of " + id + " unaccounted for: the engine does not list it as running");
            }
        });
        for (String id : running) {
            if (!monitors.containsKey(id)) {
                found.add("running container without a monitor: " + id);
            }
        }
    }

    private static String monitoredId(long pid) {
        try {
            String[] argv = new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")))
                    .split("\0");
            for (int i = 0; i + 1 < argv.length; i++) {
                if (argv[i].equals("-u")) {
                    return argv[i + 1];
                }
            }
        } catch (IOException gone) {
            // ended meanwhile
        }
        return null;
    }

    /** Every container a runtime knows is one the engine knows. */
    private void checkRuntimes(Set<String> ids, List<String> found) throws Exception {
        Path runtimes = engine.execRoot().resolve("runtime");
        if (!Files.isDirectory(runtimes)) {
            return;
        }
        try (Stream<Path> roots = Files.list(runtimes)) {
            for (Path root : roots.toList()) {
                String binary = root.getFileName().toString().equals("crun") ? "crun" : "runc";
                for (String id : run(binary, "--root", root.toString(), "list", "-q").lines()
                        .filter(l -> !l.isBlank()).toList()) {
                    if (!ids.contains(id)) {
                        found.add(binary + " still holds a container no record knows: " + id);
                    }
                }
            }
        }
    }

    /** Every mount under the data root belongs to a container that exists. */
    private void checkMounts(Set<String> ids, List<String> found) throws IOException {
        Path storage = engine.dataRoot().resolve("storage");
        for (String line : Files.readAllLines(Path.of("/proc/self/mountinfo"))) {
            Path point = Path.of(line.split(" ")[4]);
            if (point.startsWith(storage) && point.getNameCount() > storage.getNameCount() + 1) {
                String id = point.getName(storage.getNameCount() + 1).toString();
                if (!ids.contains(id)) {
                    found.add("mount leaked: " + point);
                }
            }
        }
    }

    /** The bridge has one port per attached container; no namespace is left of a container that is gone. */
    private void checkNetwork(Set<String> ids, Set<String> attached, List<String> found) throws Exception {
        JsonNode ports = JSON.readTree(run("ip", "-j", "link", "show", "master", engine.bridge()));
        if (ports.size() != attached.size()) {
            found.add("bridge " + engine.bridge() + " has " + ports.size() + " ports for " + attached.size()
                    + " attached containers: veth leaked or missing");
        }
        for (String id : journal.seen) {
            if (!ids.contains(id) && Files.exists(Path.of("/run/netns", "holdfast-" + id.substring(0, 12)))) {
                found.add("netns leaked: holdfast-" + id.substring(0, 12));
            }
        }
    }

    /** No cgroup is left of a container that does not run (runc names them {@code holdfast-<id>}). */
    private void checkCgroups(Set<String> running, List<String> found) throws IOException {
        List<Path> hierarchies = new ArrayList<>(List.of(Path.of("/sys/fs/cgroup")));
        try (Stream<Path> controllers = Files.list(Path.of("/sys/fs/cgroup"))) {
            controllers.filter(Files::isDirectory).forEach(hierarchies::add);
        }
        for (String id : journal.seen) {
            if (running.contains(id)) {
                continue;
            }
            for (Path hierarchy : hierarchies) {
                if (Files.isDirectory(hierarchy.resolve("holdfast-" + id))) {
                    found.add("cgroup leaked: " + hierarchy.resolve("holdfast-" + id));
                }
            }
        }
    }

    /** Every acknowledged import is there, each reference once. */
    private void checkImages(List<String> found) throws IOException {
        Set<String> tags = new HashSet<>();
        for (JsonNode image : api.request("GET", "/images/json").json()) {
            image.path("RepoTags").forEach(t -> {
                if (!tags.add(t.asText())) {
                    found.add("image reference listed twice: " + t.asText());
                }
            });
        }
        for (String ref : journal.imported) {
            if (!tags.contains(ref)) {
                found.add("image lost: " + ref);
            }
        }
    }

    private List<JsonNode> containers() throws IOException {
        List<JsonNode> list = new ArrayList<>();
        api.request("GET", "/containers/json?all=1").json().forEach(list::add);
        return list;
    }

    private static String run(String... argv) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(argv).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        return out;
    }
}
