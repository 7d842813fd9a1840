package io.holdfast.spi.monitor;

import java.time.Instant;

/**
 * How a container ended, as its monitor recorded it.
 *
 * @param code       the exit code; 128 + N when killed by signal N
 * @param finishedAt when the monitor saw it exit
 */
public record ExitStatus(int code, Instant finishedAt) {
}
