package io.holdfast.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Authenticated HTTP to one repository of one registry. The first request that gets a 401 reads the
 * {@code WWW-Authenticate} challenge: {@code Bearer} fetches a token for the repository's scope from the realm (with
 * the credentials as basic auth, if any), {@code Basic} sends the credentials; the request is then sent again once.
 * Redirects (blob storage) are followed by hand so that the registry's token never goes to another host. Thread-safe:
 * the authorization is a volatile header value.
 */
final class RegistrySession {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_REDIRECTS = 5;

    private final HttpClient http;
    private final URI base;
    private final String domain;
    private final String repository;
    private final RegistryCredentials credentials;
    private final String actions;
    private volatile String authorization;

    RegistrySession(HttpClient http, URI base, String domain, String repository, RegistryCredentials credentials,
                    boolean push) {
        this.http = http;
        this.base = base;
        this.domain = domain;
        this.repository = repository;
        this.credentials = credentials;
        this.actions = push ? "pull,push" : "pull";
    }

    String domain() {
        return domain;
    }

    String repository() {
        return repository;
    }

    /** {@code base/v2/<repository>/<suffix>}. */
    URI repositoryUri(String suffix) {
        return base.resolve("/v2/" + repository + "/" + suffix);
    }

    /** Resolves an upload {@code Location}, which may be relative. */
    URI resolve(String location) {
        return base.resolve(location);
    }

