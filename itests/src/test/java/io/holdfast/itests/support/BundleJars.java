package io.holdfast.itests.support;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.Consumer;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * Builds other revisions of the distribution's bundles for reload tests: the same classes under another manifest
 * (a newer version, a requirement the framework cannot meet), and drops them into {@code deploy/} whole.
 */
public final class BundleJars {
    private BundleJars() {
    }

    /** The distribution's jar whose file name starts with {@code prefix}, e.g. {@code restore-}. */
    public static Path original(Path distribution, String prefix) throws IOException {
        try (Stream<Path> jars = Files.list(distribution.resolve("bundle"))) {
            return jars.filter(p -> p.getFileName().toString().startsWith(prefix)).findFirst()
                    .orElseThrow(() -> new IOException("no " + prefix + "*.jar in " + distribution));
        }
    }

    /** The jar's {@code Bundle-Version}. */
    public static String version(Path jar) throws IOException {
        try (JarInputStream in = new JarInputStream(Files.newInputStream(jar))) {
            return in.getManifest().getMainAttributes().getValue("Bundle-Version");
        }
    }

    /** A copy of {@code jar} at {@code target} whose main manifest attributes {@code edit} changed. */
    public static Path rewrite(Path jar, Path target, Consumer<Attributes> edit) throws IOException {
        try (JarInputStream in = new JarInputStream(Files.newInputStream(jar))) {
            Manifest manifest = new Manifest(in.getManifest());
            edit.accept(manifest.getMainAttributes());
            try (OutputStream file = Files.newOutputStream(target);
                 JarOutputStream out = new JarOutputStream(file, manifest)) {
                for (JarEntry entry; (entry = in.getNextJarEntry()) != null; ) {
                    out.putNextEntry(new JarEntry(entry.getName()));
                    in.transferTo(out);
                    out.closeEntry();
                }
            }
        }
        return target;
    }

    /** A copy of {@code jar} with another {@code Bundle-Version}. */
    public static Path withVersion(Path jar, Path target, String version) throws IOException {
        return rewrite(jar, target, main -> main.putValue("Bundle-Version", version));
    }

    /** Moves {@code jar} into {@code deploy/} under {@code name} in one step, as an operator should. */
    public static void deploy(Path jar, Path distribution, String name) throws IOException {
        Path deploy = distribution.resolve("deploy");
        Path staging = Files.copy(jar, deploy.resolve("." + name + ".part"), StandardCopyOption.REPLACE_EXISTING);
        Files.move(staging, deploy.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
