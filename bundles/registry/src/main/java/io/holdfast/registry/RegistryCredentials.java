package io.holdfast.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A user name and password (or an identity token) for one registry, from the API client's {@code X-Registry-Auth}
 * header or the Docker CLI's {@code config.json}.
 *
 * @param username      empty when anonymous
 * @param password      the password or personal access token
 * @param identityToken an OAuth2 refresh token ({@code identitytoken}); empty when none
 */
public record RegistryCredentials(String username, String password, String identityToken) {
    public static final RegistryCredentials ANONYMOUS = new RegistryCredentials("", "", "");
    private static final ObjectMapper JSON = new ObjectMapper();

    public boolean isAnonymous() {
        return username.isEmpty() && identityToken.isEmpty();
    }

    /** {@code Basic base64(user:password)}. */
    public String basicHeader() {
        return "Basic " + Base64.getEncoder().encodeToString(
                (username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Decodes Docker's {@code X-Registry-Auth}: base64url (padded or not; some clients send standard base64) of
     * {@code {"username":..,"password":..,"serveraddress":..,"identitytoken":..}}. An empty header or {@code {}} is
     * anonymous. Throws {@link IllegalArgumentException} naming the problem otherwise.
     */
    public static RegistryCredentials fromRegistryAuthHeader(String header) {
        if (header == null || header.isBlank()) {
            return ANONYMOUS;
        }
        byte[] json;
        try {
            String text = header.trim().replace('+', '-').replace('/', '_');
            json = Base64.getUrlDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("X-Registry-Auth: not base64: " + e.getMessage());
        }
        try {
            JsonNode node = JSON.readTree(json);
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException("X-Registry-Auth: not a JSON object");
            }
            String auth = node.path("auth").asText("");
            if (!auth.isEmpty() && node.path("username").asText("").isEmpty()) {
                return fromAuthField(auth, "X-Registry-Auth \"auth\"");
            }
            return new RegistryCredentials(node.path("username").asText(""), node.path("password").asText(""),
                    node.path("identitytoken").asText(""));
        } catch (IOException e) {
            throw new IllegalArgumentException("X-Registry-Auth: not JSON: " + e.getMessage());
        }
    }

    /** Decodes a {@code config.json} {@code auths.*.auth} value: base64 of {@code user:password}. */
    static RegistryCredentials fromAuthField(String auth, String where) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(auth.trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": not base64: " + e.getMessage());
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException(where + ": expected base64 of user:password, found no ':'");
        }
        return new RegistryCredentials(decoded.substring(0, colon), decoded.substring(colon + 1), "");
    }

    @Override
    public String toString() {
        return isAnonymous() ? "anonymous" : "user " + username; // never the password
    }
}
