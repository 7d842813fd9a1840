package io.holdfast.spi.container;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * One health probe's result, as Docker's {@code State.Health.Log} shows it.
 *
 * @param start    when the probe started
 * @param end      when it ended (or was given up on)
 * @param exitCode 0 healthy, anything else a failure; -1 when it timed out or could not run
 * @param output   what it wrote (stdout and stderr), at most {@link #MAX_OUTPUT_BYTES} bytes, as Docker keeps
 */
public record HealthProbe(Instant start, Instant end, int exitCode, String output) {
    /** Docker's {@code maxOutputLen}. */
    public static final int MAX_OUTPUT_BYTES = 4096;

    public HealthProbe {
        output = capped(output == null ? "" : output);
    }

    private static String capped(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= MAX_OUTPUT_BYTES) {
            return text;
        }
        // decode drops a character cut in half at the boundary rather than keep a broken one
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.IGNORE);
        try {
            return decoder.decode(java.nio.ByteBuffer.wrap(bytes, 0, MAX_OUTPUT_BYTES)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
