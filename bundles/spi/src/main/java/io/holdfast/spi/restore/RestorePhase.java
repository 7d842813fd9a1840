package io.holdfast.spi.restore;

import java.time.Duration;

/**
 * How long one step of a restore took.
 *
 * @param name     {@code plugins}, {@code plan} or {@code apply}
 * @param duration its wall-clock time
 */
public record RestorePhase(String name, Duration duration) {
}
