package io.holdfast.cli.commands;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** The docker CLI's text forms of sizes ({@code 64m}), CPU counts ({@code 0.5}) and ulimits ({@code nofile=10:20}). */
final class Sizes {
    private Sizes() {
    }

    /** go-units' {@code RAMInBytes}: a number with an optional b, k, m, g, t or p suffix (optionally with b), 1024-based. */
    static long bytes(String text, String flag) {
        var m = java.util.regex.Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([kmgtp]?)b?").matcher(text.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new TypeConversionException(flag + ": invalid size \"" + text + "\": expected e.g. 512k, 64m, 1g");
        }
        int power = "kmgtp".indexOf(m.group(2)) + 1;
        return new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(1024).pow(power)).longValue();
    }

    static long nanoCpus(String text) {
        try {
            return new BigDecimal(text).movePointRight(9).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new TypeConversionException("--cpus: invalid value \"" + text + "\": expected a number such as 0.5");
        }
    }

    static Map<String, Object> ulimit(String text) {
        var m = java.util.regex.Pattern.compile("([a-z]+)=(-?\\d+)(?::(-?\\d+))?").matcher(text);
        if (!m.matches()) {
            throw new TypeConversionException("--ulimit: invalid value \"" + text + "\": expected NAME=SOFT[:HARD]");
        }
        Map<String, Object> limit = new LinkedHashMap<>();
        limit.put("Name", m.group(1));
        limit.put("Soft", Long.parseLong(m.group(2)));
        limit.put("Hard", Long.parseLong(m.group(3) == null ? m.group(2) : m.group(3)));
        return limit;
    }

    static final class Bytes implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            return bytes(value, "--memory");
        }
    }

    static final class NanoCpus implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            return nanoCpus(value);
        }
    }

    static final class UlimitFlag implements ITypeConverter<Map<String, Object>> {
        @Override
        public Map<String, Object> convert(String value) {
            return ulimit(value);
        }
    }
}
