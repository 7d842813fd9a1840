package io.holdfast.api.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShellLineTest {

    @Test
    void theWordUnderTheCursorBelongsToTheLastStatement() {
        ShellLine at = ShellLine.at("lb | grep x; holdfast:stop -t 3 we", 34);
        assertEquals("holdfast:stop", at.command());
        assertEquals("we", at.currentWord());
        assertEquals(3, at.wordIndex());
    }

    @Test
    void aSpaceBeforeTheCursorStartsAnEmptyWord() {
        ShellLine at = ShellLine.at("holdfast:ps ", 12);
        assertEquals("", at.currentWord());
        assertEquals(1, at.wordIndex());
    }

    @Test
    void theCommandItselfIsWordZero() {
        ShellLine at = ShellLine.at("hold", 4);
        assertEquals("", at.command());
        assertEquals("hold", at.currentWord());
        assertEquals(0, at.wordIndex());
    }

    @Test
    void aQuotedSpaceDoesNotSplitAWord() {
        ShellLine at = ShellLine.at("echo 'a b' c", 12);
        assertEquals(List.of("echo", "'a b'"), at.words());
        assertEquals("c", at.currentWord());
    }

    @Test
    void onlyWhatIsBeforeTheCursorCounts() {
        ShellLine at = ShellLine.at("holdfast:stop web", 8);
        assertEquals("holdfast", at.currentWord());
        assertEquals(0, at.wordIndex());
    }

    @Test
    void everyStatementsWordsAreSearchedForCommands() {
        assertEquals(List.of("holdfast:ps", "-a", "restore:plan", "grep", "x"),
                ShellLine.allWords("holdfast:ps -a; restore:plan | grep x"));
    }
}
