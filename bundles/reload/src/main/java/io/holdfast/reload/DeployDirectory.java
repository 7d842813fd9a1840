package io.holdfast.reload;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * Reads the bundle jars in {@code deploy/}; anything else there is reported, never half-applied. A directory or jar
 * that is not root's alone ({@link DeployTrust}) is refused with the reason: nothing in an untrusted directory is
 * read at all.
 */
final class DeployDirectory {
    private final Path dir;

    DeployDirectory(Path dir) {
        this.dir = dir;
    }

    /**
     * @param jars    every readable bundle jar, by file name
     * @param refused a sentence for each jar that is not a bundle, cannot be read or is not trusted
     * @param held    the bundles (symbolic names) of untrusted jars: a reload leaves what they run as it is, rather
     *                than take the refused jar for a withdrawn one
     * @param heldAll the directory itself is not trusted: a reload leaves every bundle as it is
     */
    record Scan(List<DeployedJar> jars, List<String> refused, Set<String> held, boolean heldAll) {
        Scan(List<DeployedJar> jars, List<String> refused) {
            this(jars, refused, Set.of(), false);
        }

        boolean holds(String symbolicName) {
            return heldAll || held.contains(symbolicName);
        }
    }

    Path dir() {
        return dir;
    }

    Scan scan() throws IOException {
        List<DeployedJar> jars = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        Set<String> held = new HashSet<>();
        if (!Files.isDirectory(dir)) {
            return new Scan(jars, refused);
        }
        Optional<String> untrustedDir = DeployTrust.untrusted(dir);
        if (untrustedDir.isPresent()) {
            refused.add("deploy/ (" + dir + "): " + untrustedDir.get() + "; no jar in it is applied");
            return new Scan(jars, refused, Set.of(), true);
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().toList()) {
                try {
                    Optional<String> untrusted = DeployTrust.untrusted(file);
                    if (untrusted.isPresent()) {
                        refused.add("deploy/" + file.getFileName() + ": " + untrusted.get() + "; not applied");
                        held.add(read(file).symbolicName()); // only its manifest is read; nothing of it runs
                        continue;
                    }
                    jars.add(read(file));
                } catch (IOException e) {
                    refused.add("deploy/" + file.getFileName() + ": " + e.getMessage());
                }
            }
        }
        return new Scan(jars, refused, held, false);
    }

    /** What the files in deploy/ look like now (names, sizes, times): a cheap way to notice a change. */
    String fingerprint() throws IOException {
        if (!Files.isDirectory(dir)) {
            return "";
        }
        StringBuilder fingerprint = new StringBuilder();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().toList()) {
                fingerprint.append(file.getFileName()).append(' ').append(Files.size(file)).append(' ')
                        .append(Files.getLastModifiedTime(file).toMillis()).append('\n');
            }
        }
        return fingerprint.toString();
    }

    static DeployedJar read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        Manifest manifest;
        try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(bytes))) {
            manifest = in.getManifest();
        }
        if (manifest == null) {
            throw new IOException("not a jar with a manifest");
        }
        Attributes main = manifest.getMainAttributes();
        String name = main.getValue("Bundle-SymbolicName");
        if (name == null) {
            throw new IOException("not an OSGi bundle (no Bundle-SymbolicName)");
        }
        String version = main.getValue("Bundle-Version");
        return new DeployedJar(file, name.split(";")[0].trim(), version == null ? "0.0.0" : version.trim(),
                digest(bytes), bytes);
    }

    static String digest(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
