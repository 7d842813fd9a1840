package io.holdfast.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aQute.bnd.differ.Baseline;
import aQute.bnd.differ.Baseline.Info;
import aQute.bnd.differ.DiffPluginImpl;
import aQute.bnd.osgi.Builder;
import aQute.bnd.osgi.Constants;
import aQute.bnd.osgi.Instructions;
import aQute.bnd.osgi.Jar;
import aQute.bnd.osgi.Processor;
import aQute.bnd.service.diff.Delta;
import aQute.bnd.version.Version;
import io.holdfast.spi.storage.StorageDriver;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * The build baselines this bundle against the previous release (bnd-baseline-maven-plugin, see the parent pom) and
 * fails on a package whose shape changed without a matching {@code @Version}. This runs the plugin's engine, bnd's
 * {@link Baseline}, the way the plugin does, on a deliberately changed copy of the SPI: {@link StorageDriver}, which
 * plugins implement, gains a method.
 */
class SpiBaselineTest {
    private static final Path SOURCES = Path.of("src/main/java");
    private static final String STORAGE = "io/holdfast/spi/storage/";
    private static final Pattern VERSION = Pattern.compile("@Version\\(\"([^\"]+)\"\\)");

    @TempDir
    static Path temp;
    /** The SPI as built, standing in for the previous release. */
    private static Path released;

    @BeforeAll
    static void bundleTheSpiAsBuilt() throws Exception {
        released = bundle(classes(), "released.jar");
    }

    @Test
    void everySpiPackageIsExportedAndMatchesItself() throws Exception {
        Map<String, Info> infos = baseline(released, released);

        assertEquals(packagesWithPackageInfo(), infos.keySet(), "every package with a package-info is baselined");
        infos.values().forEach(info -> assertFalse(info.mismatch, info.packageName));
    }

    @Test
    void aMethodAddedToAConsumerTypeWithoutAVersionBumpFailsTheBaseline() throws Exception {
        Path changed = bundle(compiledOver(classes(), "changed", storageDriverWithAnotherMethod()), "changed.jar");

        Info storage = baseline(changed, released).get("io.holdfast.spi.storage");

        assertTrue(storage.mismatch, "an unbumped change is a baseline failure");
        assertEquals(Delta.MAJOR, storage.packageDiff.getDelta(), "implementations of a @ConsumerType break");
        assertEquals(nextMajor(storageVersion()), storage.suggestedVersion);
    }

    @Test
    void theSameChangeWithAMajorBumpPasses() throws Exception {
        Path bumped = bundle(compiledOver(classes(), "bumped", storageDriverWithAnotherMethod(),
                storagePackageInfoAt(nextMajor(storageVersion()))), "bumped.jar");

        Map<String, Info> infos = baseline(bumped, released);

        infos.values().forEach(info -> assertFalse(info.mismatch, info.packageName));
    }

    /** The SPI as bnd-maven-plugin bundles it: every exported package from the compiled classes. */
    private static Path bundle(Path classes, String name) throws Exception {
        Path jar = temp.resolve(name);
        try (Builder builder = new Builder()) {
            builder.setProperty(Constants.BUNDLE_SYMBOLICNAME, "io.holdfast.spi");
            builder.setProperty(Constants.INCLUDEPACKAGE, "io.holdfast.spi.*");
            builder.addClasspath(classes.toFile());
            builder.build().write(jar.toFile());
            assertTrue(builder.isOk(), () -> "bnd: " + builder.getErrors());
        }
        return jar;
    }

    /** What bnd-baseline-maven-plugin computes before it fails the build on any mismatch, by package. */
    private static Map<String, Info> baseline(Path newer, Path older) throws Exception {
        try (Processor processor = new Processor(); Jar newerJar = new Jar(newer.toFile());
             Jar olderJar = new Jar(older.toFile())) {
            return new Baseline(processor, new DiffPluginImpl()).baseline(newerJar, olderJar, new Instructions("*"))
                    .stream().collect(Collectors.toMap(info -> info.packageName, Function.identity()));
        }
    }

    /** A copy of {@code classes} with {@code sources} (path below src/main/java, text) compiled over it. */
    @SafeVarargs
    private static Path compiledOver(Path classes, String name, Map.Entry<String, String>... sources)
            throws Exception {
        Path copy = temp.resolve(name + "-classes");
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = copy.resolve(classes.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
        Path sourceDir = temp.resolve(name + "-sources");
        List<String> args = new ArrayList<>(List.of("-d", copy.toString(), "-proc:none", "-classpath",
                classes + File.pathSeparator + location(ConsumerType.class)));
        for (Map.Entry<String, String> source : sources) {
            Path file = sourceDir.resolve(source.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue());
            args.add(file.toString());
        }
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int exit = ToolProvider.getSystemJavaCompiler().run(null, null, new PrintStream(errors),
                args.toArray(String[]::new));
        assertEquals(0, exit, errors::toString);
        return copy;
    }

    /** StorageDriver with one more abstract method, declared before the default ones as ConsumerTypeMethodOrderTest demands. */
    private static Map.Entry<String, String> storageDriverWithAnotherMethod() throws IOException {
        String source = Files.readString(SOURCES.resolve(STORAGE + "StorageDriver.java"));
        int firstDefault = source.lastIndexOf("    /**", source.indexOf("    default "));
        return Map.entry(STORAGE + "StorageDriver.java",
                source.substring(0, firstDefault) + "    void prune();\n\n" + source.substring(firstDefault));
    }

    private static Map.Entry<String, String> storagePackageInfoAt(Version version) throws IOException {
        String source = Files.readString(SOURCES.resolve(STORAGE + "package-info.java"));
        return Map.entry(STORAGE + "package-info.java",
                VERSION.matcher(source).replaceFirst(Matcher.quoteReplacement("@Version(\"" + version + "\")")));
    }

    private static Version storageVersion() throws IOException {
        Matcher version = VERSION.matcher(Files.readString(SOURCES.resolve(STORAGE + "package-info.java")));
        assertTrue(version.find(), "storage's package-info has a @Version");
        return Version.parseVersion(version.group(1));
    }

    private static Version nextMajor(Version version) {
        return new Version(version.getMajor() + 1, 0, 0);
    }

    private static Set<String> packagesWithPackageInfo() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(file -> file.getFileName().toString().equals("package-info.java"))
                    .map(file -> SOURCES.relativize(file.getParent()).toString().replace(File.separatorChar, '.'))
                    .collect(Collectors.toSet());
        }
    }

    private static Path classes() throws URISyntaxException {
        return location(StorageDriver.class);
    }

    private static Path location(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}
