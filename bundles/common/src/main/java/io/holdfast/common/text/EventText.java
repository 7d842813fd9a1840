package io.holdfast.common.text;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * An event as {@code docker events} prints it by default:
 * {@code 2026-11-25T10:00:00.000000000Z container start <id> (image=busybox, name=web)}, attributes sorted by key.
 * Shared by the CLI and the shell command.
 */
public final class EventText {
    private static final DateTimeFormatter RFC3339_NANO_FIXED =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.nnnnnnnnn'Z'").withZone(ZoneOffset.UTC);

    private EventText() {
    }

    public static String line(Instant time, String type, String action, String actorId,
                              Map<String, String> attributes) {
        StringBuilder line = new StringBuilder(RFC3339_NANO_FIXED.format(time)).append(' ').append(type)
                .append(' ').append(action).append(' ').append(actorId);
        if (!attributes.isEmpty()) {
            StringJoiner details = new StringJoiner(", ", " (", ")");
            new TreeMap<>(attributes).forEach((key, value) -> details.add(key + "=" + value));
            line.append(details);
        }
        return line.toString();
    }
}
