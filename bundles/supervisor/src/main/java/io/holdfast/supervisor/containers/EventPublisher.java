package io.holdfast.supervisor.containers;

import io.holdfast.spi.container.ContainerRecord;
import io.holdfast.spi.events.EngineEvent;
import io.holdfast.spi.events.EngineEvents;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Publishes container events to the event journal when one is bound; without one the lifecycle runs the same and
 * the events are simply not kept. Never throws and never blocks: {@link EngineEvents#publish} promises not to.
 */
final class EventPublisher {
    private static final Logger LOG = Logger.getLogger(EventPublisher.class.getName());

    private final Supplier<EngineEvents> journal;

    EventPublisher(Supplier<EngineEvents> journal) {
        this.journal = journal;
    }

    /** A publisher that publishes nothing, for tests and tools that run a lifecycle without a journal. */
    static EventPublisher none() {
        return new EventPublisher(() -> null);
    }

    void container(String action, ContainerRecord record) {
        container(action, record, Map.of());
    }

    /** Publishes {@code action} for {@code record} with its name and image, plus {@code details}. */
    void container(String action, ContainerRecord record, Map<String, String> details) {
        EngineEvents events = journal.get();
        if (events == null) {
            return;
        }
        Map<String, String> attributes = new HashMap<>(details);
        attributes.put("name", record.name());
        attributes.put("image", record.spec().image());
        try {
            events.publish(new EngineEvent(EngineEvent.CONTAINER, action, record.id(), attributes, Instant.now()));
        } catch (RuntimeException e) { // an event lost must never fail the operation it reports
            LOG.log(Level.WARNING, "cannot publish " + action + " of " + record.shortId(), e);
        }
    }

    /**
     * Docker's {@code network connect} and {@code disconnect}: the network is the actor ({@code docker events --filter
     * network=NAME} finds them), the container an attribute.
     */
    void network(String action, String networkId, String networkName, String containerId) {
        EngineEvents events = journal.get();
        if (events == null) {
            return;
        }
        try {
            events.publish(new EngineEvent(EngineEvent.NETWORK, action, networkId, Map.of("name", networkName,
                    "type", "bridge", "container", containerId), Instant.now()));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "cannot publish " + action + " of network " + networkName, e);
        }
    }

    /** Docker's {@code prune} event: no actor id, the bytes reclaimed as an attribute. */
    void pruned(String type, long reclaimed) {
        EngineEvents events = journal.get();
        if (events == null) {
            return;
        }
        try {
            events.publish(new EngineEvent(type, "prune", "", Map.of("reclaimed", Long.toString(reclaimed)),
                    Instant.now()));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "cannot publish a prune", e);
        }
    }

    /** Docker's kill events carry the signal's number: {@code TERM} and {@code SIGTERM} become {@code 15}. */
    static String signalNumber(String signal) {
        String name = signal.toUpperCase(java.util.Locale.ROOT).replaceFirst("^SIG", "");
        return switch (name) {
            case "HUP" -> "1";
            case "INT" -> "2";
            case "QUIT" -> "3";
            case "ABRT" -> "6";
            case "KILL" -> "9";
            case "USR1" -> "10";
            case "USR2" -> "12";
            case "PIPE" -> "13";
            case "ALRM" -> "14";
            case "TERM" -> "15";
            case "CONT" -> "18";
            case "STOP" -> "19";
            case "WINCH" -> "28";
            default -> signal;
        };
    }
}
