package io.holdfast.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.junit.jupiter.api.Test;

class RouterTest {
    private final Router.Handler inspect = e -> { };
    private final Router.Handler remove = e -> { };
    private final Router router = new Router()
            .add("GET", "/containers/{id}/json", inspect)
            .add("DELETE", "/containers/{id}", remove)
            .add("POST", "/restore/containers/{ref}/stop", e -> { });

    @Test
    void aTemplateMatchesWithItsParametersDecoded() {
        Router.Match match = router.find("GET", "/containers/my%20web/json");
        assertSame(inspect, match.handler());
        assertEquals(List.of("my web"), match.params());
    }

    @Test
    void theMethodPicksAmongRoutesOfOnePath() {
        assertSame(remove, router.find("DELETE", "/containers/web").handler());
        assertEquals(List.of("web"), router.find("DELETE", "/containers/web").params());
    }

    @Test
    void aKnownPathWithAnotherMethodGetsTheRouteThatAnswers405() {
        Router.Match match = router.find("PUT", "/containers/web");
        assertNotNull(match, "a path some route has is not unknown");
        assertNotSame(remove, match.handler());
        assertEquals(List.of(), match.params());
    }

    @Test
    void anUnknownPathHasNoRoute() {
        assertNull(router.find("GET", "/containers/web/top"));
        assertNull(router.find("GET", "/v1.41/containers/web/json"), "the version prefix is dropped before routing");
        assertNull(router.find("GET", "/containers//json"), "a parameter is never empty");
    }
}
