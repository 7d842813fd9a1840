package io.holdfast.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialsTest {

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void configJsonAuthsByHostUrlAndDockerHubKey(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("config.json");
        Files.writeString(config, "{\"auths\":{"
                + "\"127.0.0.1:5000\":{\"auth\":\"" + b64("alice:s3cr:et") + "\"},"
                + "\"https://registry.example.com/v2/\":{\"username\":\"bob\",\"password\":\"pw\"},"
                + "\"https://index.docker.io/v1/\":{\"auth\":\"" + b64("hub:tok") + "\"}}}");
        assertEquals(new RegistryCredentials("alice", "s3cr:et", ""),
                DockerConfigCredentials.lookup(config, "127.0.0.1:5000"));
        assertEquals(new RegistryCredentials("bob", "pw", ""),
                DockerConfigCredentials.lookup(config, "registry.example.com"));
        assertEquals(new RegistryCredentials("hub", "tok", ""), DockerConfigCredentials.lookup(config, "docker.io"));
        assertTrue(DockerConfigCredentials.lookup(config, "other:1").isAnonymous());
        assertTrue(DockerConfigCredentials.lookup(dir.resolve("absent.json"), "x").isAnonymous());
    }

    @Test
    void aBadAuthFieldIsNamed(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("config.json");
        Files.writeString(config, "{\"auths\":{\"h:1\":{\"auth\":\"" + b64("nocolon") + "\"}}}");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DockerConfigCredentials.lookup(config, "h:1"));
        assertTrue(e.getMessage().contains("auths \"h:1\""), e.getMessage());
    }

    @Test
    void xRegistryAuthInBase64UrlWithAndWithoutPadding() {
        String json = "{\"username\":\"u\",\"password\":\"p?>\",\"serveraddress\":\"127.0.0.1:5000\"}";
        String url = Base64.getUrlEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
        assertEquals(new RegistryCredentials("u", "p?>", ""), RegistryCredentials.fromRegistryAuthHeader(url));
        assertEquals(new RegistryCredentials("u", "p?>", ""),
                RegistryCredentials.fromRegistryAuthHeader(url.replace("=", "")));
        assertEquals(new RegistryCredentials("u", "p?>", ""), RegistryCredentials.fromRegistryAuthHeader(
                Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8))));
        assertTrue(RegistryCredentials.fromRegistryAuthHeader("").isAnonymous());
        assertTrue(RegistryCredentials.fromRegistryAuthHeader(b64("{}")).isAnonymous());
        assertThrows(IllegalArgumentException.class, () -> RegistryCredentials.fromRegistryAuthHeader("!!"));
        assertFalse(new RegistryCredentials("u", "secret", "").toString().contains("secret"));
    }

    @Test
    void loopbackAndListedRegistriesArePlainHttp() {
        RegistryEndpoints e = new RegistryEndpoints(List.of("myreg:5000", "10.1.0.0/16"));
        assertEquals("http://127.0.0.1:5000", e.baseUri("127.0.0.1:5000").toString());
        assertEquals("http://localhost:5000", e.baseUri("localhost:5000").toString());
        assertEquals("http://myreg:5000", e.baseUri("myreg:5000").toString());
        assertEquals("http://10.1.2.3:80", e.baseUri("10.1.2.3:80").toString());
        assertEquals("https://10.2.2.3:80", e.baseUri("10.2.2.3:80").toString());
        assertEquals("https://myreg:5001", e.baseUri("myreg:5001").toString());
        assertEquals("https://registry-1.docker.io", e.baseUri("docker.io").toString());
        assertThrows(IllegalArgumentException.class, () -> new RegistryEndpoints(List.of("http://x:1")));
    }
}
