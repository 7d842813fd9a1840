package io.holdfast.spi.container;

/**
 * Whether the container's stdin stays open for clients to write to: Docker's {@code OpenStdin} and
 * {@code StdinOnce}. The monitor holds the stdin, so it stays open while the engine is down.
 *
 * @param open keep stdin open; without it the container reads end-of-file at once
 * @param once close stdin when the first client that wrote to it detaches ({@code docker run -i}); otherwise it
 *             stays open for the next one ({@code docker run -di})
 */
public record StdinOptions(boolean open, boolean once) {
    public static final StdinOptions CLOSED = new StdinOptions(false, false);
}
