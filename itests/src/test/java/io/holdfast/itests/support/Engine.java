package io.holdfast.itests.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One holdfastd process from the assembled distribution, on its own data root, exec root and socket under a
 * unique temporary directory, so tests never meet each other or a failed earlier run. {@link #close} leaves nothing:
 * no engine, no monitor, no container, no cgroup, no directory.
 */
public final class Engine implements AutoCloseable {
    public static final Path HOME = Path.of(System.getProperty("holdfast.home", "../distribution/target/holdfast"))
            .toAbsolutePath().normalize();

    private static final int NICE = Integer.getInteger("holdfast.it.engineNice", 0);
    private static final long START_TIMEOUT_SECONDS = 300; // generous: the slow mode runs engines niced under a CPU hog

    /** Engines not yet closed: a JVM ended by a signal (an interrupted benchmark or test run) still cleans up. */
    private static final java.util.Set<Engine> OPEN = java.util.concurrent.ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            for (Engine engine : OPEN) {
                try {
                    engine.close();
                } catch (Exception e) {
                    System.err.println("cannot clean up " + engine.root + ": " + e);
                }
            }
        }, "holdfast-test-cleanup"));
    }

    private final Path root;
    private final Path log;
    private final Path config;
    private Path home = HOME;
    private List<String> wrapper = List.of();
    /**
     * Pids of every holdfastd this engine ran: what such a process leaves in the temporary directory when it is killed
     * (a command's output files; a previous release's framework cache) is removed at close.
     */
    private final List<Long> launched = new java.util.concurrent.CopyOnWriteArrayList<>();
    private Process process;
    private final Map<String, String> environment = new java.util.concurrent.ConcurrentHashMap<>();

    public Engine() throws IOException {
        this(Map.of());
    }

    /**
     * An engine whose daemon.json holds {@code settings} plus a bridge of its own (unique name and subnet), so
     * engines never share host links and a failed run's leftovers never clash with the next.
     */
    public Engine(Map<String, Object> settings) throws IOException {
        this.root = Files.createTempDirectory("hf-it-");
        OPEN.add(this);
        this.log = root.resolve("engine.log");
        this.config = root.resolve("daemon.json");
        Map<String, Object> json = new LinkedHashMap<>();
        int subnet = 1 + Math.floorMod(root.getFileName().toString().hashCode(), 250);
        json.put("bridge", "hf" + Integer.toHexString(root.getFileName().toString().hashCode() & 0xfffffff));
        json.put("bip", "10.213." + subnet + ".1/24");
        // user-defined networks take /28s of a /24 of the engine's own (a network in use on the host is skipped)
        json.put("default-address-pools", List.of(Map.of("base", "10.214." + subnet + ".0/24", "size", 28)));
        json.putAll(settings);
        new ObjectMapper().writeValue(config.toFile(), json);
    }

    /**
     * Runs holdfastd, from the next start on, under {@code command} (a program that execs the rest of its command
     * line, such as {@code env --ignore-signal=HUP}), as an operator's wrapper would.
     */
    public void runUnder(String... command) {
        this.wrapper = List.of(command);
    }

    /** Runs this engine from another distribution tree (a copy a test changed), from the next start on. */
    public void useDistribution(Path distribution) {
        this.home = distribution;
    }

    /**
     * Runs this engine, from the next start on, from a copy of the distribution under its root, whose
     * {@code deploy/} and {@code bundle/} are the caller's to change; returns the copy.
     */
    public Path useOwnDistribution() throws IOException, InterruptedException {
        Path copy = root.resolve("dist");
        Process cp = new ProcessBuilder("cp", "-a", HOME.toString(), copy.toString()).inheritIO().start();
        if (cp.waitFor() != 0) {
            throw new IOException("cannot copy " + HOME + " to " + copy);
        }
        useDistribution(copy);
        return copy;
    }

    /** Sets an environment variable of holdfastd from its next start on ({@code DOCKER_CONFIG}). */
    public void environment(String name, String value) {
        environment.put(name, value);
    }

    /** The distribution tree the engine runs from at its next start. */
    public Path distribution() {
        return home;
    }

    public Path configFile() {
        return config;
    }

    /** Sets {@code settings} in daemon.json and keeps its other keys, as an operator edits it before a reload. */
    public void configure(Map<String, Object> settings) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode edited = (ObjectNode) json.readTree(config.toFile());
        settings.forEach((key, value) -> edited.set(key, json.valueToTree(value)));
        Files.writeString(config, json.writeValueAsString(edited));
    }

    /** Removes {@code keys} from daemon.json, as an operator's file written for an older release lacks them. */
    public void unconfigure(String... keys) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode edited = (ObjectNode) json.readTree(config.toFile());
        edited.remove(List.of(keys));
        Files.writeString(config, json.writeValueAsString(edited));
    }

    public String bridge() throws IOException {
        return new ObjectMapper().readTree(config.toFile()).path("bridge").asText();
    }

    private Path execRoot;

    public Path root() {
        return root;
    }

    public Path dataRoot() {
        return root.resolve("data");
    }

    public Path execRoot() {
        return execRoot != null ? execRoot : root.resolve("run");
    }

    /** Runs the engine with another exec-root, under this engine's root, from the next start on. */
    public Path useExecRoot(String name) {
        execRoot = root.resolve(name);
        return execRoot;
    }

    public String host() {
        return "unix://" + root.resolve("hf.sock");
    }

    /** Starts holdfastd without waiting for it; see {@link #start()}. */
    public void begin() throws IOException {
        process = launch(List.of("--config", config.toString()));
    }

    /** Starts holdfastd and waits until its API answers from restored state. */
    public Engine start() throws Exception {
        begin();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_TIMEOUT_SECONDS);
        while (!Api.of(this).ready()) {
            if (!process.isAlive()) {
                throw new IllegalStateException("holdfastd exited with " + process.exitValue() + ":\n" + log());
            }
            if (System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new IllegalStateException("holdfastd did not answer within " + START_TIMEOUT_SECONDS + " s:\n"
                        + log());
            }
            Thread.sleep(20);
        }
        return this;
    }

    /**
     * Runs holdfastd with {@code args} (besides the roots and socket) without waiting for it; with the system property
     * {@code holdfast.it.engineNice} under {@code nice -n <that>}, as the slow mode ({@code scripts/test-slow.sh})
     * runs it.
     */
    public Process launch(List<String> args) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command(args)).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("HOLDFAST_HOME", home.toString());
        // registry credentials: never this machine user's ~/.docker/config.json, only what a test gives
        builder.environment().put("DOCKER_CONFIG", root.resolve("docker-config").toString());
        builder.environment().putAll(environment);
        Process started = builder.start();
        ran(started.pid());
        return started;
    }

    /** Counts {@code pid} as a holdfastd of this engine's, for one another process started (a socket holder). */
    public void ran(long pid) {
        launched.add(pid);
    }

    /**
     * The holdfastd command line {@link #launch} runs (with its roots, socket, {@code args}, and {@code nice} in slow
     * mode), for a test that runs it under another process, as a socket-activating holder does; such a process
     * must set {@code HOLDFAST_HOME} to {@link #distribution()} or leave the script to find it.
     */
    public List<String> command(List<String> args) {
        List<String> argv = new ArrayList<>();
        if (NICE != 0) {
            argv.addAll(List.of("nice", "-n", Integer.toString(NICE)));
        }
        argv.addAll(wrapper);
        argv.addAll(List.of(home.resolve("bin/holdfastd").toString(),
                "--data-root", dataRoot().toString(), "--exec-root", execRoot().toString(), "-H", host()));
        argv.addAll(args);
        return argv;
    }

    public long pid() {
        return process.pid();
    }

    /** SIGKILL: the JVM gets no chance to do anything. */
    public void kill9() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM; returns the engine's exit code. */
    public int terminate(Duration timeout) throws Exception {
        process.destroy();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("holdfastd did not exit within " + timeout + " of SIGTERM:\n" + log());
        }
        return process.exitValue();
    }

    public String log() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return "(cannot read " + log + ")";
        }
    }

    public Cli cli() {
        return new Cli(host());
    }

    public Api api() {
        return Api.of(this);
    }

    /** The pids of this engine's container monitors (conmon), sorted. */
    public List<Long> monitorPids() throws IOException, InterruptedException {
        Process ps = new ProcessBuilder("pgrep", "-f", "conmon.*" + execRoot()).start();
        List<Long> pids = new ArrayList<>();
        for (String line : new String(ps.getInputStream().readAllBytes()).split("\n")) {
            if (!line.isBlank()) {
                pids.add(Long.parseLong(line.trim()));
            }
        }
        ps.waitFor();
        pids.sort(Long::compare);
        return pids;
    }

    @Override
    public void close() throws Exception {
        OPEN.remove(this);
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
        HostCleanup.removeEverythingUnder(root, bridge());
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        for (long pid : launched) {
            // the output files of a command the kill interrupted before they lost their names
            try (var leftovers = Files.newDirectoryStream(tmp,
                    io.holdfast.common.process.Command.outputPrefix(pid) + "*")) {
                for (Path leftover : leftovers) {
                    Files.deleteIfExists(leftover);
                }
            }
            // the previous release (UpgradeTest) kept its framework cache there
            io.holdfast.common.io.Directories.deleteTree(tmp.resolve("holdfast-felix-" + pid));
        }
    }
}
