package io.holdfast.cli.commands;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --security-opt} as the docker CLI sends it: {@code seccomp=FILE} becomes {@code seccomp=<the file's JSON>},
 * because the engine never opens files a client names; {@code seccomp=unconfined}, {@code seccomp=builtin} and every
 * other option pass as written, for the engine to check.
 */
final class SecurityOptFlag implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
        String[] keyValue = value.split("[:=]", 2);
        if (!keyValue[0].equals("seccomp") || keyValue.length < 2 || keyValue[1].equals("unconfined")
                || keyValue[1].equals("builtin")) {
            return value;
        }
        Path file = Path.of(keyValue[1]);
        try {
            String profile = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (!profile.startsWith("{")) {
                throw new TypeConversionException("seccomp profile " + file + " is not a JSON object");
            }
            return "seccomp=" + profile;
        } catch (IOException e) {
            throw new TypeConversionException("cannot read the seccomp profile " + file + ": "
                    + e.getClass().getSimpleName().replace("Exception", "") + " " + e.getMessage());
        }
    }
}
