package io.holdfast.itests.support;

import java.nio.file.Path;
import java.time.Duration;

/**
 * One bundle swapped by dropping its jar into {@code deploy/} and asking for a reload. The engine's own deploy/
 * watcher starts the same reload by itself a moment after the jar arrives, so on a slow machine it may come first and
 * the request finds nothing left to do; either way exactly one reload swaps the bundle and logs it, and that log line
 * is what this waits for.
 *
 * <pre>{@code
 * DeployedSwap.of(engine, "io.holdfast.supervisor").swapIn(jar, dist, "supervisor.jar", api);
 * }</pre>
 */
public final class DeployedSwap {
    private static final Duration SWAPPED = Duration.ofSeconds(60);

    private final Engine engine;
    private final String symbolicName;

    private DeployedSwap(Engine engine, String symbolicName) {
        this.engine = engine;
        this.symbolicName = symbolicName;
    }

    public static DeployedSwap of(Engine engine, String symbolicName) {
        return new DeployedSwap(engine, symbolicName);
    }

    /** Deploys {@code jar} as {@code deploy/<name>}, asks for a reload and waits until one has swapped the bundle. */
    public Api.Response swapIn(Path jar, Path distribution, String name, Api api) throws Exception {
        int before = swapsLogged();
        BundleJars.deploy(jar, distribution, name);
        Api.Response reload = api.request("POST", "/system/reload");
        if (reload.status() != 200) {
            throw new AssertionError("reload: " + reload.status() + " " + reload.body());
        }
        Await.until(symbolicName + " swapped by this reload or, first, by the deploy/ watcher", SWAPPED,
                () -> reload.body().contains(symbolicName) || swapsLogged() > before);
        return reload;
    }

    private int swapsLogged() {
        return engine.log().split("update " + java.util.regex.Pattern.quote(symbolicName) + " ", -1).length - 1;
    }
}
