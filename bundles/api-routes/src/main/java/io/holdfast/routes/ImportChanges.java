package io.holdfast.routes;

import com.fasterxml.jackson.core.type.TypeReference;
import io.holdfast.spi.container.EngineException;
import io.holdfast.spi.container.EngineException.Kind;
import io.holdfast.spi.image.ImageConfig;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Dockerfile instructions {@code docker import --change} applies to the imported image's config: {@code CMD},
 * {@code ENTRYPOINT} (JSON array, or shell form run by {@code /bin/sh -c}), {@code ENV} ({@code K=V ...} or
 * {@code K V}), {@code WORKDIR}, {@code USER}, {@code STOPSIGNAL}, {@code LABEL}, {@code EXPOSE} ({@code 80 53/udp}), {@code VOLUME}
 * ({@code /data /logs} or a JSON array),
 * {@code HEALTHCHECK} (which Docker's import refuses; Holdfast takes it, so an image can carry a health check without
 * a build). Any other instruction (ONBUILD) is refused naming it: Holdfast would not honour it, and never
 * drops a request.
 *
 * <pre>{@code ImportChanges.parse(List.of("CMD [\"httpd\", \"-f\"]", "ENV PORT=80"))}</pre>
 */
final class ImportChanges {
    private ImportChanges() {
    }

    static ImageConfig parse(List<String> changes) {
        List<String> cmd = List.of();
        List<String> entrypoint = List.of();
        List<String> env = new ArrayList<>();
        String workingDir = "";
        String user = "";
        String stopSignal = "";
        Map<String, String> labels = new LinkedHashMap<>();
        io.holdfast.spi.container.HealthConfig healthcheck = null;
        List<String> exposed = new ArrayList<>();
        List<String> volumes = new ArrayList<>();
        for (String change : changes) {
            String line = change.strip();
            if (line.isEmpty()) {
                continue;
            }
            int space = line.indexOf(' ');
            String instruction = (space < 0 ? line : line.substring(0, space)).toUpperCase(Locale.ROOT);
            String argument = space < 0 ? "" : line.substring(space + 1).strip();
            if (argument.isEmpty()) {
                throw invalid(change, instruction + " needs an argument");
            }
            switch (instruction) {
                case "CMD" -> cmd = command(change, argument);
                case "ENTRYPOINT" -> entrypoint = command(change, argument);
                case "ENV" -> pairs(change, argument).forEach((k, v) -> env.add(k + "=" + v));
                case "LABEL" -> labels.putAll(pairs(change, argument));
                case "WORKDIR" -> {
                    if (!argument.startsWith("/")) {
                        throw invalid(change, "WORKDIR must be an absolute path");
                    }
                    workingDir = argument;
                }
                case "USER" -> user = argument;
                case "STOPSIGNAL" -> stopSignal = argument;
                case "HEALTHCHECK" -> {
                    try {
                        healthcheck = ImportHealthcheck.parse(argument);
                    } catch (IllegalArgumentException e) {
                        throw invalid(change, e.getMessage());
                    }
                }
                case "EXPOSE" -> exposed.addAll(exposedPorts(change, argument));
                case "VOLUME" -> volumes.addAll(volumePaths(change, argument));
                default -> throw invalid(change, instruction + " is not supported by docker import on Holdfast"
                        + " (supported: CMD, ENTRYPOINT, ENV, EXPOSE, HEALTHCHECK, LABEL, STOPSIGNAL, USER, "
                        + "VOLUME, WORKDIR)");
            }
        }
        return new ImageConfig(cmd, entrypoint, env, workingDir, user, stopSignal, labels, healthcheck, exposed,
                volumes);
    }

    /** {@code 80 53/udp} as {@code 80/tcp}, {@code 53/udp}, checked as a create's {@code ExposedPorts}. */
    private static List<String> exposedPorts(String change, String argument) {
        try {
            return new io.holdfast.spi.container.PortOptions(null, List.of(argument.split("\\s+")), false).exposed();
        } catch (IllegalArgumentException e) {
            throw invalid(change, e.getMessage());
        }
    }

    /** {@code /data /logs} or the JSON form {@code ["/data", "/logs"]}; each must be absolute. */
    private static List<String> volumePaths(String change, String argument) {
        List<String> paths = argument.startsWith("[") ? command(change, argument) : words(change, argument);
        for (String path : paths) {
            if (!path.startsWith("/")) {
                throw invalid(change, "\"" + path + "\": a volume needs an absolute path");
            }
        }
        return paths;
    }

    /** JSON form {@code ["a", "b"]} as it is; shell form through {@code /bin/sh -c}, as Docker. */
    private static List<String> command(String change, String argument) {
        if (!argument.startsWith("[")) {
            return List.of("/bin/sh", "-c", argument);
        }
        try {
            return ApiExchange.JSON.readValue(argument, new TypeReference<List<String>>() { });
        } catch (IOException e) {
            throw invalid(change, "expected a JSON array of strings");
        }
    }

    /** {@code K=V K2="v 2"} or the old {@code K V} form of a single pair. */
    private static Map<String, String> pairs(String change, String argument) {
        Map<String, String> pairs = new LinkedHashMap<>();
        if (!argument.contains("=")) {
            int space = argument.indexOf(' ');
            if (space < 0) {
                throw invalid(change, "expected KEY=VALUE or KEY VALUE");
            }
            pairs.put(argument.substring(0, space), argument.substring(space + 1).strip());
            return pairs;
        }
        for (String word : words(change, argument)) {
            int equals = word.indexOf('=');
            if (equals <= 0) {
                throw invalid(change, "\"" + word + "\": expected KEY=VALUE");
            }
            pairs.put(word.substring(0, equals), word.substring(equals + 1));
        }
        return pairs;
    }

    /** Splits on spaces outside double quotes, and drops the quotes. */
    private static List<String> words(String change, String argument) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean quoted = false;
        for (char c : argument.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ' ' && !quoted) {
                if (!word.isEmpty()) {
                    words.add(word.toString());
                    word.setLength(0);
                }
            } else {
                word.append(c);
            }
        }
        if (quoted) {
            throw invalid(change, "unterminated quote");
        }
        if (!word.isEmpty()) {
            words.add(word.toString());
        }
        return words;
    }

    private static EngineException invalid(String change, String why) {
        return new EngineException(Kind.INVALID, "changes: \"" + change + "\": " + why);
    }
}
