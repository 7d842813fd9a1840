package io.holdfast.docker.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** {@code POST /containers/{id}/update}'s answer (moby's {@code container.ContainerUpdateOKBody}). */
public record UpdateResponse(@JsonProperty("Warnings") List<String> warnings) {
}
