package io.holdfast.supervisor.oci;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.holdfast.spi.container.ExecSpec;
import io.holdfast.spi.container.SecurityOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The OCI {@code process} an exec runs, as Docker builds it: the container's own process (its user, capabilities,
 * rlimits, {@code noNewPrivileges}) with the exec's command, its environment laid over the container's, its working
 * directory and user when given, and every capability when privileged.
 *
 * <pre>{@code
 * ObjectNode process = ExecProcess.build(ExecProcess.containerProcess(bundleDir), spec, user, allCapabilities);
 * }</pre>
 */
public final class ExecProcess {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ExecProcess() {
    }

    /** The {@code process} of the container's {@code config.json}. */
    public static ObjectNode containerProcess(Path bundleDir) throws IOException {
        JsonNode config = JSON.readTree(bundleDir.resolve("config.json").toFile());
        JsonNode process = config.path("process");
        if (!process.isObject()) {
            throw new IOException(bundleDir.resolve("config.json") + " has no process");
        }
        return ((ObjectNode) process).deepCopy();
    }

    /**
     * @param base            the container's process
     * @param user            the exec's user, resolved, or {@code null} to keep the container's
     * @param allCapabilities what a privileged exec gets
     */
    public static ObjectNode build(ObjectNode base, ExecSpec spec, ResolvedUser user,
                                   List<String> allCapabilities) {
        ObjectNode process = base.deepCopy();
        process.put("terminal", spec.tty());
        process.remove("consoleSize");
        ArrayNode args = process.putArray("args");
        spec.cmd().forEach(args::add);
        ArrayNode env = process.putArray("env");
        List<String> baseEnv = new ArrayList<>(strings(base.path("env")));
        if (spec.tty() && baseEnv.stream().noneMatch(e -> e.startsWith("TERM="))) {
            baseEnv.add("TERM=xterm"); // as Docker does for an exec with a terminal
        }
        replaceOrAppend(baseEnv, spec.env()).forEach(env::add);
        if (!spec.workingDir().isEmpty()) {
            process.put("cwd", spec.workingDir());
        } else if (!process.hasNonNull("cwd")) {
            process.put("cwd", "/");
        }
        if (user != null) {
            ObjectNode node = process.putObject("user");
            node.put("uid", user.uid());
            node.put("gid", user.gid());
            if (!user.additionalGids().isEmpty()) {
                ArrayNode gids = node.putArray("additionalGids");
                user.additionalGids().forEach(gids::add);
            }
        }
        if (spec.privileged()) {
            ObjectNode caps = process.putObject("capabilities");
            for (String set : List.of("bounding", "effective", "permitted")) {
                ArrayNode list = caps.putArray(set);
                allCapabilities.forEach(list::add);
            }
        }
        return process;
    }

    /**
     * Docker's {@code ReplaceOrAppendEnvValues}: {@code K=V} replaces the container's {@code K} or is appended;
     * a bare {@code K} removes it.
     */
    static List<String> replaceOrAppend(List<String> defaults, List<String> overrides) {
        Map<String, String> merged = new LinkedHashMap<>();
        for (String entry : defaults) {
            merged.put(key(entry), entry);
        }
        for (String entry : overrides) {
            if (entry.indexOf('=') < 0) {
                merged.remove(entry);
            } else {
                merged.put(key(entry), entry);
            }
        }
        return new ArrayList<>(merged.values());
    }

    private static String key(String entry) {
        int eq = entry.indexOf('=');
        return eq < 0 ? entry : entry.substring(0, eq);
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    /** Serialises a process for the runtime's {@code exec --process}. */
    public static byte[] bytes(ObjectNode process) throws IOException {
        return JSON.writeValueAsBytes(process);
    }

    /** Every capability the running kernel knows ({@code /proc/sys/kernel/cap_last_cap}), as a privileged exec gets. */
    public static List<String> allCapabilities() {
        List<String> names = SecurityOptions.KNOWN_CAPABILITIES;
        int last = names.size() - 1;
        try {
            last = Math.min(last, Integer.parseInt(Files.readString(Path.of("/proc/sys/kernel/cap_last_cap")).strip()));
        } catch (IOException | NumberFormatException e) {
            // older kernels lack the file: every name we know
        }
        return names.subList(0, last + 1);
    }
}
