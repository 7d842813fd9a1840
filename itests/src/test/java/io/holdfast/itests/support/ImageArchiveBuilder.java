package io.holdfast.itests.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes an image archive in {@code docker save}'s format, as Docker 20.10 does: {@code manifest.json},
 * {@code <config hex>.json} per image and {@code <n>/layer.tar} per layer; layers are tars of directories the test
 * fills (a file named {@code .wh.NAME} is a whiteout, as in Docker's layers). Uses {@code tar}.
 */
public final class ImageArchiveBuilder {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path work;
    private final Path archiveDir;
    private final List<Map<String, Object>> manifest = new ArrayList<>();
    private int layers;

    public ImageArchiveBuilder(Path work) throws IOException {
        this.work = work;
        this.archiveDir = Files.createDirectories(work.resolve("archive"));
    }

    /** A layer from {@code dir}'s contents; returns its name in the archive. */
    public String layer(Path dir) throws IOException, InterruptedException {
        String name = "layer" + (++layers) + "/layer.tar";
        Path tar = Files.createDirectories(archiveDir.resolve("layer" + layers)).resolve("layer.tar");
        Process p = new ProcessBuilder("tar", "--numeric-owner", "-C", dir.toString(), "-cf", tar.toString(), ".")
                .inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IOException("tar of " + dir + " failed");
        }
        return name;
    }

    /**
     * An image of {@code layerNames} (lowest first) with Docker's container config {@code config}; returns its id.
     */
    public String image(String tag, List<String> layerNames, Map<String, Object> config) throws Exception {
        List<String> diffIds = new ArrayList<>();
        for (String layer : layerNames) {
            diffIds.add("sha256:" + sha256(Files.readAllBytes(archiveDir.resolve(layer))));
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("architecture", "amd64");
        document.put("os", "linux");
        document.put("created", "2024-05-06T07:08:09Z");
        document.put("config", config);
        document.put("rootfs", Map.of("type", "layers", "diff_ids", diffIds));
        document.put("history", layerNames.stream().map(l -> Map.of("created", "2024-05-06T07:08:09Z",
                "created_by", "test " + l)).toList());
        byte[] bytes = JSON.writeValueAsBytes(document);
        String hex = sha256(bytes);
        Files.write(archiveDir.resolve(hex + ".json"), bytes);
        manifest.add(Map.of("Config", hex + ".json", "RepoTags", List.of(tag), "Layers", layerNames));
        return "sha256:" + hex;
    }

    /** The archive's directory, to tamper with before {@link #write}. */
    public Path dir() {
        return archiveDir;
    }

    /** Writes the archive as {@code name} and returns it. */
    public Path write(String name) throws Exception {
        Files.write(archiveDir.resolve("manifest.json"), JSON.writeValueAsBytes(manifest));
        Path tar = work.resolve(name);
        Process p = new ProcessBuilder("tar", "-C", archiveDir.toString(), "-cf", tar.toString(), ".").inheritIO()
                .start();
        if (p.waitFor() != 0) {
            throw new IOException("tar of the archive failed");
        }
        return tar;
    }

    public static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
