package io.holdfast.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.holdfast.spi.logs.LogEntry;
import io.holdfast.spi.logs.LogQuery;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class K8sFileLogsTest {
    @TempDir
    Path dir;

    private final K8sFileLogs logs = new K8sFileLogs();

    @BeforeEach
    void activate() throws Exception {
        logs.activate();
    }

    @AfterEach
    void deactivate() throws Exception {
        logs.deactivate();
    }

    private static String line(int second, String stream, char tag, String text) {
        return "2026-11-25T16:04:" + (10 + second) + ".822669964+00:00 " + stream + " " + tag + " " + text + "\n";
    }

    private List<LogEntry> read(Path file, LogQuery query) throws Exception {
        List<LogEntry> entries = new ArrayList<>();
        logs.read(file, query, null, entries::add);
        return entries;
    }

    @Test
    void readsLinesWithTheirTimeAndStream() throws Exception {
        Path file = dir.resolve("c.log");
        Files.writeString(file, line(1, "stdout", 'F', "one") + line(2, "stderr", 'F', "two words"));
        List<LogEntry> entries = read(file, LogQuery.ALL);
        assertEquals(List.of(
                new LogEntry(Instant.parse("2026-11-25T16:04:11.822669964Z"), "stdout", "one"),
                new LogEntry(Instant.parse("2026-11-25T16:04:12.822669964Z"), "stderr", "two words")), entries);
    }

    @Test
    void joinsPartialLinesAndKeepsEmptyOnes() throws Exception {
        Path file = dir.resolve("c.log");
        Files.writeString(file, line(1, "stdout", 'P', "abc") + line(2, "stdout", 'F', "def")
                + line(3, "stdout", 'F', ""));
        List<LogEntry> entries = read(file, LogQuery.ALL);
        assertEquals(List.of("abcdef", ""), entries.stream().map(LogEntry::line).toList());
        assertEquals(Instant.parse("2026-11-25T16:04:11.822669964Z"), entries.get(0).time());
    }

    @Test
    void tailKeepsTheLastLines() throws Exception {
        Path file = dir.resolve("c.log");
        StringBuilder content = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            content.append(line(i, "stdout", 'F', "n" + i));
        }
        Files.writeString(file, content);
        assertEquals(List.of("n7", "n8", "n9"), read(file, new LogQuery(3, false)).stream().map(LogEntry::line).toList());
        assertEquals(List.of(), read(file, new LogQuery(0, false)));
    }

    @Test
    void outputWithoutAFinalNewlineIsShownWhenTheReadingEnds() throws Exception {
        Path file = dir.resolve("c.log");
        Files.writeString(file, line(1, "stdout", 'F', "whole") + line(2, "stdout", 'P', "abc"));
        assertEquals(List.of("whole", "abc"), read(file, LogQuery.ALL).stream().map(LogEntry::line).toList());
        assertEquals(List.of("abc"), read(file, new LogQuery(1, false)).stream().map(LogEntry::line).toList());
        assertEquals(List.of(false, true), read(file, LogQuery.ALL).stream().map(LogEntry::partial).toList(),
                "no newline was written after the unfinished line, and a reader is told so");

        CompletableFuture<Integer> exited = new CompletableFuture<>();
        List<String> seen = new CopyOnWriteArrayList<>();
        Thread reader = follow(file, exited, seen);
        Files.writeString(file, line(3, "stdout", 'P', "def"), StandardOpenOption.APPEND);
        exited.complete(0);
        reader.join(5000);
        assertEquals(List.of("whole", "abcdef"), seen, "held while it may go on, handed on once the container ended");
    }

    @Test
    void skipsATornLastLineUntilItIsComplete() throws Exception {
        Path file = dir.resolve("c.log");
        Files.writeString(file, line(1, "stdout", 'F', "whole") + "2026-11-25T16:04:1");
        assertEquals(List.of("whole"), read(file, LogQuery.ALL).stream().map(LogEntry::line).toList());
    }

    @Test
    void followHandsOnLinesWrittenLaterUntilTheContainerEnds() throws Exception {
        Path file = dir.resolve("c.log");
        Files.writeString(file, line(1, "stdout", 'F', "first"));
        CompletableFuture<Integer> exited = new CompletableFuture<>();
        List<String> seen = new CopyOnWriteArrayList<>();
        Thread reader = follow(file, exited, seen);
        Files.writeString(file, "2026-11-25T16:04:12.000000000+00:00 stdout F sec", StandardOpenOption.APPEND);
        Files.writeString(file, "ond\n", StandardOpenOption.APPEND);
        Files.writeString(file, line(3, "stdout", 'F', "third"), StandardOpenOption.APPEND);
        exited.complete(0);
        reader.join(5000);
        assertEquals(List.of("first", "second", "third"), seen);
    }

    /** A reader that catches the writer in the middle of a multi-byte character decodes it whole, later. */
    @Test
    void aCharacterWrittenInTwoHalvesIsDecodedWhole() throws Exception {
        Path file = dir.resolve("c.log");
        byte[] line = line(1, "stdout", 'F', "grüße").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        int split = new String(line, java.nio.charset.StandardCharsets.UTF_8).indexOf('ü') + 1; // inside 'ü'
        Files.write(file, java.util.Arrays.copyOf(line, split));
        List<String> seen = new ArrayList<>();
        try (LogFileCursor cursor = new LogFileCursor(file)) {
            cursor.readAvailable(l -> seen.add(l.content()));
            Files.write(file, java.util.Arrays.copyOfRange(line, split, line.length), StandardOpenOption.APPEND);
            cursor.readAvailable(l -> seen.add(l.content()));
        }
        assertEquals(List.of("grüße"), seen);
    }

    /** conmon at max-size: the log is replaced by a new file under the same name; a follow moves on to it. */
    @Test
    void followMovesOnWhenTheWriterReplacesTheFile() throws Exception {
        Path file = dir.resolve("c.log");
        Files.writeString(file, line(1, "stdout", 'F', "before"));
        CompletableFuture<Integer> exited = new CompletableFuture<>();
        List<String> seen = new CopyOnWriteArrayList<>();
        Thread reader = follow(file, exited, seen);
        waitFor(() -> seen.contains("before"));
        Files.writeString(file, line(2, "stdout", 'F', "last of the old file"), StandardOpenOption.APPEND);
        Path next = dir.resolve("c.log.next");
        Files.writeString(next, line(3, "stdout", 'F', "first of the new file"));
        Files.move(next, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        waitFor(() -> seen.contains("first of the new file"));
        exited.complete(0);
        reader.join(5000);
        assertEquals(List.of("before", "last of the old file", "first of the new file"), seen);
    }

    /** Follows {@code file} on a thread of its own until {@code exited}, collecting each line's text. */
    private Thread follow(Path file, CompletableFuture<Integer> exited, List<String> seen) {
        Thread reader = new Thread(() -> {
            try {
                logs.read(file, new LogQuery(-1, true), exited, e -> seen.add(e.line()));
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        reader.start();
        return reader;
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out");
            }
            Thread.sleep(10);
        }
    }

    @Test
    void asWrittenHandsOnEachPieceMarkedPartialOrNot() throws Exception {
        Path file = dir.resolve("tty.log");
        Files.writeString(file, line(1, "stdout", 'P', "/ # ") + line(2, "stdout", 'P', "ec")
                + line(3, "stdout", 'F', "ho hi\r") + line(4, "stdout", 'F', "hi\r") + line(5, "stdout", 'P', "/ # "));
        List<LogEntry> entries = read(file, new LogQuery(-1, false, true));
        assertEquals(List.of("/ # ", "ec", "ho hi\r", "hi\r", "/ # "), entries.stream().map(LogEntry::line).toList());
        assertEquals(List.of(true, true, false, false, true), entries.stream().map(LogEntry::partial).toList());
    }

    @Test
    void asWrittenTailCountsLinesNotPieces() throws Exception {
        Path file = dir.resolve("tty.log");
        Files.writeString(file, line(1, "stdout", 'F', "one\r") + line(2, "stdout", 'P', "t")
                + line(3, "stdout", 'P', "w") + line(4, "stdout", 'F', "o\r") + line(5, "stdout", 'P', "/ # "));
        List<LogEntry> entries = read(file, new LogQuery(2, false, true));
        assertEquals(List.of("t", "w", "o\r", "/ # "), entries.stream().map(LogEntry::line).toList());
    }

    @Test
    void tailStartsReadingNearTheEndOfALargeLog() throws Exception {
        Path file = dir.resolve("big.log");
        StringBuilder content = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            content.append(line(i % 40, "stdout", 'F', "line " + i));
        }
        content.append(line(1, "stdout", 'P', "last ")).append(line(2, "stdout", 'F', "one"));
        content.append(line(3, "stderr", 'P', "unfinished"));
        Files.writeString(file, content);
        try (LogFileCursor cursor = new LogFileCursor(file)) {
            cursor.startNearLastLines(2);
            assertTrue(cursor.position() > Files.size(file) - 400, "only the end is read: " + cursor.position());
        }
        assertEquals(List.of("line 19999", "last one", "unfinished"),
                read(file, new LogQuery(3, false)).stream().map(LogEntry::line).toList());
        assertEquals(List.of("last one", "unfinished"),
                read(file, new LogQuery(2, false)).stream().map(LogEntry::line).toList());
        assertEquals(List.of(), read(file, new LogQuery(0, false)));
        assertEquals(20_002, read(file, new LogQuery(50_000, false)).size(), "more than there are: all of them");
    }

    @Test
    void aHugeLineIsHandedOnInPiecesNotHeldWhole() throws Exception {
        Path file = dir.resolve("huge.log");
        StringBuilder content = new StringBuilder();
        String piece = "x".repeat(8192);
        for (int i = 0; i < 10; i++) {
            content.append(line(1, "stdout", 'P', piece));
        }
        content.append(line(2, "stdout", 'F', "end"));
        Files.writeString(file, content);
        List<LogEntry> entries = read(file, LogQuery.ALL);
        assertEquals(81_923, entries.stream().mapToInt(e -> e.line().length()).sum(), "every byte, once");
        assertTrue(entries.stream().allMatch(e -> e.line().length() <= LogAssembler.MAX_HELD), "none held whole");
        assertEquals(List.of(true, true, true, true, true, false), entries.stream().map(LogEntry::partial).toList());
    }
}
