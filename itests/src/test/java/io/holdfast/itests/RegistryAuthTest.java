package io.holdfast.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.holdfast.itests.support.BusyboxImage;
import io.holdfast.itests.support.Cli;
import io.holdfast.itests.support.DockerCli;
import io.holdfast.itests.support.Engine;
import io.holdfast.itests.support.EngineExtension;
import io.holdfast.itests.support.EngineSetup;
import io.holdfast.itests.support.ImageArchiveBuilder;
import io.holdfast.itests.support.LocalRegistry;
import io.holdfast.itests.support.TokenServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Pull and push against the real registry with its htpasswd basic auth: the engine's own Docker {@code config.json}
 * ({@code DOCKER_CONFIG}, {@code auths} with base64 {@code user:password}) for {@code holdfast push} and
 * {@code holdfast pull}, the docker CLI's {@code X-Registry-Auth} (from the client's config.json) for
 * {@code docker pull} and {@code docker push}; no credentials and wrong ones are refused, naming the 401. The same
 * with the registry's {@code auth: token}: Bearer tokens from a token service in the test, which knows the user.
 */
@ExtendWith(EngineExtension.class)
class RegistryAuthTest {
    private static final String USER = "hf-user";
    private static final String PASSWORD = "s3cret pass:word";

    @Test
    void credentialsFromConfigJsonAndXRegistryAuthPullAndPushWrongOnesAreRefused(
            @EngineSetup(busybox = false, start = false) Engine engine) throws Exception {
        Path work = Files.createDirectories(engine.root().resolve("build"));
        ImageArchiveBuilder archive = new ImageArchiveBuilder(work);
        BusyboxImage.tarball(work);
        Path app = Files.createDirectories(work.resolve("app"));
        Files.writeString(app.resolve("app.txt"), "behind basic auth\n");
        archive.image("hf-auth:1", List.of(archive.layer(work.resolve("busybox-rootfs")), archive.layer(app)),
                Map.of("Cmd", List.of("cat", "/app.txt"), "Env", List.of("PATH=/bin")));

        try (LocalRegistry registry = LocalRegistry.startWithBasicAuth(engine.root().resolve("registry"), USER,
                PASSWORD)) {
            String repo = registry.host() + "/hf/auth";
            String good = configJson(registry.host(), USER, PASSWORD);
            Path engineConfig = Files.createDirectories(engine.root().resolve("docker-config"));
            Files.writeString(engineConfig.resolve("config.json"), good);
            engine.environment("DOCKER_CONFIG", engineConfig.toString());
            engine.start();
            Cli cli = engine.cli();
            cli.ok("load", "-i", archive.write("auth.tar").toString());
            cli.ok("image", "tag", "hf-auth:1", repo + ":1");

            // the engine's config.json: holdfast push and pull
            String pushed = cli.ok("push", repo + ":1");
            assertTrue(pushed.contains("1: digest: sha256:"), pushed);
            cli.ok("image", "rm", repo + ":1");
            cli.ok("pull", repo + ":1");
            assertEquals("behind basic auth", cli.ok("run", "--rm", repo + ":1").strip());

            try (Engine fresh = new Engine()) {
                fresh.start();
                // no credentials anywhere: refused, naming the 401 and where credentials come from
                Cli.Result anonymous = fresh.cli().run("pull", repo + ":1");
                assertNotEquals(0, anonymous.exitCode(), anonymous.toString());
                assertTrue(anonymous.err().contains("unauthorized (HTTP 401)")
                        && anonymous.err().contains("no credentials for " + registry.host()), anonymous.toString());

                // the docker CLI's X-Registry-Auth, from the client's config.json: a wrong password is named
                DockerCli wrong = DockerCli.of(fresh).withConfigJson(configJson(registry.host(), USER, "wrong"));
                DockerCli.Result refused = wrong.run("pull", repo + ":1");
                assertNotEquals(0, refused.exitCode(), refused.toString());
                assertTrue(refused.err().contains("unauthorized (HTTP 401)")
                        && refused.err().contains("refused the credentials of user " + USER), refused.toString());
                assertTrue(!refused.err().contains("wrong"), "the password is never echoed: " + refused);
                assertNotEquals(0, DockerCli.of(fresh).run("image", "inspect", repo + ":1").exitCode());

                DockerCli docker = DockerCli.of(fresh).withConfigJson(good);
                String pulled = docker.ok("pull", repo + ":1");
                assertTrue(pulled.contains("Downloaded newer image for " + repo + ":1"), pulled);
                assertEquals("behind basic auth", docker.ok("run", "--rm", repo + ":1").strip());

                docker.ok("tag", repo + ":1", registry.host() + "/hf/copy:2");
                String copied = docker.ok("push", registry.host() + "/hf/copy:2");
                assertTrue(copied.contains("2: digest: sha256:"), copied);
                DockerCli.Result pushRefused = wrong.run("push", registry.host() + "/hf/copy:2");
                assertNotEquals(0, pushRefused.exitCode(), pushRefused.toString());
                assertTrue(pushRefused.err().contains("unauthorized (HTTP 401)"), pushRefused.toString());
            }
            // what the docker CLI pushed is there for the first engine (its config.json again)
            cli.ok("pull", registry.host() + "/hf/copy:2");
            assertEquals("behind basic auth", cli.ok("run", "--rm", registry.host() + "/hf/copy:2").strip());
        }
    }

