package io.holdfast.itests.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A small token service for the registry's {@code auth: token}, as Docker Hub's: {@code GET /token?service=&scope=}
 * with basic auth answers a JWT (RS256, its self-signed certificate in {@code x5c}) granting the scope's actions to
 * the one user it knows; anyone else gets a 401. The registry trusts the certificate through its
 * {@code rootcertbundle}, written by {@link #start} (key pair from the JDK's {@code keytool}).
 *
 * <pre>{@code try (TokenServer tokens = TokenServer.start(dir, "user", "password");
 *      LocalRegistry registry = LocalRegistry.start(dir.resolve("registry"), tokens.registryConfig())) { ... }}</pre>
 */
public final class TokenServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SERVICE = "holdfast-test-registry";
    private static final String ISSUER = "holdfast-test-token-service";

    private final HttpServer server;
    private final PrivateKey key;
    private final Certificate certificate;
    private final Path rootBundle;
    private final String basic;
    private final List<String> scopes = new CopyOnWriteArrayList<>();

    private TokenServer(HttpServer server, PrivateKey key, Certificate certificate, Path rootBundle, String basic) {
        this.server = server;
        this.key = key;
        this.certificate = certificate;
        this.rootBundle = rootBundle;
        this.basic = basic;
    }

    public static TokenServer start(Path dir, String user, String password) throws Exception {
        Files.createDirectories(dir);
        Path keystore = dir.resolve("token.p12");
        Path rootBundle = dir.resolve("token-root.pem");
        String pass = "holdfast-test";
        SelfSignedCertificate.keytool("-genkeypair", "-alias", "token", "-keyalg", "RSA", "-keysize", "2048",
                "-validity", "2",
                "-dname", "CN=" + ISSUER, "-storetype", "PKCS12", "-keystore", keystore.toString(),
                "-storepass", pass, "-keypass", pass);
        SelfSignedCertificate.keytool("-exportcert", "-rfc", "-alias", "token", "-keystore", keystore.toString(),
                "-storepass", pass,
                "-file", rootBundle.toString());
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = new FileInputStream(keystore.toFile())) {
            store.load(in, pass.toCharArray());
        }
        PrivateKey key = (PrivateKey) store.getKey("token", pass.toCharArray());
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        TokenServer tokens = new TokenServer(server, key, store.getCertificate("token"), rootBundle,
                "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                        .getBytes(StandardCharsets.UTF_8)));
        server.createContext("/token", tokens::token);
        server.start();
        return tokens;
    }

    /** The registry's {@code auth: token} section pointing at this service. */
    public List<String> registryConfig() {
        return List.of(
                "auth:",
                "  token:",
                "    realm: http://127.0.0.1:" + server.getAddress().getPort() + "/token",
                "    service: " + SERVICE,
                "    issuer: " + ISSUER,
                "    rootcertbundle: " + rootBundle);
    }

    /** The scopes tokens were granted for, in order ({@code repository:hf/app:pull,push}). */
    public List<String> grantedScopes() {
        return List.copyOf(scopes);
    }

    private void token(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!basic.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                send(exchange, 401, Map.of("errors", List.of(Map.of("code", "UNAUTHORIZED",
                        "message", "unknown user or wrong password"))));
                return;
            }
            String scope = query(exchange, "scope");
            List<Map<String, Object>> access = new ArrayList<>();
            if (scope != null) {
                String[] parts = scope.split(":"); // repository:NAME:ACTIONS
                access.add(Map.of("type", parts[0], "name", parts[1], "actions", List.of(parts[2].split(","))));
                scopes.add(scope);
            }
            send(exchange, 200, Map.of("token", jwt(access), "expires_in", 300));
        } catch (Exception e) {
            send(exchange, 500, Map.of("error", String.valueOf(e)));
        }
    }

    /** A JWT the registry accepts: RS256, the certificate in {@code x5c}, issuer, audience and access claims. */
    private String jwt(List<Map<String, Object>> access) throws Exception {
        long now = Instant.now().getEpochSecond();
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("typ", "JWT");
        header.put("alg", "RS256");
        header.put("x5c", List.of(Base64.getEncoder().encodeToString(certificate.getEncoded())));
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", ISSUER);
        claims.put("sub", "test-user");
        claims.put("aud", SERVICE);
        claims.put("exp", now + 300);
        claims.put("nbf", now - 60);
        claims.put("iat", now - 60);
        claims.put("jti", UUID.randomUUID().toString());
        claims.put("access", access);
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String signingInput = b64.encodeToString(JSON.writeValueAsBytes(header)) + "."
                + b64.encodeToString(JSON.writeValueAsBytes(claims));
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(key);
        rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + b64.encodeToString(rsa.sign());
    }

    private static String query(HttpExchange exchange, String name) {
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw == null) {
            return null;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static void send(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
