package io.holdfast.launcher;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The installed tree the launcher runs from: {@code bin/}, {@code lib/}, {@code bundle/} (the engine's bundles,
 * installed at every start) and {@code deploy/} (plugins, watched while the engine runs).
 *
 * @param home the distribution's root directory
 */
record Distribution(Path home) {

    Path bundles() {
        return home.resolve("bundle");
    }

    Path deploy() {
        return home.resolve("deploy");
    }

    /** {@code HOLDFAST_HOME}, or the directory above the {@code lib/launcher} this jar sits in. */
    static Distribution locate() throws URISyntaxException {
        String env = System.getenv("HOLDFAST_HOME");
        if (env != null && !env.isEmpty()) {
            return new Distribution(Path.of(env));
        }
        Path jar = Path.of(HoldfastDaemon.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path home = jar.getParent().getParent().getParent();
        if (!Files.isDirectory(home.resolve("bundle"))) {
            throw new IllegalStateException("cannot find the distribution's bundle/ directory above " + jar
                    + "; set HOLDFAST_HOME");
        }
        return new Distribution(home);
    }
}
