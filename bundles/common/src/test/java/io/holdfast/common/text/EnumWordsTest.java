package io.holdfast.common.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;

class EnumWordsTest {
    @Test
    void underscoresBecomeDashesInLowerCase() {
        assertEquals("truncate-existing", EnumWords.word(StandardOpenOption.TRUNCATE_EXISTING));
        assertEquals("append", EnumWords.word(StandardOpenOption.APPEND));
    }
}
