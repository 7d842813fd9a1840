package io.holdfast.cli.engine;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Percent-encoding for the user-supplied parts of request targets. */
final class UriEncoding {

    private static final String PATH_SAFE = "-._~!$&'()*+,;=:@"; // RFC 3986 pchar, beyond letters and digits

    private UriEncoding() {}

    /** Encodes one path segment; '/' is encoded too, so a ref can never reach another route. */
    static String pathSegment(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || PATH_SAFE.indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }

    static String queryValue(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
