package io.holdfast.spi.events;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One thing that happened, in the shape of Docker's events: a type of object, what happened to it, which one, and
 * details. Attributes are kept sorted by key, as Docker's CLI prints them.
 *
 * <pre>{@code new EngineEvent(EngineEvent.CONTAINER, "die", id, Map.of("name", "web", "exitCode", "3"), Instant.now())}</pre>
 *
 * @param type       the kind of object: {@link #CONTAINER}, {@link #DAEMON} (the engine itself, Docker's name for
 *                   it, so {@code docker events --filter type=daemon} shows reloads), {@link #PLUGIN},
 *                   {@link #NETWORK} (a container connected to or disconnected from a network)
 * @param action     what happened, e.g. {@code create}, {@code start}, {@code die}, {@code restore}, {@code reload}
 * @param actorId    the object's id: a container id, the engine id, a plugin name
 * @param attributes details such as {@code name}, {@code image}, {@code exitCode}, {@code signal}
 * @param time       when it happened, with nanoseconds where the clock has them
 */
public record EngineEvent(String type, String action, String actorId, Map<String, String> attributes, Instant time) {
    public static final String CONTAINER = "container";
    public static final String DAEMON = "daemon";
    public static final String PLUGIN = "plugin";
    public static final String NETWORK = "network";

    public EngineEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(actorId, "actorId");
        Objects.requireNonNull(time, "time");
        attributes = Collections.unmodifiableMap(new TreeMap<>(attributes == null ? Map.of() : attributes));
    }
}
