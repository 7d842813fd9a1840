package io.holdfast.api;

import java.io.IOException;
import java.util.logging.Logger;

/**
 * Tells systemd ({@code Type=notify}) that the engine is ready: the restore has run and the API accepts. Java cannot
 * send the Unix datagram itself, so it runs {@code systemd-notify --ready --pid=<engine>}; {@code --pid} makes the
 * message speak for the engine, and the unit's {@code NotifyAccess=all} accepts it from that child either way. Does
 * nothing when {@code NOTIFY_SOCKET} is not set (not started by systemd as a notify service).
 */
final class ServiceManagerNotice {
    private static final Logger LOG = Logger.getLogger(ServiceManagerNotice.class.getName());

    private ServiceManagerNotice() {
    }

    static void ready() {
        if (System.getenv("NOTIFY_SOCKET") == null) {
            return;
        }
        try {
            Process notify = new ProcessBuilder("systemd-notify", "--ready",
                    "--pid=" + ProcessHandle.current().pid()).inheritIO().start();
            notify.onExit().thenAccept(done -> {
                if (done.exitValue() != 0) {
                    LOG.warning("systemd-notify --ready exited with " + done.exitValue()
                            + "; systemd may still think the engine is starting");
                }
            });
        } catch (IOException e) {
            LOG.warning("cannot tell systemd the engine is ready (NOTIFY_SOCKET is set): " + e.getMessage()
                    + "; is systemd-notify on PATH?");
        }
    }
}
