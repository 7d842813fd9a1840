package io.holdfast.logging;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * One physical line of conmon's k8s-file log: {@code 2026-11-25T16:04:16.822669964+00:00 stdout F tick 1}. A line
 * longer than conmon's buffer is split into parts tagged {@code P} (partial) and ended by one tagged {@code F}.
 */
record K8sFileLine(Instant time, String stream, boolean last, String content) {

    /** Parses one line; returns null for a line that is not in the format (e.g. torn by a crash mid-write). */
    static K8sFileLine parse(String line) {
        int first = line.indexOf(' ');
        int second = first < 0 ? -1 : line.indexOf(' ', first + 1);
        if (second < 0 || second + 2 > line.length()) {
            return null;
        }
        char tag = line.charAt(second + 1);
        if (tag != 'P' && tag != 'F') {
            return null;
        }
        try {
            Instant time = OffsetDateTime.parse(line.substring(0, first)).toInstant();
            String content = second + 3 <= line.length() ? line.substring(second + 3) : "";
            return new K8sFileLine(time, line.substring(first + 1, second), tag == 'F', content);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
