package io.holdfast.spi.restore;

/**
 * One container's line in the restore report.
 *
 * @param containerId the container's id
 * @param name        its name
 * @param outcome     what the restore did
 * @param detail      a sentence for the operator, e.g. {@code exited with 3 at 2026-11-25T10:00:00Z}
 */
public record RestoreEntry(String containerId, String name, RestoreOutcome outcome, String detail) {
}
