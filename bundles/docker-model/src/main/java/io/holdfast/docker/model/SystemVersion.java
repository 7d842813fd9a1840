package io.holdfast.docker.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code GET /version} (moby's {@code types.Version}), as the CLI reads it; the engine writes it from
 * {@code io.holdfast.common.docker.EngineIdentity#version}. Holdfast is no Go program: {@code GoVersion} is absent and
 * {@code JavaVersion} says what runs the engine instead.
 */
public record SystemVersion(
        @JsonProperty("Version") String version,
        @JsonProperty("ApiVersion") String apiVersion,
        @JsonProperty("MinAPIVersion") String minApiVersion,
        @JsonProperty("GitCommit") String gitCommit,
        @JsonProperty("Os") String os,
        @JsonProperty("Arch") String arch,
        @JsonProperty("KernelVersion") String kernelVersion,
        @JsonProperty("BuildTime") String buildTime,
        @JsonProperty("Experimental") boolean experimental,
        @JsonProperty("JavaVersion") String javaVersion) {
}
