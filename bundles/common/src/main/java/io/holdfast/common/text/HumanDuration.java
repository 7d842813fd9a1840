package io.holdfast.common.text;

import java.time.Duration;
import java.time.Instant;

/**
 * Durations worded as Docker words them (go-units {@code HumanDuration}): "Less than a second", "5 seconds",
 * "About a minute", "3 hours". Shared by the engine's {@code Status} texts and the CLI's tables.
 */
public final class HumanDuration {
    private HumanDuration() {
    }

    /** "5 seconds ago", "About a minute ago", "3 days ago". */
    public static String ago(Instant then, Instant now) {
        return of(Duration.between(then, now)) + " ago";
    }

    public static String of(Duration duration) {
        long seconds = duration.getSeconds();
        if (seconds < 1) {
            return "Less than a second";
        } else if (seconds == 1) {
            return "1 second";
        } else if (seconds < 60) {
            return seconds + " seconds";
        }
        long minutes = seconds / 60;
        if (minutes == 1) {
            return "About a minute";
        } else if (minutes < 60) {
            return minutes + " minutes";
        }
        long hours = Math.round(seconds / 3600.0); // Docker rounds hours to the nearest
        if (hours == 1) {
            return "About an hour";
        } else if (hours < 48) {
            return hours + " hours";
        } else if (hours < 24 * 7 * 2) {
            return hours / 24 + " days";
        } else if (hours < 24 * 30 * 2) {
            return hours / 24 / 7 + " weeks";
        } else if (hours < 24 * 365 * 2) {
            return hours / 24 / 30 + " months";
        }
        return seconds / 3600 / 24 / 365 + " years";
    }
}
