package io.holdfast.launcher;

import sun.misc.Signal;

/** SIGTERM and SIGINT as an orderly stop rather than the JVM's default exit with 128 + signal. */
final class StopSignals {
    private StopSignals() {
    }

    static void handle(Runnable stop) {
        for (String name : new String[] {"TERM", "INT"}) {
            Signal.handle(new Signal(name), signal -> new Thread(stop, "holdfast-stop-" + name).start());
        }
    }
}