    /**
     * Sends a request built by {@code request} (a fresh builder each try: a body publisher is re-created), with
     * authorization, following redirects. Throws {@link RegistryException} when the registry cannot be reached.
     */
    <T> HttpResponse<T> send(String method, URI uri, Map<String, String> headers,
                             Supplier<HttpRequest.BodyPublisher> body, HttpResponse.BodyHandler<T> handler) {
        boolean authorized = false;
        URI target = uri;
        for (int hop = 0; hop <= MAX_REDIRECTS; ) {
            boolean sameHost = sameOrigin(target);
            HttpRequest.Builder b = HttpRequest.newBuilder(target).timeout(Duration.ofMinutes(10))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : body.get());
            headers.forEach(b::header);
            String auth = authorization;
            if (sameHost && auth != null) {
                b.header("Authorization", auth);
            }
            HttpResponse<T> response = exchange(b.build(), handler);
            int status = response.statusCode();
            if (status == 401 && sameHost && !authorized) {
                discard(response);
                authorize(response.headers().firstValue("WWW-Authenticate").orElse(""), auth);
                authorized = true;
                continue;
            }
            if (status == 401 && sameHost) {
                discard(response);
                throw denied("the registry refused the credentials of " + credentials + " for " + method + " "
                        + target.getPath());
            }
            if ((status == 301 || status == 302 || status == 303 || status == 307 || status == 308)
                    && response.headers().firstValue("Location").isPresent()) {
                discard(response);
                target = target.resolve(response.headers().firstValue("Location").get());
                hop++;
                continue;
            }
            return response;
        }
        throw new RegistryException(domain + ": too many redirects for " + uri);
    }

    private boolean sameOrigin(URI target) {
        return target.getScheme().equals(base.getScheme()) && target.getAuthority().equals(base.getAuthority());
    }

    private <T> HttpResponse<T> exchange(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return http.send(request, handler);
        } catch (IOException e) {
            throw new RegistryException(domain + ": " + request.method() + " " + request.uri() + ": "
                    + failureText(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryException(domain + ": interrupted", e);
        }
    }

    /** Learns how to authorize from a 401's challenge; {@code failed} is the header that was refused, if any. */
    private void authorize(String header, String failed) {
        List<AuthChallenge> challenges;
        try {
            challenges = AuthChallenge.parse(header);
        } catch (IllegalArgumentException e) {
            throw new RegistryException(domain + ": " + e.getMessage(), 401, e);
        }
        for (AuthChallenge challenge : challenges) {
            if (challenge.scheme().equals("bearer")) {
                authorization = "Bearer " + fetchToken(challenge);
                return;
            }
        }
        for (AuthChallenge challenge : challenges) {
            if (challenge.scheme().equals("basic")) {
                if (credentials.isAnonymous()) {
                    throw denied("authentication required (no credentials for " + domain
                            + " in X-Registry-Auth or ~/.docker/config.json)");
                }
                String basic = credentials.basicHeader();
                if (basic.equals(failed)) {
                    throw denied("the registry refused the credentials of " + credentials);
                }
                authorization = basic;
                return;
            }
        }
        throw denied("authentication required, and the registry's challenge \"" + header
                + "\" names no scheme this client speaks (Bearer, Basic)");
    }

    private String fetchToken(AuthChallenge challenge) {
        String realm = challenge.param("realm");
        if (realm.isEmpty()) {
            throw denied("the Bearer challenge names no realm");
        }
        String scope = "repository:" + repository + ":" + actions;
        StringBuilder query = new StringBuilder();
        if (!challenge.param("service").isEmpty()) {
            query.append("service=").append(encode(challenge.param("service"))).append('&');
        }
        query.append("scope=").append(encode(scope));
        URI tokenUri = URI.create(realm + (realm.contains("?") ? "&" : "?") + query);
        HttpRequest.Builder b = HttpRequest.newBuilder(tokenUri).timeout(Duration.ofMinutes(1)).GET();
        if (!credentials.isAnonymous() && !credentials.username().isEmpty()) {
            b.header("Authorization", credentials.basicHeader());
        }
        HttpResponse<byte[]> response = exchange(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() == 401 || response.statusCode() == 403) {
            throw denied("the token service " + realm + " refused " + credentials + " for " + scope);
        }
        if (response.statusCode() != 200) {
            throw new RegistryException(domain + ": token service " + realm + " answered " + response.statusCode(),
                    response.statusCode(), null);
        }
        try {
            JsonNode node = JSON.readTree(response.body());
            String token = node.path("token").asText(node.path("access_token").asText(""));
            if (token.isEmpty()) {
                throw new RegistryException(domain + ": token service " + realm + " sent no token");
            }
            return token;
        } catch (IOException e) {
            throw new RegistryException(domain + ": token service " + realm + " sent no JSON", e);
        }
    }

    private RegistryException denied(String why) {
        return new RegistryException(domain + "/" + repository + ": unauthorized (HTTP 401): " + why, 401, null);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static void discard(HttpResponse<?> response) {
        if (response.body() instanceof InputStream in) {
            try {
                in.close();
            } catch (IOException ignored) {
                // the connection is dropped instead of reused; nothing to report
            }
        }
    }

    /** A registry error response as a sentence: {@code MANIFEST_UNKNOWN: manifest unknown}. */
    /**
     * What went wrong, with the messages of its causes: the JDK's client can throw a bare {@code IOException} whose
     * cause says what failed (an untrusted certificate, a reset during the handshake).
     */
    static String failureText(Throwable failure) {
        StringBuilder text = new StringBuilder(failure.getMessage() == null ? failure.getClass().getSimpleName()
                : failure.getMessage());
        Throwable cause = failure.getCause();
        for (int depth = 0; cause != null && depth < 8; depth++, cause = cause.getCause()) {
            String said = cause.getMessage();
            if (said != null && text.indexOf(said) < 0) {
                text.append(": ").append(said);
            }
        }
        return text.toString();
    }

    static String errorText(int status, byte[] body) {
        try {
            JsonNode errors = JSON.readTree(body).path("errors");
            if (errors.isArray() && errors.size() > 0) {
                JsonNode e = errors.get(0);
                return e.path("code").asText("") + ": " + e.path("message").asText("") + " (HTTP " + status + ")";
            }
        } catch (IOException | RuntimeException ignored) {
            // not a registry error document; the status says enough
        }
        return "HTTP " + status;
    }
}
