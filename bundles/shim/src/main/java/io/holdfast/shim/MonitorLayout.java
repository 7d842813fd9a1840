package io.holdfast.shim;

import java.nio.file.Path;

/**
 * Where the shim keeps what it needs to find its monitors again, under the exec root (a tmpfs such as
 * {@code /run/holdfast}: after a reboot no monitor survives, so neither should their records).
 */
record MonitorLayout(Path execRoot) {

    /** The directories of the shim's own state, each 0700 (conmon and the runtime run as root, like the engine). */
    java.util.List<Path> privateDirs() {
        return java.util.List.of(monitorsDir(), execsDir(), exitsDir(), socketDir());
    }

    Path monitorsDir() {
        return execRoot.resolve("monitors");
    }

    Path dir(String id) {
        return monitorsDir().resolve(id);
    }

    Path record(String id) {
        return dir(id).resolve("monitor.json");
    }

    Path pidFile(String id) {
        return dir(id).resolve("pid");
    }

    Path monitorPidFile(String id) {
        return dir(id).resolve("conmon.pid");
    }

    Path runtimeLog(String id) {
        return dir(id).resolve("runtime.log");
    }

    Path exitsDir() {
        return execRoot.resolve("exits");
    }

    Path exitFile(String id) {
        return exitsDir().resolve(id);
    }

    /** conmon's attach sockets; kept short because socket paths are limited to 108 bytes. */
    Path socketDir() {
        return execRoot.resolve("sock");
    }

    Path runtimeRoot(String runtimeName) {
        return execRoot.resolve("runtime").resolve(runtimeName);
    }

    // ---- execs: one directory each, which is also conmon's bundle directory (its ctl and winsz fifos, attach socket)

    Path execsDir() {
        return execRoot.resolve("execs");
    }

    Path execDir(String execId) {
        return execsDir().resolve(execId);
    }

    Path execRecord(String execId) {
        return execDir(execId).resolve("exec.json");
    }

    Path execPidFile(String execId) {
        return execDir(execId).resolve("pid");
    }

    Path execMonitorPidFile(String execId) {
        return execDir(execId).resolve("conmon.pid");
    }

    Path execRuntimeLog(String execId) {
        return execDir(execId).resolve("runtime.log");
    }

    /** An exec's own exit directory: conmon names the exit file after the container, so execs cannot share one. */
    Path execExitsDir(String execId) {
        return execDir(execId).resolve("exits");
    }

    Path execExitFile(String execId, String containerId) {
        return execExitsDir(execId).resolve(containerId);
    }
}
