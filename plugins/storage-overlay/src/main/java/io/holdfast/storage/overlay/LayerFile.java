package io.holdfast.storage.overlay;

import io.holdfast.common.io.AtomicFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads and writes a container's {@code layer.json}, {@code {"lowerdir": "/path/to/image/rootfs"}}: the lower layer
 * its overlay was made from, so that {@code restore} can mount it again after a reboot. The file is one flat object of
 * strings, so it is written and read here without a JSON library. Both methods block on disk I/O; writing syncs.
 */
final class LayerFile {
    private static final String LOWERDIR = "lowerdir";

    private LayerFile() {
    }

    /** Writes {@code file} atomically: a crash leaves the old content or the new, never a torn file. */
    static void write(Path file, Path lowerdir) throws IOException {
        String json = "{\"" + LOWERDIR + "\": " + quote(lowerdir.toString()) + "}\n";
        AtomicFile.write(file, json.getBytes(StandardCharsets.UTF_8));
    }

    /** The lower layer recorded in {@code file}; fails naming the container and the file if it is missing or bad. */
    static Path read(Path file, String containerId) throws IOException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IOException("container " + containerId + ": " + file + " is missing, so its lower layer is "
                    + "unknown", e);
        }
        try {
            String lowerdir = parse(text).get(LOWERDIR);
            if (lowerdir == null || lowerdir.isEmpty()) {
                throw new IllegalArgumentException("no \"" + LOWERDIR + "\"");
            }
            return Path.of(lowerdir);
        } catch (IllegalArgumentException e) {
            throw new IOException("container " + containerId + ": " + file + " is not valid: " + e.getMessage(), e);
        }
    }

    static String quote(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** Parses one JSON object whose values are all strings; throws IllegalArgumentException on anything else. */
    static Map<String, String> parse(String json) {
        Parser p = new Parser(json);
        Map<String, String> result = new LinkedHashMap<>();
        p.expect('{');
        if (!p.skipIf('}')) {
            do {
                String key = p.string();
                p.expect(':');
                result.put(key, p.string());
            } while (p.skipIf(','));
            p.expect('}');
        }
        p.end();
        return result;
    }

    private static final class Parser {
        private final String s;
        private int pos;

        Parser(String s) {
            this.s = s;
        }

        void skipSpace() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }

        boolean skipIf(char c) {
            skipSpace();
            if (pos < s.length() && s.charAt(pos) == c) {
                pos++;
                return true;
            }
            return false;
        }

        void expect(char c) {
            if (!skipIf(c)) {
                throw new IllegalArgumentException("expected '" + c + "' at offset " + pos);
            }
        }

        void end() {
            skipSpace();
            if (pos != s.length()) {
                throw new IllegalArgumentException("unexpected text at offset " + pos);
            }
        }

        String string() {
            expect('"');
            StringBuilder out = new StringBuilder();
            while (pos < s.length()) {
                char c = s.charAt(pos++);
                if (c == '"') {
                    return out.toString();
                }
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                if (pos >= s.length()) {
                    break;
                }
                char e = s.charAt(pos++);
                switch (e) {
                    case '"', '\\', '/' -> out.append(e);
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'u' -> {
                        if (pos + 4 > s.length()) {
                            throw new IllegalArgumentException("truncated \\u escape at offset " + pos);
                        }
                        try {
                            out.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16));
                        } catch (NumberFormatException x) {
                            throw new IllegalArgumentException("bad \\u escape at offset " + pos);
                        }
                        pos += 4;
                    }
                    default -> throw new IllegalArgumentException("bad escape '\\" + e + "' at offset " + pos);
                }
            }
            throw new IllegalArgumentException("unterminated string");
        }
    }
}
