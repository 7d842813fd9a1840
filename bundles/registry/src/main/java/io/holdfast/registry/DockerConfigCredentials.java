package io.holdfast.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

/**
 * Credentials from the Docker CLI's {@code config.json} ({@code ~/.docker/config.json}): the {@code auths} map, keyed
 * by registry host, {@code https://host/}, or {@code https://index.docker.io/v1/} for Docker Hub, each with
 * {@code auth} = base64 of {@code user:password} (or {@code username}/{@code password}, {@code identitytoken}).
 * Credential helpers ({@code credsStore}, {@code credHelpers}) are not run.
 */
public final class DockerConfigCredentials {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HUB_KEY = "https://index.docker.io/v1/";

    private DockerConfigCredentials() {
    }

    /** The credentials {@code configJson} holds for {@code domain}, anonymous when none or the file is absent. */
    public static RegistryCredentials lookup(Path configJson, String domain) {
        if (configJson == null || !Files.isRegularFile(configJson)) {
            return RegistryCredentials.ANONYMOUS;
        }
        JsonNode auths;
        try {
            auths = JSON.readTree(configJson.toFile()).path("auths");
        } catch (IOException e) {
            throw new IllegalArgumentException(configJson + ": not valid JSON: " + e.getMessage());
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = auths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (!hostOf(entry.getKey()).equals(domain)) {
                continue;
            }
            JsonNode value = entry.getValue();
            String where = configJson + ": auths \"" + entry.getKey() + "\"";
            if (!value.path("auth").asText("").isEmpty()) {
                RegistryCredentials basic = RegistryCredentials.fromAuthField(value.path("auth").asText(), where);
                return new RegistryCredentials(basic.username(), basic.password(),
                        value.path("identitytoken").asText(""));
            }
            return new RegistryCredentials(value.path("username").asText(""), value.path("password").asText(""),
                    value.path("identitytoken").asText(""));
        }
        return RegistryCredentials.ANONYMOUS;
    }

    /** The registry host a key names: {@code https://host:5000/v2/} is {@code host:5000}; Hub's keys are docker.io. */
    static String hostOf(String key) {
        if (key.equals(HUB_KEY) || key.equals("index.docker.io") || key.equals("registry-1.docker.io")) {
            return RegistryReference.DOCKER_HUB;
        }
        String host = key.replaceFirst("^[a-zA-Z]+://", "");
        int slash = host.indexOf('/');
        host = slash >= 0 ? host.substring(0, slash) : host;
        return host.equals("index.docker.io") ? RegistryReference.DOCKER_HUB : host;
    }
}
