package io.holdfast.supervisor.containers;

import io.holdfast.spi.container.ContainerRecord;
import io.holdfast.spi.container.ContainerStatus;
import io.holdfast.spi.container.EngineException;
import io.holdfast.spi.container.EngineException.Kind;

/** Docker's refusals of an {@code rm} without force, with Docker's messages (409). */
final class RemovalChecks {
    /** How often a forced removal stops a container that a racing start keeps starting again. */
    static final int FORCED_ATTEMPTS = 5;

    private RemovalChecks() {
    }

    static void refuseUnlessForced(ContainerRecord record, boolean force) {
        if (force) {
            return;
        }
        if (record.state().paused()) {
            throw new EngineException(Kind.CONFLICT, "You cannot remove a paused container " + record.id()
                    + ". Unpause and then stop the container before attempting removal or force remove");
        }
        if (record.state().status() == ContainerStatus.RESTARTING) {
            throw new EngineException(Kind.CONFLICT, "You cannot remove a restarting container " + record.id()
                    + ". Stop the container before attempting removal or force remove");
        }
        if (record.state().running()) {
            throw new EngineException(Kind.CONFLICT, "You cannot remove a running container " + record.id()
                    + ". Stop the container before attempting removal or force remove");
        }
    }
}
