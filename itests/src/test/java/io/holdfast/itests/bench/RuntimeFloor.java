package io.holdfast.itests.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.holdfast.itests.support.Api;
import io.holdfast.itests.support.Engine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The physical floor for starting a container here: conmon and runc run by hand, exactly as the shim runs them, on
 * a bundle made from the engine's own {@code config.json} and a copy of the image's root filesystem made before the
 * clock starts, with no engine in between. Everything lives under the engine's test root, so its clean-up removes it.
 */
final class RuntimeFloor {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Engine engine;

    RuntimeFloor(Engine engine) {
        this.engine = engine;
    }

    List<Double> measure(int count) throws Exception {
        Api api = Api.of(engine);
        String template = api.post("/containers/create", Map.of("Image", "busybox",
                "Cmd", List.of("sleep", "1000000"))).json().path("Id").asText();
        // a container's OCI bundle (config.json) is written when it starts: the floor's runs use its settings and
        // join its network namespace, so they pay for no network of their own
        api.request("POST", "/containers/" + template + "/start");
        JsonNode inspect = api.inspect(template);
        String rootfs = inspect.path("GraphDriver").path("Data").path("RootDir").asText();
        ObjectNode config = (ObjectNode) JSON.readTree(engine.dataRoot().resolve("containers").resolve(template)
                .resolve("config.json").toFile());

        Path base = Files.createDirectories(engine.root().resolve("floor"));
        Path runtimeRoot = engine.execRoot().resolve("runtime").resolve("runc-floor");
        Path sockets = Files.createDirectories(base.resolve("sock")); // conmon uses <dir>/<id>: not the bundle
        List<Double> samples = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = "floor" + i;
            Path bundle = Files.createDirectories(base.resolve(id));
            exec(bundle.resolve("cp.out"), List.of("cp", "-a", rootfs, bundle.resolve("rootfs").toString())); // not timed, as a driver's work
            ((ObjectNode) config.path("root")).put("path", bundle.resolve("rootfs").toString());
            ((ObjectNode) config.path("linux")).put("cgroupsPath", "/holdfast-" + engine.root().getFileName() + "-" + id);
            JSON.writeValue(bundle.resolve("config.json").toFile(), config);
            long t0 = System.nanoTime();
            exec(bundle.resolve("conmon.out"), List.of("conmon", "--api-version", "1", "-c", id, "-u", id, "-n", id, "-r", "/usr/sbin/runc",
                    "-b", bundle.toString(), "-p", bundle.resolve("pid").toString(),
                    "-P", bundle.resolve("conmon.pid").toString(), "-l", "k8s-file:" + bundle.resolve("log"),
                    "--exit-dir", bundle.toString(), "--socket-dir-path", sockets.toString(), "--log-level", "warn",
                    "--runtime-arg", "--root=" + runtimeRoot, "--runtime-arg", "--log=" + bundle.resolve("runc.log")));
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (!Files.exists(bundle.resolve("pid")) || Files.size(bundle.resolve("pid")) == 0) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("runc did not create " + id + ": "
                            + Files.readString(bundle.resolve("conmon.out")) + " "
                            + (Files.exists(bundle.resolve("runc.log")) ? Files.readString(bundle.resolve("runc.log")) : ""));
                }
                Thread.sleep(1);
            }
            exec(bundle.resolve("runc.out"), List.of("runc", "--root", runtimeRoot.toString(), "start", id));
            samples.add((System.nanoTime() - t0) / 1e6);
        }
        return samples;
    }

    /** Runs a helper with its output in a file, not a pipe: conmon's daemon would hold a pipe open forever. */
    private static void exec(Path output, List<String> argv) throws Exception {
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(output.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", argv) + " exited with " + p.exitValue() + ": "
                    + Files.readString(output));
        }
    }
}
