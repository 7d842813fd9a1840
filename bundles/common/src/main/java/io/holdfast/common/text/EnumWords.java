package io.holdfast.common.text;

import java.util.Locale;

/**
 * An enum constant as the API and the shell print it: {@code EXITED_WHILE_DOWN} is {@code exited-while-down}. Both
 * the API's JSON and the Gogo commands spell outcomes this way, so clients can match one against the other.
 */
public final class EnumWords {
    private EnumWords() {
    }

    public static String word(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
