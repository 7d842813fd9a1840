package io.holdfast.launcher;

import sun.misc.Signal;

/**
 * SIGTERM and SIGINT as an orderly stop rather than the JVM's default exit with 128 + signal. SIGHUP, which the JVM
 * would also treat as "exit", is dockerd's reload signal: an operator sending it must not stop the engine, so it is
 * acknowledged and, until configuration reload exists, changes nothing.
 */
final class StopSignals {
    private StopSignals() {
    }

    static void handle(Runnable stop) {
        for (String name : new String[] {"TERM", "INT"}) {
            Signal.handle(new Signal(name), signal -> new Thread(stop, "holdfast-stop-" + name).start());
        }
        Signal.handle(new Signal("HUP"), signal -> System.err.println(
                "holdfastd: SIGHUP received; reloading the configuration is not supported yet, nothing was changed"));
    }
}
