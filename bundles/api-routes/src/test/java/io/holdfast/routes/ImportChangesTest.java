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
                List.of("80/tcp", "53/udp", "443/tcp")), config);
        assertEquals(ImageConfig.NONE, ImportChanges.parse(List.of()));
    }

    @Test
    void whatWouldNotBeHonouredIsRefusedByName() {
        assertEquals("changes: \"ONBUILD RUN true\": ONBUILD is not supported by docker import on Holdfast (supported:"
                + " CMD, ENTRYPOINT, ENV, EXPOSE, LABEL, STOPSIGNAL, USER, WORKDIR)",
                assertThrows(EngineException.class, () -> ImportChanges.parse(List.of("ONBUILD RUN true")))
                        .getMessage());
        assertEquals("changes: \"EXPOSE http\": exposed port \"http\": expected PORT[/tcp|udp]",
                assertThrows(EngineException.class, () -> ImportChanges.parse(List.of("EXPOSE http"))).getMessage());
        assertEquals("changes: \"CMD [\"a\"\": expected a JSON array of strings",
                assertThrows(EngineException.class, () -> ImportChanges.parse(List.of("CMD [\"a\""))).getMessage());
        assertEquals("changes: \"WORKDIR srv\": WORKDIR must be an absolute path",
                assertThrows(EngineException.class, () -> ImportChanges.parse(List.of("WORKDIR srv"))).getMessage());
    }
}
