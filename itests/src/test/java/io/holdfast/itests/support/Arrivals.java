package io.holdfast.itests.support;

import java.util.ArrayList;
import java.util.List;

/**
 * When something arrived (an API answer, a log line), as {@link System#nanoTime} stamps, and the longest silence
 * within a window. One thread records; read it after that thread has ended.
 *
 * <pre>{@code Arrivals answers = new Arrivals();
 * answers.record();                                       // on every successful response
 * double ms = answers.longestGapMillis(start, end);       // after the recording thread joined}</pre>
 */
public final class Arrivals {
    private final List<Long> stamps = new ArrayList<>();

    public void record() {
        stamps.add(System.nanoTime());
    }

    /** An arrival at {@code nanoTime}, a {@link System#nanoTime} value taken earlier or translated to that clock. */
    public void record(long nanoTime) {
        stamps.add(nanoTime);
    }

    public int count() {
        return stamps.size();
    }

    /** The mean interval between arrivals in [{@code start}, {@code end}]. */
    public double meanIntervalMillis(long start, long end) {
        List<Long> within = stamps.stream().filter(s -> s >= start && s <= end).toList();
        return within.size() < 2 ? Double.NaN
                : (within.get(within.size() - 1) - within.get(0)) / 1e6 / (within.size() - 1);
    }

    /**
     * The longest interval between two successive arrivals that overlaps [{@code start}, {@code end}]; a window with
     * no arrival at all counts from {@code start} or to {@code end}, so silence is never hidden.
     */
    public double longestGapMillis(long start, long end) {
        long longest = 0;
        long previous = start;
        for (long stamp : stamps) {
            if (stamp <= start) {
                previous = stamp;
                continue;
            }
            longest = Math.max(longest, stamp - previous);
            previous = stamp;
            if (stamp >= end) {
                return longest / 1e6;
            }
        }
        return Math.max(longest, end - previous) / 1e6;
    }
}
