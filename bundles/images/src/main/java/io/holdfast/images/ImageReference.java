package io.holdfast.images;

import io.holdfast.spi.container.EngineException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A {@code name:tag} reference, parsed with Docker's grammar: lower-case path components separated by {@code /},
 * each {@code [a-z0-9]+} joined by {@code .}, {@code _}, {@code __} or dashes; the tag defaults to {@code latest}.
 * A first component with a dot, a colon or {@code localhost} is a registry host, as in Docker
 * ({@code 127.0.0.1:5000/app:1}, from a pull); digests are not tags and are refused here.
 */
record ImageReference(String name, String tag) {
    static final String DEFAULT_TAG = "latest";

    private static final Pattern COMPONENT = Pattern.compile("[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*");
    private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");
    private static final Pattern HOST = Pattern.compile(
            "[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*(?::[0-9]{1,5})?");
    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");
    private static final int MAX_NAME = 255;

    /** Parses {@code reference}, or throws {@code INVALID} with Docker's "invalid reference format" sentence. */
    static ImageReference parse(String reference) {
        String problem = problem(reference);
        if (problem != null) {
            throw new EngineException(EngineException.Kind.INVALID,
                    "invalid reference format: " + problem + ": \"" + reference + "\"");
        }
        return split(reference);
    }

    /** The reference, or empty when it is not a valid {@code name[:tag]}; for lookups that fall back to ids. */
    static Optional<ImageReference> tryParse(String reference) {
        return problem(reference) == null ? Optional.of(split(reference)) : Optional.empty();
    }

    /** Why {@code reference} is not valid, or {@code null} when it is. */
    private static String problem(String reference) {
        if (reference == null || reference.isEmpty()) {
            return "empty reference";
        }
        ImageReference parts = split(reference);
        if (parts.name.isEmpty() || parts.name.length() > MAX_NAME) {
            return "repository name must be 1 to " + MAX_NAME + " characters";
        }
        String path = parts.name;
        int slash = path.indexOf('/');
        if (slash > 0 && isRegistryHost(path.substring(0, slash))) {
            if (!HOST.matcher(path.substring(0, slash)).matches()) {
                return "bad registry host \"" + path.substring(0, slash) + "\"";
            }
            path = path.substring(slash + 1);
        }
        if (!path.equals(path.toLowerCase(java.util.Locale.ROOT))) {
            return "repository name must be lowercase";
        }
        for (String component : path.split("/", -1)) {
            if (!COMPONENT.matcher(component).matches()) {
                return "bad repository name component \"" + component + "\"";
            }
        }
        if (HEX64.matcher(parts.name).matches()) {
            return "repository name cannot be a 64-character hexadecimal string";
        }
        if (!TAG.matcher(parts.tag).matches()) {
            return "bad tag \"" + parts.tag + "\"";
        }
        return null;
    }

    private static boolean isRegistryHost(String first) {
        return first.contains(".") || first.contains(":") || first.equals("localhost");
    }

    /** Splits at the last colon that comes after the last slash; no colon means the default tag. */
    private static ImageReference split(String reference) {
        int colon = reference.lastIndexOf(':');
        if (colon < 0 || colon < reference.lastIndexOf('/')) {
            return new ImageReference(reference, DEFAULT_TAG);
        }
        return new ImageReference(reference.substring(0, colon), reference.substring(colon + 1));
    }

    @Override
    public String toString() {
        return name + ":" + tag;
    }
}
