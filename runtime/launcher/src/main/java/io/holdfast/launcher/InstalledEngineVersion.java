package io.holdfast.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.osgi.framework.Version;

/**
 * The engine's version before any bundle runs: that of the supervisor bundle in {@code bundle/}, which is what the
 * API reports once it runs (its {@code SystemAnswers}). Read from the jars' manifests on first use, then kept.
 */
final class InstalledEngineVersion implements Supplier<String> {
    private static final String SUPERVISOR = "io.holdfast.supervisor";
    private final Supplier<Path> bundles;
    private volatile String version;

    /** @param bundles the distribution's {@code bundle/} directory, asked on first use */
    InstalledEngineVersion(Supplier<Path> bundles) {
        this.bundles = bundles;
    }

    @Override
    public String get() {
        String known = version;
        if (known == null) {
            known = read().map(Version::toString).orElse("unknown");
            version = known;
        }
        return known;
    }

    private Optional<Version> read() {
        try (Stream<Path> jars = Files.list(bundles.get())) {
            return jars.filter(p -> p.toString().endsWith(".jar")).map(InstalledEngineVersion::supervisorVersion)
                    .flatMap(Optional::stream).max(Comparator.naturalOrder());
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<Version> supervisorVersion(Path jar) {
        try (JarFile file = new JarFile(jar.toFile(), false)) {
            Attributes main = file.getManifest() == null ? null : file.getManifest().getMainAttributes();
            String name = main == null ? null : main.getValue("Bundle-SymbolicName");
            if (name == null || !name.split(";", 2)[0].trim().equals(SUPERVISOR)) {
                return Optional.empty();
            }
            return Optional.of(Version.parseVersion(main.getValue("Bundle-Version")));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
