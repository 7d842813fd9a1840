package io.holdfast.cli.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OutputFormatsTest {

    @Test
    void tablesPadEveryColumnButTheLastLikeDockersTabwriter() {
        List<String> lines = Tables.render(List.of("CONTAINER ID", "IMAGE", "NAMES"),
                List.of(List.of("0123456789ab", "busybox:latest", "web"), List.of("ba9876543210", "x", "a-much-longer-name")));

        assertEquals(List.of(
                "CONTAINER ID   IMAGE            NAMES",
                "0123456789ab   busybox:latest   web",
                "ba9876543210   x                a-much-longer-name"), lines);
    }

    @Test
    void narrowColumnsStillTakeTenCharacters() {
        assertEquals(List.of("ID        X", "1         2"), Tables.render(List.of("ID", "X"), List.of(List.of("1", "2"))));
    }

    @Test
    void sizesUseDockersUnits() {
        assertEquals("0B", HumanSize.decimal(0));
        assertEquals("999B", HumanSize.decimal(999));
        assertEquals("4.26MB", HumanSize.decimal(4_261_574));
        assertEquals("1.5kB", HumanSize.decimal(1_500));
        assertEquals("123MB", HumanSize.decimal(123_400_000));
        assertEquals("7.637GiB", HumanSize.binary(8_200_000_000L));
        assertEquals("512MiB", HumanSize.binary(512L * 1024 * 1024));
    }

    @Test
    void prettyJsonIndentsLikeDockerInspect() throws IOException {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("Running", true);
        state.put("ExitCode", 0);
        Map<String, Object> container = new LinkedHashMap<>();
        container.put("Id", "abc");
        container.put("Args", List.of());
        container.put("Labels", Map.of());
        container.put("State", state);
        container.put("Cmd", List.of("sh", "-c", "echo \"hi\""));
        container.put("Path", null);

        assertEquals("""
                [
                    {
                        "Id": "abc",
                        "Args": [],
                        "Labels": {},
                        "State": {
                            "Running": true,
                            "ExitCode": 0
                        },
                        "Cmd": [
                            "sh",
                            "-c",
                            "echo \\"hi\\""
                        ],
                        "Path": null
                    }
                ]""", PrettyJson.format(List.of(container)));
    }
}
