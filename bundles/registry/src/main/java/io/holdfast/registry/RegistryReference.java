package io.holdfast.registry;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An image reference as a registry sees it, parsed with Docker's grammar and normalisation: {@code busybox} is
 * {@code docker.io/library/busybox:latest}; a first component with a dot, a colon or {@code localhost} is a registry
 * host ({@code localhost:5000/a/b:tag@sha256:...}).
 *
 * <pre>{@code RegistryReference r = RegistryReference.parse("127.0.0.1:5000/team/app@sha256:...");}</pre>
 *
 * @param domain     registry host with an optional port ({@code docker.io} for Docker Hub)
 * @param repository path inside the registry ({@code library/busybox})
 * @param tag        the tag; empty when only a digest is given
 * @param digest     {@code sha256:<hex>}; empty when not given
 */
public record RegistryReference(String domain, String repository, String tag, String digest) {
    public static final String DOCKER_HUB = "docker.io";
    public static final String DEFAULT_TAG = "latest";

    private static final Pattern COMPONENT = Pattern.compile("[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*");
    private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");
    private static final Pattern DOMAIN = Pattern.compile(
            "(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*"
                    + "|\\[[0-9A-Fa-f:]+\\])(?::[0-9]{1,5})?");
    private static final Pattern DIGEST = Pattern.compile("sha256:[0-9a-f]{64}");

    /** Parses {@code reference}, or throws {@link IllegalArgumentException} naming what is wrong. */
    public static RegistryReference parse(String reference) {
        if (reference == null || reference.isBlank()) {
            throw invalid(reference, "empty reference");
        }
        String rest = reference;
        String digest = "";
        int at = rest.indexOf('@');
        if (at >= 0) {
            digest = rest.substring(at + 1);
            rest = rest.substring(0, at);
            if (!DIGEST.matcher(digest).matches()) {
                throw invalid(reference, "digest must be sha256: and 64 lower-case hex digits, not \"" + digest + "\"");
            }
        }
        String tag = "";
        int slash = rest.lastIndexOf('/');
        int colon = rest.lastIndexOf(':');
        if (colon > slash) {
            tag = rest.substring(colon + 1);
            rest = rest.substring(0, colon);
            if (!TAG.matcher(tag).matches()) {
                throw invalid(reference, "bad tag \"" + tag + "\"");
            }
        }
        String domain = DOCKER_HUB;
        String path = rest;
        int first = rest.indexOf('/');
        if (first >= 0) {
            String head = rest.substring(0, first);
            if (head.contains(".") || head.contains(":") || head.equals("localhost") || head.startsWith("[")) {
                domain = head;
                path = rest.substring(first + 1);
                if (!DOMAIN.matcher(domain).matches()) {
                    throw invalid(reference, "bad registry host \"" + domain + "\"");
                }
            }
        }
        if (domain.equals("index.docker.io")) {
            domain = DOCKER_HUB;
        }
        if (!path.equals(path.toLowerCase(Locale.ROOT))) {
            throw invalid(reference, "repository name must be lowercase");
        }
        for (String component : path.split("/", -1)) {
            if (!COMPONENT.matcher(component).matches()) {
                throw invalid(reference, "bad repository name component \"" + component + "\"");
            }
        }
        if (domain.equals(DOCKER_HUB) && !path.contains("/")) {
            path = "library/" + path;
        }
        if (tag.isEmpty() && digest.isEmpty()) {
            tag = DEFAULT_TAG;
        }
        if (domain.length() + 1 + path.length() > 255) {
            throw invalid(reference, "repository name must be at most 255 characters");
        }
        return new RegistryReference(domain, path, tag, digest);
    }

    /** Parses a repository given apart from its tag, as {@code POST /images/create?fromImage=X&tag=Y} does. */
    public static RegistryReference parse(String image, String tagOrDigest) {
        if (tagOrDigest == null || tagOrDigest.isEmpty()) {
            return parse(image);
        }
        return parse(image + (tagOrDigest.startsWith("sha256:") ? "@" : ":") + tagOrDigest);
    }

    /** The tag if given, else the digest: what a manifest is fetched by. */
    public String manifestReference() {
        return digest.isEmpty() ? tag : digest;
    }

    /** Whether the manifest is named by its digest, which must then be verified. */
    public boolean byDigest() {
        return !digest.isEmpty();
    }

    /** The repository as Docker shows it: {@code busybox}, {@code user/app}, {@code 127.0.0.1:5000/app}. */
    public String familiarName() {
        if (domain.equals(DOCKER_HUB)) {
            return repository.startsWith("library/") ? repository.substring("library/".length()) : repository;
        }
        return domain + "/" + repository;
    }

    /** {@code name:tag} as a local tag, or empty when only a digest is given. */
    public String familiarTagged() {
        return tag.isEmpty() ? "" : familiarName() + ":" + tag;
    }

    /** The same repository with another tag (for push of a local image under this name). */
    public RegistryReference withTag(String newTag) {
        return new RegistryReference(domain, repository, newTag, "");
    }

    @Override
    public String toString() {
        return familiarName() + (tag.isEmpty() ? "" : ":" + tag) + (digest.isEmpty() ? "" : "@" + digest);
    }

    private static IllegalArgumentException invalid(String reference, String why) {
        return new IllegalArgumentException("invalid reference format: " + why + ": \"" + reference + "\"");
    }
}
