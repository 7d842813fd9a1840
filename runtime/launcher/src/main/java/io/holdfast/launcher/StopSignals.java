package io.holdfast.launcher;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * SIGTERM and SIGINT as an orderly stop rather than the JVM's default exit with 128 + signal. SIGHUP, which the JVM
 * would also treat as "exit", is dockerd's reload signal: it reloads the engine in place.
 */
final class StopSignals {
    private StopSignals() {
    }

    static void handle(Runnable stop, Runnable reload) {
        for (String name : new String[] {"TERM", "INT"}) {
            warnIfIgnored(name, Signal.handle(new Signal(name),
                    signal -> new Thread(stop, "holdfast-stop-" + name).start()), "stop the engine");
        }
        warnIfIgnored("HUP", Signal.handle(new Signal("HUP"),
                signal -> new Thread(reload, "holdfast-reload-HUP").start()), "reload it");
    }

    /**
     * The JVM leaves a signal that was ignored when it started (nohup's SIGHUP) ignored, without an error, and says
     * so only through the handler it returns; {@code bin/holdfastd} resets them, a bare {@code java} run may not.
     */
    private static void warnIfIgnored(String name, SignalHandler previous, String purpose) {
        if (previous == SignalHandler.SIG_IGN) {
            System.err.println("holdfastd: WARNING: SIG" + name + " was ignored when this process started (nohup?) and"
                    + " stays ignored: it cannot " + purpose + ". Start holdfastd through bin/holdfastd, which resets it"
                    + (name.equals("HUP") ? "; `holdfast system reload` reloads meanwhile." : "."));
        }
    }
}
