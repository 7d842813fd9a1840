package io.holdfast.api;

import java.io.IOException;
import java.util.logging.Logger;

/**
 * Tells systemd ({@code Type=notify}) that the engine is ready: the restore has run and the API accepts. Java cannot
 * send the Unix datagram itself, so it runs {@code systemd-notify --ready --pid=<engine>}; {@code --pid} makes the
 * message carry the engine's pid as its sender (root may), so systemd never has to find the short-lived child's
 * cgroup, and the unit's {@code NotifyAccess=all} accepts it from that child either way. Does
 * nothing when systemd passed no {@code NOTIFY_SOCKET} (not started as a notify service).
 */
final class ServiceManagerNotice {
    private static final Logger LOG = Logger.getLogger(ServiceManagerNotice.class.getName());
    /** systemd's NOTIFY_SOCKET, renamed by bin/holdfastd so that no other child of the engine (runc) sees it. */
    static final String SOCKET_VARIABLE = "HOLDFAST_NOTIFY_SOCKET";

    private ServiceManagerNotice() {
    }

    static void ready() {
        String socket = System.getenv(SOCKET_VARIABLE);
        if (socket == null || socket.isEmpty()) {
            return;
        }
        try {
            // --no-block: no barrier round trip (systemd 246+ waits for one by default)
            ProcessBuilder builder = new ProcessBuilder("systemd-notify", "--ready", "--no-block",
                    "--pid=" + ProcessHandle.current().pid())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))) // not the API socket
                    .redirectOutput(ProcessBuilder.Redirect.INHERIT).redirectError(ProcessBuilder.Redirect.INHERIT);
            builder.environment().put("NOTIFY_SOCKET", socket);
            Process notify = builder.start();
            notify.onExit().thenAccept(done -> {
                if (done.exitValue() != 0) {
                    LOG.warning("systemd-notify --ready exited with " + done.exitValue()
                            + "; systemd may still think the engine is starting");
                }
            });
        } catch (IOException e) {
            LOG.warning("cannot tell systemd the engine is ready (NOTIFY_SOCKET was set): " + e.getMessage()
                    + "; is systemd-notify on PATH?");
        }
    }
}
