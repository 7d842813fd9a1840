package io.holdfast.registry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One challenge of a {@code WWW-Authenticate} header (RFC 7235): a scheme and its parameters, e.g.
 * {@code Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:a/b:pull"}.
 *
 * @param scheme lower-case: {@code bearer}, {@code basic}
 * @param params parameter names lower-case, values unquoted
 */
public record AuthChallenge(String scheme, Map<String, String> params) {

    public String param(String name) {
        return params.getOrDefault(name, "");
    }

    /** Every challenge in {@code header}; values may be quoted strings with commas and {@code \"} escapes. */
    public static List<AuthChallenge> parse(String header) {
        List<AuthChallenge> challenges = new ArrayList<>();
        if (header == null) {
            return challenges;
        }
        Cursor c = new Cursor(header);
        while (c.skipSpaceAndCommas()) {
            String scheme = c.token();
            if (scheme.isEmpty()) {
                throw new IllegalArgumentException("WWW-Authenticate: expected a scheme at offset " + c.pos
                        + " in \"" + header + "\"");
            }
            Map<String, String> params = new LinkedHashMap<>();
            while (true) {
                int mark = c.pos;
                c.skipSpaceAndCommas();
                String name = c.token();
                c.skipSpace();
                if (name.isEmpty() || !c.consume('=')) {
                    c.pos = mark; // the next challenge's scheme, or the end
                    break;
                }
                c.skipSpace();
                params.put(name.toLowerCase(Locale.ROOT), c.peek() == '"' ? c.quoted(header) : c.token());
            }
            challenges.add(new AuthChallenge(scheme.toLowerCase(Locale.ROOT), params));
        }
        return challenges;
    }

    private static final class Cursor {
        private final String s;
        private int pos;

        Cursor(String s) {
            this.s = s;
        }

        char peek() {
            return pos < s.length() ? s.charAt(pos) : '\0';
        }

        boolean consume(char ch) {
            if (peek() == ch) {
                pos++;
                return true;
            }
            return false;
        }

        void skipSpace() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }

        boolean skipSpaceAndCommas() {
            while (pos < s.length() && (Character.isWhitespace(s.charAt(pos)) || s.charAt(pos) == ',')) {
                pos++;
            }
            return pos < s.length();
        }

        String token() {
            int start = pos;
            while (pos < s.length() && "=,\" \t".indexOf(s.charAt(pos)) < 0) {
                pos++;
            }
            return s.substring(start, pos);
        }

        String quoted(String header) {
            StringBuilder out = new StringBuilder();
            pos++; // opening quote
            while (pos < s.length()) {
                char ch = s.charAt(pos++);
                if (ch == '"') {
                    return out.toString();
                }
                if (ch == '\\' && pos < s.length()) {
                    ch = s.charAt(pos++);
                }
                out.append(ch);
            }
            throw new IllegalArgumentException("WWW-Authenticate: unterminated quoted string in \"" + header + "\"");
        }
    }
}
