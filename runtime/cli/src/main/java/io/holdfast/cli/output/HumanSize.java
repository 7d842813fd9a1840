package io.holdfast.cli.output;

import java.math.BigDecimal;
import java.math.MathContext;

/** Byte counts worded as Docker words them: decimal for image sizes, binary for memory. */
public final class HumanSize {

    private static final String[] DECIMAL = {"B", "kB", "MB", "GB", "TB", "PB", "EB"};
    private static final String[] BINARY = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};

    private HumanSize() {}

    /** "4.26MB", as in {@code docker images} (three significant digits, powers of 1000). */
    public static String decimal(long bytes) {
        return format(bytes, 1000, DECIMAL, 3);
    }

    /** "7.637GiB", as in {@code docker info}'s Total Memory (four significant digits, powers of 1024). */
    public static String binary(long bytes) {
        return format(bytes, 1024, BINARY, 4);
    }

    private static String format(long bytes, int base, String[] units, int digits) {
        double size = bytes;
        int unit = 0;
        while (size >= base && unit < units.length - 1) {
            size /= base;
            unit++;
        }
        String number = new BigDecimal(size).round(new MathContext(digits)).stripTrailingZeros().toPlainString();
        return number + units[unit];
    }
}
