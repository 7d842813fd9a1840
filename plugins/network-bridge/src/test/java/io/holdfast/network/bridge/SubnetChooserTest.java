package io.holdfast.network.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SubnetChooserTest {
    private static final List<Map<String, Object>> POOLS = List.of(
            Map.of("base", "10.10.0.0/24", "size", 26), Map.of("base", "10.20.0.0/16", "size", 24));

    @Test
    void takesTheFirstSubnetOfTheFirstPoolWhenNothingIsInUse() {
        assertEquals("10.10.0.0/26", SubnetChooser.choose(POOLS, List.of()).toString());
        assertEquals("10.10.0.1/26", SubnetChooser.bip(SubnetChooser.choose(POOLS, List.of())));
    }

    @Test
    void skipsSubnetsThatOverlapNetworksInUseAndMovesToTheNextPool() {
        List<Ipv4Network> taken = List.of(Ipv4Network.parse("10.10.0.0/26"), Ipv4Network.parse("10.10.0.64/26"),
                Ipv4Network.parse("10.10.0.128/25"));
        assertEquals("10.20.0.0/24", SubnetChooser.choose(POOLS, taken).toString());
        assertEquals("10.10.0.128/26", SubnetChooser.choose(POOLS, taken.subList(0, 2)).toString());
    }

    @Test
    void aHostAddressInsideACandidateRulesItOut() {
        assertEquals("10.10.0.64/26", SubnetChooser.choose(POOLS, List.of(Ipv4Network.parse("10.10.0.5/32")))
                .toString());
    }

    @Test
    void withoutPoolsCutsTwentyFoursFromTheFallbackBase() {
        assertEquals("10.210.0.0/24", SubnetChooser.choose(List.of(), List.of()).toString());
    }

    @Test
    void aFullPoolIsAClearError() {
        IllegalStateException full = assertThrows(IllegalStateException.class, () -> SubnetChooser.choose(
                List.of(Map.of("base", "10.10.0.0/24", "size", 24)), List.of(Ipv4Network.parse("10.0.0.0/8"))));
        assertTrue(full.getMessage().contains("non-overlapping"), full.getMessage());
    }
}
