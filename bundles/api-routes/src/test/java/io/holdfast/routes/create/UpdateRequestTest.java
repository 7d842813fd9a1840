package io.holdfast.routes.create;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.holdfast.spi.container.ContainerSpec;
import io.holdfast.spi.container.EngineException;
import io.holdfast.spi.container.ResourceLimits;
import io.holdfast.spi.container.RestartPolicy;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UpdateRequestTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ResourceLimits NOW = new ResourceLimits(64L << 20, 128L << 20, 0, 512, 0, 0, 50);
    private static final ContainerSpec SPEC = new ContainerSpec("web", "busybox", List.of(), List.of(), null, false,
            "bridge", null, 10, null, null, null, NOW, null, null);

    private static UpdateRequest update(String json) throws Exception {
        return UpdateRequest.translate(SPEC, JSON.readTree(json));
    }

    @Test
    void zeroKeepsAValueAndMinusOneLiftsThePidsLimit() throws Exception {
        UpdateRequest kept = update("{\"Memory\":0,\"CpuShares\":0,\"PidsLimit\":0,\"BlkioWeight\":0,"
                + "\"CpusetCpus\":\"\",\"RestartPolicy\":{\"Name\":\"\",\"MaximumRetryCount\":0}}");
        assertEquals(NOW, kept.limits(), "what the docker CLI sends for an untouched field changes nothing");
        assertNull(kept.restartPolicy());
        UpdateRequest changed = update("{\"Memory\":100663296,\"PidsLimit\":-1,\"RestartPolicy\":{\"Name\":\"always\"}}");
        assertEquals(new ResourceLimits(96L << 20, 128L << 20, 0, 512, 0, 0, 0), changed.limits());
        assertEquals(new RestartPolicy("always", 0), changed.restartPolicy());
    }

    @Test
    void refusesWhatItCannotDoByName() {
        EngineException cpuset = assertThrows(EngineException.class, () -> update("{\"CpusetCpus\":\"0\"}"));
        assertTrue(cpuset.getMessage().contains("CpusetCpus"), cpuset.getMessage());
        EngineException swap = assertThrows(EngineException.class, () -> update("{\"Memory\":268435456}"));
        assertTrue(swap.getMessage().contains("update the memoryswap at the same time"), swap.getMessage());
        EngineException conflict = assertThrows(EngineException.class, () -> UpdateRequest.translate(
                SPEC.updated(new ResourceLimits(0, 0, 500_000_000L, 0, 0, 0, 0), null),
                JSON.valueToTree(Map.of("CpuQuota", 20_000))));
        assertTrue(conflict.getMessage().contains("Nano CPUs"), conflict.getMessage());
    }
}
