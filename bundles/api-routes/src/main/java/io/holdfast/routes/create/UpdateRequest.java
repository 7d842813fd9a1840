package io.holdfast.routes.create;

import com.fasterxml.jackson.databind.JsonNode;
import io.holdfast.spi.container.ContainerSpec;
import io.holdfast.spi.container.EngineException;
import io.holdfast.spi.container.EngineException.Kind;
import io.holdfast.spi.container.ResourceLimits;
import io.holdfast.spi.container.RestartPolicy;
import java.util.Set;

/**
 * Docker's {@code UpdateConfig} ({@code POST /containers/{id}/update}) over what a container has now: a field left
 * at 0 keeps its value, as in Docker; {@code PidsLimit} -1 lifts the limit. Every other field the client sent with
 * a value is refused by name, as at create.
 *
 * @param limits        the container's complete limits after the update
 * @param restartPolicy the new restart policy, or {@code null} to keep the one it has
 */
public record UpdateRequest(ResourceLimits limits, RestartPolicy restartPolicy) {
    private static final Set<String> SUPPORTED = Set.of("Memory", "MemorySwap", "NanoCpus", "CpuShares", "CpuQuota",
            "CpuPeriod", "PidsLimit", "RestartPolicy");

    public static UpdateRequest translate(ContainerSpec current, JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new EngineException(Kind.INVALID, "the update body must be a JSON object");
        }
        JsonFields fields = new JsonFields(body, "");
        SupportedFields.refuseUnsupported(fields, SUPPORTED, "");
        ResourceLimits now = current.resources();
        long memory = or(fields.number("Memory", 0), now.memory());
        long swap = or(fields.number("MemorySwap", 0), now.memorySwap());
        if (fields.number("MemorySwap", 0) == 0 && swap > 0 && memory > swap) {
            throw new EngineException(Kind.INVALID, "Memory limit should be smaller than already set memoryswap "
                    + "limit, update the memoryswap at the same time");
        }
        long pids = fields.number("PidsLimit", 0);
        try {
            ResourceLimits limits = new ResourceLimits(memory, swap, or(fields.number("NanoCpus", 0), now.nanoCpus()),
                    or(fields.number("CpuShares", 0), now.cpuShares()), or(fields.number("CpuQuota", 0), now.cpuQuota()),
                    or(fields.number("CpuPeriod", 0), now.cpuPeriod()), pids == 0 ? now.pidsLimit() : Math.max(0, pids));
            return new UpdateRequest(limits, restartPolicy(fields));
        } catch (IllegalArgumentException invalid) {
            throw new EngineException(Kind.INVALID, invalid.getMessage());
        }
    }

    private static RestartPolicy restartPolicy(JsonFields fields) {
        if (fields.node("RestartPolicy") == null || fields.node("RestartPolicy").isNull()) {
            return null;
        }
        JsonFields policy = fields.object("RestartPolicy");
        String name = policy.string("Name");
        return name == null || name.isEmpty() ? null
                : new RestartPolicy(name, (int) policy.number("MaximumRetryCount", 0));
    }

    private static long or(long requested, long current) {
        return requested != 0 ? requested : current;
    }
}
