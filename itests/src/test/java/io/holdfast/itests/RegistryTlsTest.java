package io.holdfast.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.holdfast.itests.support.BusyboxImage;
import io.holdfast.itests.support.Cli;
import io.holdfast.itests.support.Engine;
import io.holdfast.itests.support.EngineExtension;
import io.holdfast.itests.support.EngineSetup;
import io.holdfast.itests.support.ImageArchiveBuilder;
import io.holdfast.itests.support.LocalRegistry;
import io.holdfast.itests.support.SelfSignedCertificate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A registry that is not on a loopback name is reached over HTTPS and its certificate is checked against the JVM's
 * trust store (on Debian built from the system's CA certificates): the real registry serves TLS with a certificate
 * of the test's own for {@code registry.test}, a name only the engines' JVMs resolve, to 127.0.0.1, through a hosts
 * file of the test ({@code jdk.net.hosts.file}): no traffic leaves the machine, and the machine's trust store and
 * {@code /etc/hosts} are never changed. An engine whose trust store holds the certificate pushes and pulls; one whose
 * trust store does not is refused, naming the certificate.
 */
@ExtendWith(EngineExtension.class)
class RegistryTlsTest {
    private static final String HOST = "registry.test";

    @Test
    void aRegistryOverHttpsIsTrustedThroughTheTrustStoreOnly(@EngineSetup(busybox = false, start = false)
                                                             Engine engine) throws Exception {
        Path tls = Files.createDirectories(engine.root().resolve("tls"));
        SelfSignedCertificate certificate = SelfSignedCertificate.forHost(tls, HOST);
        Path hosts = Files.writeString(tls.resolve("hosts"), "127.0.0.1 " + HOST + "\n");
        String resolveOnly = "-Djdk.net.hosts.file=" + hosts;
        String trusting = resolveOnly + " -Djavax.net.ssl.trustStore=" + certificate.trustStore()
                + " -Djavax.net.ssl.trustStorePassword=" + certificate.password();

        try (LocalRegistry registry = LocalRegistry.startWithTls(engine.root().resolve("registry"),
                certificate.certificate(), certificate.key())) {
            String repo = HOST + ":" + registry.port() + "/hf/tls";
            engine.environment("HOLDFAST_JAVA_OPTS", trusting);
            engine.start();
            Path work = Files.createDirectories(engine.root().resolve("build"));
            ImageArchiveBuilder archive = new ImageArchiveBuilder(work);
            BusyboxImage.tarball(work);
            archive.image("hf-tls:1", List.of(archive.layer(work.resolve("busybox-rootfs"))),
                    Map.of("Env", List.of("PATH=/bin")));
            engine.cli().ok("load", "-i", archive.write("tls.tar").toString());
            engine.cli().ok("image", "tag", "hf-tls:1", repo + ":1");
            String pushed = engine.cli().ok("push", repo + ":1");
            assertTrue(pushed.contains("1: digest: sha256:"), pushed);

            try (Engine untrusting = new Engine()) {
                untrusting.environment("HOLDFAST_JAVA_OPTS", resolveOnly);
                untrusting.start();
                Cli.Result refused = untrusting.cli().run("pull", repo + ":1");
                assertNotEquals(0, refused.exitCode(), refused.toString());
                assertTrue(refused.err().contains(HOST) && (refused.err().contains("certificate")
                        || refused.err().contains("PKIX")), refused.toString());
                assertEquals(404, untrusting.api().request("GET", "/images/" + repo + ":1/json").status());
            }
            try (Engine fresh = new Engine()) {
                fresh.environment("HOLDFAST_JAVA_OPTS", trusting);
                fresh.start();
                fresh.cli().ok("pull", repo + ":1");
                assertEquals("over tls", fresh.cli().ok("run", "--rm", repo + ":1", "echo", "over tls"));
            }
        }
    }
}
