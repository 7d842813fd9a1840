package io.holdfast.supervisor.containers;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Predicate;

/** Docker-style ids (64 hex characters, never all digits in the short form) and names ({@code brave_tern}). */
final class NameGenerator {
    private static final List<String> ADJECTIVES = List.of("brave", "calm", "eager", "fond", "keen", "lucid",
            "merry", "nimble", "quiet", "steady", "sturdy", "tidy", "vivid", "wise", "zesty", "bold");
    private static final List<String> NOUNS = List.of("anchor", "barnacle", "kelp", "limpet", "mussel", "tern",
            "cormorant", "heron", "otter", "seal", "gannet", "puffin", "urchin", "wrasse", "dulse", "sprat");
    private final SecureRandom random = new SecureRandom();

    String newId() {
        while (true) {
            byte[] bytes = new byte[32];
            random.nextBytes(bytes);
            String id = HexFormat.of().formatHex(bytes);
            if (!id.substring(0, 12).chars().allMatch(Character::isDigit)) {
                return id; // an all-digit short id could be mistaken for a number
            }
        }
    }

    String newName(Predicate<String> taken) {
        for (int attempt = 0; ; attempt++) {
            String name = ADJECTIVES.get(random.nextInt(ADJECTIVES.size())) + "_"
                    + NOUNS.get(random.nextInt(NOUNS.size())) + (attempt < 10 ? "" : Integer.toString(attempt));
            if (!taken.test(name)) {
                return name;
            }
        }
    }

    static void checkName(String name) {
        if (!name.matches("[a-zA-Z0-9][a-zA-Z0-9_.-]*")) {
            throw new io.holdfast.spi.container.EngineException(io.holdfast.spi.container.EngineException.Kind.INVALID,
                    "Invalid container name (" + name + "), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed");
        }
    }
}
