package io.holdfast.routes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class JoinedLinesTest {
    private static byte[] line(String text) {
        return (text + "\n").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void oneLineIsSentAsItIs() {
        byte[] kill = line("{\"Action\":\"kill\"}");
        assertSame(kill, new JoinedLines().join(List.of(kill)));
    }

    @Test
    void theStreamsOfOneFanOutShareOneJoinedArray() {
        JoinedLines joined = new JoinedLines();
        byte[] kill = line("kill");
        byte[] die = line("die");
        byte[] first = joined.join(List.of(kill, die));
        assertArrayEquals(line("kill\ndie"), first);
        assertSame(first, joined.join(List.of(kill, die)), "the next stream taking the same lines");
    }

    @Test
    void otherLinesOrTheSameInAnotherOrderAreJoinedAnew() {
        JoinedLines joined = new JoinedLines();
        byte[] kill = line("kill");
        byte[] die = line("die");
        byte[] stop = line("stop");
        byte[] killDie = joined.join(List.of(kill, die));
        assertArrayEquals(line("die\nkill"), joined.join(List.of(die, kill)));
        assertArrayEquals(line("kill\ndie\nstop"), joined.join(List.of(kill, die, stop)));
        // an equal copy of a line is not the shared line: joined again, still right
        byte[] again = joined.join(List.of(kill, line("die")));
        assertNotSame(killDie, again);
        assertArrayEquals(killDie, again);
    }
}
