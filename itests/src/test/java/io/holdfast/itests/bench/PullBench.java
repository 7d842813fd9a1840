package io.holdfast.itests.bench;

import io.holdfast.itests.support.Api;
import io.holdfast.itests.support.Engine;
import io.holdfast.itests.support.ImageArchiveBuilder;
import io.holdfast.itests.support.LocalRegistry;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Scenario: pull of a 100 MB, 5-layer image (20 MB of random bytes each, so gzip would not shrink it) from the
 * local registry ({@code docker-registry} on 127.0.0.1) into an engine, through the API, each repetition after the
 * image and its blobs were removed. Figures: time and peak engine RSS ({@code VmHWM}, reset before each pull), next
 * to two floors measured in the same run: reading the registry's own blob files with {@code cat > /dev/null} (its
 * disk read; nothing is dropped from the page cache, so this is the warm-cache read the registry itself does) and
 * fetching the five blobs from the registry with {@code curl -o /dev/null} (the registry and HTTP on loopback,
 * with no verification and nothing written).
 */
final class PullBench {
    private static final int LAYERS = 5;
    private static final int LAYER_BYTES = 20_000_000;

    private PullBench() {
    }

    static List<Figure> run(int repetitions) throws Exception {
        try (Engine seeder = new Engine()) {
            seeder.start();
            Path work = Files.createDirectories(seeder.root().resolve("bench-pull"));
            List<String> digests = seed(seeder, work);
            try (LocalRegistry registry = LocalRegistry.start(work.resolve("registry"))) {
                String repo = registry.host() + "/bench/pull";
                seeder.cli().ok("image", "tag", "bench-pull:1", repo + ":1");
                seeder.cli().ok("push", repo + ":1");
                return measure(registry, repo, digests, repetitions);
            }
        }
    }

    /** Builds and loads the image into {@code seeder}; returns its layer digests (plain tars: their diff ids). */
    private static List<String> seed(Engine seeder, Path work) throws Exception {
        ImageArchiveBuilder archive = new ImageArchiveBuilder(work);
        Random random = new Random(100);
        byte[] bytes = new byte[LAYER_BYTES];
        List<String> layers = new ArrayList<>();
        List<String> digests = new ArrayList<>();
        for (int i = 0; i < LAYERS; i++) {
            Path dir = Files.createDirectories(work.resolve("layer-" + i));
            random.nextBytes(bytes);
            Files.write(dir.resolve("data-" + i + ".bin"), bytes);
            String layer = archive.layer(dir);
            layers.add(layer);
            digests.add("sha256:" + ImageArchiveBuilder.sha256(Files.readAllBytes(archive.dir().resolve(layer))));
            Files.delete(dir.resolve("data-" + i + ".bin"));
        }
        archive.image("bench-pull:1", layers, Map.of("Cmd", List.of("true")));
        seeder.cli().ok("load", "-i", archive.write("bench-pull.tar").toString());
        return digests;
    }

    private static List<Figure> measure(LocalRegistry registry, String repo, List<String> digests, int repetitions)
            throws Exception {
        List<Double> pulls = new ArrayList<>();
        List<Double> peaks = new ArrayList<>();
        List<Double> cats = new ArrayList<>();
        List<Double> curls = new ArrayList<>();
        double idleRss;
        long bytes = 0;
        for (String digest : digests) {
            bytes += Files.size(registry.blobData(digest));
        }
        try (Engine engine = new Engine()) {
            engine.start();
            Api api = Api.of(engine);
            idleRss = ProcStats.rssKiB(engine.pid()) / 1024.0;
            String create = "/images/create?fromImage=" + URLEncoder.encode(repo, StandardCharsets.UTF_8) + "&tag=1";
            for (int r = 0; r < repetitions; r++) {
                ProcStats.resetPeakRss(engine.pid());
                long t0 = System.nanoTime();
                Api.Response pulled = api.request("POST", create);
                pulls.add((System.nanoTime() - t0) / 1e6);
                peaks.add(ProcStats.peakRssKiB(engine.pid()) / 1024.0);
                if (pulled.status() != 200 || !pulled.body().contains("Downloaded newer image")
                        || pulled.body().contains("Already exists")) { // every layer must have been downloaded
                    throw new IllegalStateException("the pull failed: " + pulled.status() + " " + pulled.body());
                }
                Api.Response removed = api.request("DELETE", "/images/" + repo + ":1?force=1");
                if (removed.status() != 200) {
                    throw new IllegalStateException("cannot remove the pulled image: " + removed.body());
                }
                cats.add(timed(catCommand(registry, digests)));
                curls.add(timed(curlCommand(registry, digests)));
            }
        }
        Stats pull = Stats.of(pulls);
        Stats peak = Stats.of(peaks);
        Stats cat = Stats.of(cats);
        Stats curl = Stats.of(curls);
        String scenario = String.format("pull, %d layers, %.0f MB, local registry", digests.size(), bytes / 1e6);
        return List.of(
                new Figure(scenario, "pull through the API, to the image registered", pull.median(), "ms",
                        pull.spread() + String.format("; %.0f MB/s", bytes / 1e6 / (pull.median() / 1e3))),
                new Figure(scenario, "engine peak RSS during the pull (VmHWM)", peak.max(), "MiB",
                        String.format("idle before: %.0f MiB; n=%d, min %.0f", idleRss, peak.sorted().size(),
                                peak.min())),
                new Figure(scenario, "floor: cat of the registry's blob files > /dev/null (page cache warm)",
                        cat.median(), "ms", cat.spread() + String.format("; pull is %.1fx this",
                                pull.median() / cat.median())),
                new Figure(scenario, "reference: curl of the 5 blobs from the registry > /dev/null", curl.median(),
                        "ms", curl.spread() + String.format("; pull is %.1fx this", pull.median() / curl.median())));
    }

    private static List<String> catCommand(LocalRegistry registry, List<String> digests) {
        List<String> argv = new ArrayList<>(List.of("cat"));
        digests.forEach(d -> argv.add(registry.blobData(d).toString()));
        return argv;
    }

    private static List<String> curlCommand(LocalRegistry registry, List<String> digests) {
        List<String> argv = new ArrayList<>(List.of("curl", "-sSf"));
        for (String digest : digests) {
            argv.addAll(List.of("-o", "/dev/null", "http://" + registry.host() + "/v2/bench/pull/blobs/" + digest));
        }
        return argv;
    }

    /** Milliseconds {@code argv} took, its output discarded; fails if it fails. */
    private static double timed(List<String> argv) throws Exception {
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(argv).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", argv) + " failed");
        }
        return (System.nanoTime() - t0) / 1e6;
    }
}
