package io.holdfast.api.shell;

import java.util.ArrayList;
import java.util.List;

/**
 * The statement under the cursor, split into words, for completion: what was typed after the last {@code ;} or
 * {@code |} before the cursor. Quotes are honoured only so far as a quoted space does not split a word.
 *
 * <pre>{@code
 * ShellLine l = ShellLine.at("lb | grep x; holdfast:stop -t 3 we", 35);
 * l.command();      // "holdfast:stop"
 * l.currentWord();  // "we"
 * l.wordIndex();    // 3
 * }</pre>
 */
record ShellLine(List<String> words, String currentWord) {

    static ShellLine at(String line, int cursor) {
        String before = line.substring(0, Math.max(0, Math.min(cursor, line.length())));
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (char c : before.toCharArray()) {
            if (quote != 0) {
                word.append(c);
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                word.append(c);
                inWord = true;
            } else if (c == ';' || c == '|') {
                words.clear();
                word.setLength(0);
                inWord = false;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        return new ShellLine(List.copyOf(words), inWord ? word.toString() : "");
    }

    /** Every word of every statement of {@code line}: where the commands it names are looked for. */
    static List<String> allWords(String line) {
        return java.util.Arrays.stream(line.split("[\\s;|{}()\\[\\]]+")).filter(w -> !w.isEmpty()).toList();
    }

    /** The first word of the statement, or "" when the cursor is on it. */
    String command() {
        return words.isEmpty() ? "" : words.get(0);
    }

    /** 0 for the command itself, 1 for its first argument, ... */
    int wordIndex() {
        return words.size();
    }
}
