package io.holdfast.launcher;

import sun.misc.Signal;

/**
 * SIGTERM and SIGINT as an orderly stop rather than the JVM's default exit with 128 + signal. SIGHUP, which the JVM
 * would also treat as "exit", is dockerd's reload signal: it reloads the engine in place.
 */
final class StopSignals {
    private StopSignals() {
    }

    static void handle(Runnable stop, Runnable reload) {
        for (String name : new String[] {"TERM", "INT"}) {
            Signal.handle(new Signal(name), signal -> new Thread(stop, "holdfast-stop-" + name).start());
        }
        Signal.handle(new Signal("HUP"), signal -> new Thread(reload, "holdfast-reload-HUP").start());
    }
}
