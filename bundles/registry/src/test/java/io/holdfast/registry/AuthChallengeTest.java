package io.holdfast.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuthChallengeTest {

    @Test
    void dockerHubsBearerChallenge() {
        List<AuthChallenge> c = AuthChallenge.parse("Bearer realm=\"https://auth.docker.io/token\","
                + "service=\"registry.docker.io\",scope=\"repository:library/busybox:pull,push\"");
        assertEquals(1, c.size());
        assertEquals("bearer", c.get(0).scheme());
        assertEquals("https://auth.docker.io/token", c.get(0).param("realm"));
        assertEquals("repository:library/busybox:pull,push", c.get(0).param("scope"));
    }

    @Test
    void basicWithARealm() {
        assertEquals(List.of(new AuthChallenge("basic", Map.of("realm", "Registry Realm"))),
                AuthChallenge.parse("Basic realm=\"Registry Realm\""));
    }

    @Test
    void twoChallengesTokensAndEscapes() {
        List<AuthChallenge> c = AuthChallenge.parse("Basic realm=r1, Bearer realm=\"a \\\"q\\\"\", error=invalid_token");
        assertEquals(2, c.size());
        assertEquals("r1", c.get(0).param("realm"));
        assertEquals("bearer", c.get(1).scheme());
        assertEquals("a \"q\"", c.get(1).param("realm"));
        assertEquals("invalid_token", c.get(1).param("error"));
    }

    @Test
    void aSchemeWithoutParameters() {
        assertEquals(List.of(new AuthChallenge("basic", Map.of())), AuthChallenge.parse("Basic"));
        assertEquals(List.of(), AuthChallenge.parse(""));
    }

    @Test
    void anUnterminatedQuoteIsNamed() {
        assertThrows(IllegalArgumentException.class, () -> AuthChallenge.parse("Bearer realm=\"https://x"));
    }
}
