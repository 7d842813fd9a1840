package io.holdfast.itests.framework;

import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.cleanCaches;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.systemPackages;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.ops4j.pax.exam.Option;

/**
 * The Pax Exam options that run the distribution's bundle set in Felix as holdfastd does: every {@code bundle/} jar,
 * the engine's framework properties pointing at a root of the test's own, a bridge and /24 of its own, and the
 * launcher's system packages.
 */
final class EngineInFelix {
    static final Path HOME = Path.of(System.getProperty("holdfast.home", "../distribution/target/holdfast"))
            .toAbsolutePath().normalize();

    private EngineInFelix() {
    }

    /**
     * @param root       the test's directory (under target/, so a failed run leaves nothing outside the build)
     * @param bridge     a bridge name of the test's own, deleted after it
     * @param bipSecond  the second octet of the bridge's 10.x.y.1/24 address, one per test class
     */
    static Option[] options(Path root, String bridge, int bipSecond) throws IOException {
        List<Option> options = new ArrayList<>();
        try (Stream<Path> jars = Files.list(HOME.resolve("bundle"))) {
            jars.filter(p -> p.toString().endsWith(".jar")).sorted()
                    .forEach(jar -> options.add(bundle(jar.toUri().toString())));
        }
        Files.createDirectories(root);
        Path config = Files.writeString(root.resolve("daemon.json"), "{\"bridge\": \"" + bridge + "\", \"bip\": \"10."
                + bipSecond + "." + (ProcessHandle.current().pid() % 250 + 1) + ".1/24\"}");
        options.add(frameworkProperty("holdfast.config").value(config.toString()));
        options.add(frameworkProperty("holdfast.data-root").value(root.resolve("data").toString()));
        options.add(frameworkProperty("holdfast.exec-root").value(root.resolve("run").toString()));
        options.add(frameworkProperty("holdfast.hosts").value("unix://" + root.resolve("hf.sock")));
        options.add(frameworkProperty("gosh.args").value("--nointeractive"));
        options.add(systemPackages("org.slf4j;version=2.0.17", "org.slf4j.spi;version=2.0.17",
                "org.slf4j.event;version=2.0.17", "org.slf4j.helpers;version=2.0.17"));
        options.add(junitBundles());
        options.add(cleanCaches());
        return options.toArray(new Option[0]);
    }
}