    @Test
    void bearerTokensFromATokenServiceThatKnowsTheCredentials(
            @EngineSetup(busybox = false, start = false) Engine engine) throws Exception {
        Path work = Files.createDirectories(engine.root().resolve("build"));
        ImageArchiveBuilder archive = new ImageArchiveBuilder(work);
        BusyboxImage.tarball(work);
        archive.image("hf-token:1", List.of(archive.layer(work.resolve("busybox-rootfs"))),
                Map.of("Cmd", List.of("echo", "behind a token"), "Env", List.of("PATH=/bin")));

        try (TokenServer tokens = TokenServer.start(engine.root().resolve("token"), USER, PASSWORD);
             LocalRegistry registry = LocalRegistry.start(engine.root().resolve("registry"),
                     tokens.registryConfig())) {
            String repo = registry.host() + "/hf/token";
            String good = configJson(registry.host(), USER, PASSWORD);
            Path engineConfig = Files.createDirectories(engine.root().resolve("docker-config"));
            Files.writeString(engineConfig.resolve("config.json"), good);
            engine.environment("DOCKER_CONFIG", engineConfig.toString());
            engine.start();
            engine.cli().ok("load", "-i", archive.write("token.tar").toString());
            engine.cli().ok("image", "tag", "hf-token:1", repo + ":1");
            String pushed = engine.cli().ok("push", repo + ":1");
            assertTrue(pushed.contains("1: digest: sha256:"), pushed);
            assertTrue(tokens.grantedScopes().contains("repository:hf/token:pull,push"), tokens.grantedScopes()
                    .toString());

            try (Engine fresh = new Engine()) {
                fresh.start();
                Cli.Result anonymous = fresh.cli().run("pull", repo + ":1");
                assertNotEquals(0, anonymous.exitCode(), anonymous.toString());
                assertTrue(anonymous.err().contains("unauthorized (HTTP 401)")
                        && anonymous.err().contains("refused anonymous"), anonymous.toString());
                DockerCli.Result refused = DockerCli.of(fresh)
                        .withConfigJson(configJson(registry.host(), USER, "wrong")).run("pull", repo + ":1");
                assertNotEquals(0, refused.exitCode(), refused.toString());
                assertTrue(refused.err().contains("unauthorized (HTTP 401)")
                        && refused.err().contains("refused user " + USER), refused.toString());

                DockerCli docker = DockerCli.of(fresh).withConfigJson(good);
                docker.ok("pull", repo + ":1");
                assertEquals("behind a token", docker.ok("run", "--rm", repo + ":1").strip());
                assertTrue(tokens.grantedScopes().contains("repository:hf/token:pull"), tokens.grantedScopes()
                        .toString());
            }
        }
    }

    /** A Docker CLI config.json with {@code auths} for {@code host}: base64 of {@code user:password}. */
    private static String configJson(String host, String user, String password) {
        String auth = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return "{\"auths\":{\"" + host + "\":{\"auth\":\"" + auth + "\"}}}";
    }
}
