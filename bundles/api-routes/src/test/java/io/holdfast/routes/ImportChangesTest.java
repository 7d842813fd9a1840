package io.holdfast.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.holdfast.spi.container.EngineException;
import io.holdfast.spi.image.ImageConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ImportChangesTest {
    @Test
    void theInstructionsDockerImportTakesBecomeTheConfig() {
        ImageConfig config = ImportChanges.parse(List.of("CMD [\"httpd\", \"-f\"]", "ENTRYPOINT /init",
                "ENV A=1 B=\"two words\"", "env C 3", "WORKDIR /www", "USER www", "STOPSIGNAL SIGUSR1",
                "LABEL team=web", "EXPOSE 80 53/UDP", "EXPOSE 443/tcp"));
        assertEquals(new ImageConfig(List.of("httpd", "-f"), List.of("/bin/sh", "-c", "/init"),
                List.of("A=1", "B=two words", "C=3"), "/www", "www", "SIGUSR1", Map.of("team", "web"),
                null, List.of("80/tcp", "53/udp", "443/tcp")), config);
        assertEquals(ImageConfig.NONE, ImportChanges.parse(List.of()));
    }

    @Test
    void whatWouldNotBeHonouredIsRefusedByName() {
        assertEquals("changes: \"ONBUILD RUN true\": ONBUILD is not supported by docker import on Holdfast (supported:"
                + " CMD, ENTRYPOINT, ENV, EXPOSE, HEALTHCHECK, LABEL, STOPSIGNAL, USER, VOLUME, WORKDIR)",
                assertThrows(EngineException.class, () -> ImportChanges.parse(List.of("ONBUILD RUN true")))
                        .getMessage());
        assertEquals("changes: \"EXPOSE http\": exposed port \"http\": expected PORT[/tcp|udp]",
                assertThrows(EngineException.class, () -> ImportChanges.parse(List.of("EXPOSE http"))).getMessage());
        assertEquals("changes: \"CMD [\"a\"\": expected a JSON array of strings",
                assertThrows(EngineException.class, () -> ImportChanges.parse(List.of("CMD [\"a\""))).getMessage());
        assertEquals("changes: \"VOLUME data\": \"data\": a volume needs an absolute path",
                assertThrows(EngineException.class, () -> ImportChanges.parse(List.of("VOLUME data"))).getMessage());
        assertEquals("changes: \"WORKDIR srv\": WORKDIR must be an absolute path",
                assertThrows(EngineException.class, () -> ImportChanges.parse(List.of("WORKDIR srv"))).getMessage());
    }

    @Test
    void aHealthcheckInstructionGivesTheImageItsHealthCheck() {
        var check = ImportChanges.parse(List.of("HEALTHCHECK --interval=2s --retries=4 CMD test -f /ok"))
                .healthcheck();
        assertEquals(List.of("CMD-SHELL", "test -f /ok"), check.test());
        assertEquals(java.time.Duration.ofSeconds(2), check.interval());
        assertEquals(4, check.retries());
        assertEquals(List.of("CMD", "true"), ImportChanges.parse(List.of("HEALTHCHECK CMD [\"true\"]")).healthcheck()
                .test());
        assertEquals(io.holdfast.spi.container.HealthConfig.NONE,
                ImportChanges.parse(List.of("HEALTHCHECK NONE")).healthcheck());
        assertEquals("changes: \"HEALTHCHECK --interval=2 CMD true\": --interval \"2\": expected a duration such as "
                + "30s, 1m30s or 500ms", assertThrows(EngineException.class, () -> ImportChanges.parse(
                        List.of("HEALTHCHECK --interval=2 CMD true"))).getMessage());
    }

    @Test
    void volumeInstructionsInBothFormsDeclareTheImagesVolumes() {
        assertEquals(List.of("/data", "/logs", "/var/lib/db"),
                ImportChanges.parse(List.of("VOLUME /data /logs", "VOLUME [\"/var/lib/db\"]")).volumes());
    }
}
