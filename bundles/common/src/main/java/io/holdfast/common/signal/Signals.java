package io.holdfast.common.signal;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Linux signal names and numbers as Docker parses them ({@code ParseSignal}): a number, or a name with or without
 * {@code SIG}, in any case, including {@code RTMIN+n} and {@code RTMAX-n}.
 *
 * <pre>{@code Signals.number("sigusr1") // 10; Signals.number("RTMIN+2") // 36; Signals.number("BOGUS") // throws}</pre>
 */
public final class Signals {
    private static final int RTMIN = 34;
    private static final int RTMAX = 64;
    private static final Map<String, Integer> NAMES = Map.ofEntries(
            Map.entry("ABRT", 6), Map.entry("ALRM", 14), Map.entry("BUS", 7), Map.entry("CHLD", 17),
            Map.entry("CLD", 17), Map.entry("CONT", 18), Map.entry("FPE", 8), Map.entry("HUP", 1),
            Map.entry("ILL", 4), Map.entry("INT", 2), Map.entry("IO", 29), Map.entry("IOT", 6),
            Map.entry("KILL", 9), Map.entry("PIPE", 13), Map.entry("POLL", 29), Map.entry("PROF", 27),
            Map.entry("PWR", 30), Map.entry("QUIT", 3), Map.entry("SEGV", 11), Map.entry("STKFLT", 16),
            Map.entry("STOP", 19), Map.entry("SYS", 31), Map.entry("TERM", 15), Map.entry("TRAP", 5),
            Map.entry("TSTP", 20), Map.entry("TTIN", 21), Map.entry("TTOU", 22), Map.entry("URG", 23),
            Map.entry("USR1", 10), Map.entry("USR2", 12), Map.entry("VTALRM", 26), Map.entry("WINCH", 28),
            Map.entry("XCPU", 24), Map.entry("XFSZ", 25), Map.entry("RTMIN", RTMIN), Map.entry("RTMAX", RTMAX));

    public static final int KILL = 9;
    public static final int TERM = 15;

    private Signals() {
    }

    /** The signal's number; {@link IllegalArgumentException} {@code "Invalid signal: X"} (Docker's words) if none. */
    public static int number(String signal) {
        return find(signal).orElseThrow(() -> new IllegalArgumentException("Invalid signal: " + signal));
    }

    /** The signal's number, if {@code signal} names one (1 to 64). */
    public static Optional<Integer> find(String signal) {
        if (signal == null || signal.isBlank()) {
            return Optional.empty();
        }
        String text = signal.strip();
        if (text.chars().allMatch(Character::isDigit)) {
            try {
                return inRange(Integer.parseInt(text));
            } catch (NumberFormatException tooLong) {
                return Optional.empty();
            }
        }
        String upper = text.toUpperCase(Locale.ROOT);
        String name = upper.startsWith("SIG") ? upper.substring(3) : upper;
        Integer known = NAMES.get(name);
        if (known != null) {
            return Optional.of(known);
        }
        return realTime(name, "RTMIN+", RTMIN, 1).or(() -> realTime(name, "RTMAX-", RTMAX, -1));
    }

    /** {@code RTMIN+n} (1 to 15) or {@code RTMAX-n} (1 to 14), as Linux and Docker name them. */
    private static Optional<Integer> realTime(String name, String prefix, int base, int direction) {
        if (!name.startsWith(prefix)) {
            return Optional.empty();
        }
        String offset = name.substring(prefix.length());
        if (offset.isEmpty() || offset.length() > 2 || !offset.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        int n = Integer.parseInt(offset);
        int limit = direction > 0 ? 15 : 14;
        return n >= 1 && n <= limit ? Optional.of(base + direction * n) : Optional.empty();
    }

    private static Optional<Integer> inRange(int number) {
        return number >= 1 && number <= RTMAX ? Optional.of(number) : Optional.empty();
    }
}
