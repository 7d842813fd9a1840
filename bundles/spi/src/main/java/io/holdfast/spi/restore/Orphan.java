package io.holdfast.spi.restore;

/**
 * A container a monitor holds that no container record knows about: its record was deleted, or lives under another
 * data root. Left running and untouched until the operator adopts or stops it.
 *
 * @param containerId the id the monitor holds it under
 * @param monitorPid  the monitor's pid
 * @param pid         the container's init pid
 * @param running     whether it still runs
 */
public record Orphan(String containerId, long monitorPid, long pid, boolean running) {
}
