package io.holdfast.routes;

import com.fasterxml.jackson.core.type.TypeReference;
import io.holdfast.common.text.GoDuration;
import io.holdfast.spi.container.HealthConfig;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Dockerfile's {@code HEALTHCHECK [--interval=D] [--timeout=D] [--start-period=D] [--start-interval=D]
 * [--retries=N] CMD command} (JSON array: {@code CMD}, shell form: {@code CMD-SHELL}) or {@code HEALTHCHECK NONE},
 * for {@code import --change}.
 */
final class ImportHealthcheck {
    private ImportHealthcheck() {
    }

    /** @throws IllegalArgumentException naming what is wrong */
    static HealthConfig parse(String argument) {
        Map<String, String> options = new TreeMap<>();
        String rest = argument.strip();
        while (rest.startsWith("--")) {
            int space = rest.indexOf(' ');
            String option = space < 0 ? rest : rest.substring(0, space);
            rest = space < 0 ? "" : rest.substring(space + 1).strip();
            int equals = option.indexOf('=');
            if (equals < 0) {
                throw new IllegalArgumentException("option " + option + ": expected " + option + "=VALUE");
            }
            options.put(option.substring(2, equals), option.substring(equals + 1));
        }
        if (rest.equals("NONE")) {
            if (!options.isEmpty()) {
                throw new IllegalArgumentException("HEALTHCHECK NONE takes no options");
            }
            return HealthConfig.NONE;
        }
        if (!rest.startsWith("CMD ")) {
            throw new IllegalArgumentException("expected HEALTHCHECK [OPTIONS] CMD command or HEALTHCHECK NONE");
        }
        String command = rest.substring(4).strip();
        List<String> test = new ArrayList<>();
        if (command.startsWith("[")) {
            test.add("CMD");
            try {
                test.addAll(ApiExchange.JSON.readValue(command, new TypeReference<List<String>>() { }));
            } catch (IOException e) {
                throw new IllegalArgumentException("CMD: expected a JSON array of strings");
            }
        } else {
            test.add("CMD-SHELL");
            test.add(command);
        }
        Duration interval = duration(options, "interval");
        Duration timeout = duration(options, "timeout");
        Duration startPeriod = duration(options, "start-period");
        Duration startInterval = duration(options, "start-interval");
        int retries = 0;
        String retriesText = options.remove("retries");
        if (retriesText != null) {
            try {
                retries = Integer.parseInt(retriesText);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--retries \"" + retriesText + "\": expected a whole number");
            }
        }
        if (!options.isEmpty()) {
            throw new IllegalArgumentException("unknown option --" + options.keySet().iterator().next()
                    + " (known: --interval, --timeout, --start-period, --start-interval, --retries)");
        }
        return new HealthConfig(test, interval, timeout, startPeriod, startInterval, retries);
    }

    private static Duration duration(Map<String, String> options, String name) {
        String text = options.remove(name);
        return text == null ? Duration.ZERO : GoDuration.parse("--" + name, text);
    }
}
