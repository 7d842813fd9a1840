package io.holdfast.spi.config;

import io.holdfast.spi.monitor.OciRuntime;
import java.util.List;
import java.util.Map;

/**
 * The engine's own configuration (the core keys) after daemon.json and the command line were merged and validated.
 * Registered as a service by the config bundle; every value here has been checked, so readers need not check again.
 * Keys a plugin owns are not here: the plugin declares them ({@link ConfigKeys}) and receives them
 * ({@link ComponentConfig}).
 *
 * @param source          the daemon.json it came from, or {@code null} when the defaults were used
 * @param liveRestore     containers keep running while the engine is down ({@code live-restore})
 * @param dataRoot        persistent state: containers, images, storage ({@code data-root})
 * @param execRoot        runtime state that a reboot clears: monitors, runtime roots ({@code exec-root})
 * @param hosts           API endpoints, e.g. {@code unix:///run/holdfast.sock} ({@code hosts})
 * @param defaultRuntime  the runtime containers use unless they name another ({@code default-runtime})
 * @param runtimes        every runtime by name ({@code runtimes}), including the built-in runc and crun
 * @param storageDriver   the storage driver new containers use ({@code storage-driver})
 * @param debug           verbose engine log ({@code debug})
 * @param shutdownTimeoutSeconds how long a stop waits before SIGKILL when live restore is off ({@code shutdown-timeout})
 * @param logDriver       the format container monitors write their logs in; always {@code k8s-file} ({@code log-driver})
 * @param logSizeMax      the most bytes a container's monitor writes to its log before it starts the file afresh,
 *                        from {@code log-opts} {@code max-size}; {@code 0} means unbounded
 */
public record DaemonConfig(String source, boolean liveRestore, String dataRoot, String execRoot, List<String> hosts,
                           String defaultRuntime, Map<String, OciRuntime> runtimes, String storageDriver,
                           boolean debug, int shutdownTimeoutSeconds, String logDriver, long logSizeMax) {

    public DaemonConfig {
        hosts = List.copyOf(hosts);
        runtimes = Map.copyOf(runtimes);
    }

    /** The runtime called {@code name}, or the default one for {@code null}. */
    public OciRuntime runtime(String name) {
        OciRuntime runtime = runtimes.get(name == null ? defaultRuntime : name);
        if (runtime == null) {
            throw new IllegalArgumentException("unknown runtime \"" + name + "\"; configured: "
                    + String.join(", ", new java.util.TreeSet<>(runtimes.keySet())));
        }
        return runtime;
    }
}
