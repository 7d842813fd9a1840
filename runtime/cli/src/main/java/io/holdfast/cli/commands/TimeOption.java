package io.holdfast.cli.commands;

import io.holdfast.common.text.DockerTime;
import java.time.Instant;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** A {@code --since}/{@code --until} value: Unix seconds, RFC 3339, or a duration counted back from the client's now. */
final class TimeOption {
    private TimeOption() {
    }

    /** {@code null} when the option was not given; a usage error naming the option when it does not parse. */
    static Instant parse(CommandSpec spec, String option, String value, Instant now) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return DockerTime.parse(value, now);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(),
                    "Invalid value for option '" + option + "': " + e.getMessage());
        }
    }
}
