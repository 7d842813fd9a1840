package io.holdfast.spi.container;

/** Docker's {@code State.Status} values, the ones Holdfast uses. */
public enum ContainerStatus {
    CREATED, RUNNING, RESTARTING, EXITED, DEAD;

    /** The lower-case word Docker prints. */
    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
