package io.holdfast.config;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Docker's size syntax ({@code go-units RAMInBytes}): a number, an optional unit {@code k m g t p} (any case, powers of
 * 1024), optionally followed by {@code i} and/or {@code b}: {@code 512k}, {@code 10m}, {@code 1.5g}, {@code 10MiB},
 * {@code 4096}.
 *
 * <pre>{@code long bytes = ByteSize.parse("10m");   // 10485760
 * String text = ByteSize.display(bytes);   // "10m"}</pre>
 */
final class ByteSize {
    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?) ?([kmgtp])?i?b?", Pattern.CASE_INSENSITIVE);
    private static final String UNITS = "kmgtp";

    private ByteSize() {
    }

    /** The size in bytes; {@code -1} when {@code text} is not in Docker's syntax or does not fit in a long. */
    static long parse(String text) {
        Matcher m = SIZE.matcher(text);
        if (!m.matches()) {
            return -1;
        }
        int power = m.group(2) == null ? 0 : UNITS.indexOf(m.group(2).toLowerCase(Locale.ROOT)) + 1;
        BigDecimal bytes = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(1024).pow(power));
        try {
            return bytes.toBigInteger().longValueExact(); // a fraction of a byte is dropped, as Docker does
        } catch (ArithmeticException tooLarge) {
            return -1;
        }
    }

    /** The shortest exact spelling: {@code 10m} for 10485760, {@code 1000} for 1000. */
    static String display(long bytes) {
        int power = 0;
        long value = bytes;
        while (value != 0 && value % 1024 == 0 && power < UNITS.length()) {
            value /= 1024;
            power++;
        }
        return value + (power == 0 ? "" : String.valueOf(UNITS.charAt(power - 1)));
    }
}
