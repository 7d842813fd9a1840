package io.holdfast.spi.container;

import java.util.Locale;

/**
 * Docker's restart policies: {@code no}, {@code always}, {@code unless-stopped}, {@code on-failure[:N]}.
 *
 * <pre>{@code RestartPolicy p = RestartPolicy.parse("on-failure:3"); // Name "on-failure", MaximumRetryCount 3}</pre>
 *
 * @param name one of {@link #NO}, {@link #ALWAYS}, {@link #UNLESS_STOPPED}, {@link #ON_FAILURE}
 * @param maximumRetryCount for {@code on-failure} only; 0 means unlimited
 */
public record RestartPolicy(String name, int maximumRetryCount) {
    public static final String NO = "no";
    public static final String ALWAYS = "always";
    public static final String UNLESS_STOPPED = "unless-stopped";
    public static final String ON_FAILURE = "on-failure";

    public static final RestartPolicy NONE = new RestartPolicy(NO, 0);

    public RestartPolicy {
        name = name == null || name.isEmpty() ? NO : name.toLowerCase(Locale.ROOT);
        if (!name.equals(NO) && !name.equals(ALWAYS) && !name.equals(UNLESS_STOPPED) && !name.equals(ON_FAILURE)) {
            throw new IllegalArgumentException("restart policy \"" + name
                    + "\": expected no, always, unless-stopped or on-failure[:N]");
        }
        if (maximumRetryCount < 0) {
            throw new IllegalArgumentException("restart policy: maximum retry count must be >= 0, got " + maximumRetryCount);
        }
        if (maximumRetryCount > 0 && !name.equals(ON_FAILURE)) {
            throw new IllegalArgumentException("restart policy \"" + name + "\": a maximum retry count is only valid with on-failure");
        }
    }

    /** Parses the CLI form, e.g. {@code on-failure:5}. */
    public static RestartPolicy parse(String text) {
        if (text == null || text.isEmpty()) {
            return NONE;
        }
        int colon = text.indexOf(':');
        if (colon < 0) {
            return new RestartPolicy(text, 0);
        }
        String count = text.substring(colon + 1);
        try {
            return new RestartPolicy(text.substring(0, colon), Integer.parseInt(count));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("restart policy \"" + text + "\": \"" + count + "\" is not a number");
        }
    }

    /** Whether a container that ended with {@code exitCode} and has restarted {@code restartCount} times goes again. */
    public boolean restartsAfter(int exitCode, int restartCount, boolean manuallyStopped) {
        return switch (name) {
            case ALWAYS, UNLESS_STOPPED -> !manuallyStopped;
            case ON_FAILURE -> !manuallyStopped && exitCode != 0
                    && (maximumRetryCount == 0 || restartCount < maximumRetryCount);
            default -> false;
        };
    }

    @Override
    public String toString() {
        return maximumRetryCount > 0 ? name + ":" + maximumRetryCount : name;
    }
}
