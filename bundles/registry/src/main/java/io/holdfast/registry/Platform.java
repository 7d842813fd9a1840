package io.holdfast.registry;

import java.util.Locale;

/**
 * The platform an index entry is picked for: {@code linux/amd64}, {@code linux/arm64/v8}, as {@code --platform}
 * spells it.
 *
 * @param os           {@code linux}
 * @param architecture Go's names: {@code amd64}, {@code arm64}, {@code arm}, {@code 386}, ...
 * @param variant      {@code v8}, {@code v7}; empty matches any
 */
public record Platform(String os, String architecture, String variant) {

    /** The engine's own platform, the default when no {@code --platform} is given. */
    public static Platform host() {
        String arch = System.getProperty("os.arch", "amd64").toLowerCase(Locale.ROOT);
        String goArch = switch (arch) {
            case "x86_64", "amd64" -> "amd64";
            case "aarch64", "arm64" -> "arm64";
            case "x86", "i386", "i686" -> "386";
            case "arm" -> "arm";
            case "ppc64le" -> "ppc64le";
            case "s390x" -> "s390x";
            default -> arch;
        };
        return new Platform("linux", goArch, "");
    }

    /** Parses {@code os/arch[/variant]}; throws {@link IllegalArgumentException} naming the bad value. */
    public static Platform parse(String text) {
        if (text == null || text.isBlank()) {
            return host();
        }
        String[] parts = text.toLowerCase(Locale.ROOT).split("/", -1);
        if (parts.length < 2 || parts.length > 3 || parts[0].isEmpty() || parts[1].isEmpty()) {
            throw new IllegalArgumentException(
                    "invalid platform \"" + text + "\": expected os/architecture[/variant], e.g. linux/arm64");
        }
        String arch = parts[1].equals("x86_64") ? "amd64" : parts[1].equals("aarch64") ? "arm64" : parts[1];
        return new Platform(parts[0], arch, parts.length == 3 ? parts[2] : "");
    }

    /** Whether an index entry's platform fits: same os and architecture, and the variant when both name one. */
    public boolean accepts(String entryOs, String entryArch, String entryVariant) {
        if (!os.equals(entryOs) || !architecture.equals(entryArch)) {
            return false;
        }
        return variant.isEmpty() || entryVariant == null || entryVariant.isEmpty() || variant.equals(entryVariant);
    }

    @Override
    public String toString() {
        return os + "/" + architecture + (variant.isEmpty() ? "" : "/" + variant);
    }
}
