package io.holdfast.supervisor.ports;

import io.holdfast.spi.container.ContainerRecord;
import io.holdfast.spi.container.EngineException;
import io.holdfast.spi.container.EngineException.Kind;
import io.holdfast.spi.container.PortBinding;
import java.util.List;
import java.util.function.Consumer;

/**
 * What the lifecycle asks of published ports: start them before a container starts, end them when it stops, and
 * put them right in a restore. Callers hold the container's lock for {@link #publish} and {@link #unpublish}.
 */
public interface PortPublishing {
    /**
     * For a lifecycle that publishes nothing (unit tests of other parts): it refuses a container that asks for a
     * port rather than start it without.
     */
    PortPublishing NONE = new PortPublishing() {
        @Override
        public void publish(ContainerRecord record) {
            if (!record.spec().ports().toPublish().isEmpty()) {
                throw new EngineException(Kind.FAILED, "this engine cannot publish ports");
            }
        }

        @Override
        public void unpublish(String containerId) {
        }

        @Override
        public List<PortBinding> published(String containerId) {
            return List.of();
        }

        @Override
        public List<String> reconcile(ContainerLocks locks) {
            return List.of();
        }
    };

    /** Starts a forwarder for each port the container publishes; returns once all listen, or ends them all. */
    void publish(ContainerRecord record);

    /** Ends the container's forwarders and returns once their ports are free; nothing published is no error. */
    void unpublish(String containerId);

    /** The ports published now, on the host ports actually taken. */
    List<PortBinding> published(String containerId);

    /** The restore's part: keeps live forwarders, restarts gone ones, ends stray ones; returns what it did. */
    List<String> reconcile(ContainerLocks locks);

    /** Runs an action under a container's lock with its current record. */
    @FunctionalInterface
    interface ContainerLocks {
        /** @return false, without running {@code action}, if no container has that id */
        boolean withRecord(String containerId, Consumer<ContainerRecord> action);
    }
}
