package org.neuroquantum.spi.config;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Provider names: lower-case letters, digits and dashes; a leading digit is allowed ({@code 2q}). */
class ProviderNameTest {
    @Test
    void acceptsLettersDigitsAndDashesIncludingALeadingDigit() {
        Validator v = Validators.providerName();
        for (String name : List.of("lru", "2q", "s3-fifo", "w-tinylfu", "")) {
            assertDoesNotThrow(() -> v.ensureValid(name), name);
        }
        assertDoesNotThrow(() -> v.ensureValid(List.of("2q", "lru")));
    }

    @Test
    void refusesUpperCaseLeadingDashesAndOtherCharacters() {
        Validator v = Validators.providerName();
        for (String name : List.of("LRU", "-lru", "s3_fifo", "two q")) {
            assertThrows(IllegalArgumentException.class, () -> v.ensureValid(name), name);
        }
    }
}
