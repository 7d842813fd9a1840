package io.holdfast.itests.support;

import java.io.FileInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A certificate for one host name, signed by itself, made with the JDK's {@code keytool}: its PEM files for a server
 * ({@link #certificate}, {@link #key}) and a trust store that holds it ({@link #trustStore}) for a JVM that is to
 * trust it ({@code -Djavax.net.ssl.trustStore}).
 */
public record SelfSignedCertificate(Path certificate, Path key, Path trustStore, String password) {
    public static SelfSignedCertificate forHost(Path dir, String host) throws Exception {
        Files.createDirectories(dir);
        String password = "holdfast-test";
        Path keystore = dir.resolve("server.p12");
        Path certificate = dir.resolve("server.pem");
        Path key = dir.resolve("server-key.pem");
        Path trustStore = dir.resolve("trust.p12");
        keytool("-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=" + host, "-ext", "SAN=dns:" + host, "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", password, "-keypass", password);
        keytool("-exportcert", "-rfc", "-alias", "server", "-keystore", keystore.toString(), "-storepass", password,
                "-file", certificate.toString());
        keytool("-importcert", "-noprompt", "-alias", "server", "-file", certificate.toString(), "-storetype",
                "PKCS12", "-keystore", trustStore.toString(), "-storepass", password);
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = new FileInputStream(keystore.toFile())) {
            store.load(in, password.toCharArray());
        }
        PrivateKey privateKey = (PrivateKey) store.getKey("server", password.toCharArray());
        Files.writeString(key, "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(
                        privateKey.getEncoded()) + "\n-----END PRIVATE KEY-----\n");
        return new SelfSignedCertificate(certificate, key, trustStore, password);
    }

    /** Runs the JDK's own {@code keytool} with {@code args}; fails with its output. */
    static void keytool(String... args) throws Exception {
        List<String> argv = new ArrayList<>();
        argv.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        argv.addAll(List.of(args));
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("keytool " + args[0] + " failed: " + out);
        }
    }
}
