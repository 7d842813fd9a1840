package io.holdfast.network.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LeaseFileTest {
    @TempDir
    Path dir;

    @Test
    void missingFileMeansNoLeases() throws IOException {
        LeaseFile.Contents contents = new LeaseFile(dir.resolve("leases.json")).load();
        assertNull(contents.last());
        assertTrue(contents.leases().isEmpty());
    }

    @Test
    void livesUnderTheDataRootPerBridge() {
        assertEquals(dir.resolve("network/bridge/holdfast0/leases.json"), LeaseFile.under(dir, "holdfast0").path());
    }

    @Test
    void roundTripsAsReadableJsonWithoutLeftovers() throws IOException {
        LeaseFile file = LeaseFile.under(dir, "br0");
        Subnet subnet = Subnet.parse("172.30.0.1/16");
        file.save(subnet, new LeaseFile.Contents(Ipv4.parse("172.30.1.7"),
                Map.of("bbb", Ipv4.parse("172.30.1.7"), "aaa", Ipv4.parse("172.30.0.2"))));

        LeaseFile.Contents loaded = new LeaseFile(file.path()).load();
        assertEquals(Ipv4.parse("172.30.1.7"), loaded.last());
        assertEquals(Map.of("aaa", Ipv4.parse("172.30.0.2"), "bbb", Ipv4.parse("172.30.1.7")), loaded.leases());

        JsonNode json = new ObjectMapper().readTree(file.path().toFile());
        assertEquals("172.30.0.0/16", json.get("subnet").asText());
        assertEquals("172.30.1.7", json.get("last").asText());
        assertEquals("172.30.0.2", json.get("leases").get("aaa").asText());
        try (Stream<Path> files = Files.list(file.path().getParent())) {
            assertEquals(1, files.count(), "no temporary file left beside it");
        }
    }

    @Test
    void unknownLastIsOmitted() throws IOException {
        LeaseFile file = new LeaseFile(dir.resolve("leases.json"));
        file.save(Subnet.parse("10.0.0.1/24"), LeaseFile.Contents.empty());
        assertFalse(Files.readString(file.path()).contains("last"));
        assertNull(file.load().last());
    }

    @Test
    void corruptFileIsMovedAsideAndReadsAsEmpty() throws IOException {
        Path path = dir.resolve("leases.json");
        Files.writeString(path, "{\"leases\": {\"a\": \"10.0.0.300\"}}");
        LeaseFile.Contents contents = new LeaseFile(path).load();
        assertTrue(contents.leases().isEmpty());
        assertFalse(Files.exists(path));
        assertTrue(Files.exists(dir.resolve("leases.json.corrupt")));

        Files.writeString(path, "{not json");
        assertTrue(new LeaseFile(path).load().leases().isEmpty());
        assertFalse(Files.exists(path));
    }
}
