package io.holdfast.spi.config;

import io.holdfast.spi.monitor.OciRuntime;
import java.util.List;
import java.util.Map;

/**
 * The daemon's configuration after daemon.json and the command line were merged and validated. Registered as a
 * service by the config bundle; every value here has been checked, so readers need not check again.
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
 * @param bridge          the Linux bridge the bridge network uses ({@code bridge})
 * @param bip             the bridge's address and prefix, e.g. {@code 172.30.0.1/16}: gateway and subnet ({@code bip})
 * @param mtu             the MTU of the bridge and the containers' interfaces ({@code mtu})
 */
public record DaemonConfig(String source, boolean liveRestore, String dataRoot, String execRoot, List<String> hosts,
                           String defaultRuntime, Map<String, OciRuntime> runtimes, String storageDriver,
                           boolean debug, int shutdownTimeoutSeconds, String bridge, String bip, int mtu) {

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
