package io.holdfast.common.text;

import java.util.regex.Pattern;

/** Docker clients prefix paths with an API version ({@code /v1.41/containers/json}); it means nothing here. */
public final class ApiPaths {
    private static final Pattern VERSION_PREFIX = Pattern.compile("^/v\\d+(\\.\\d+)?(?=/)");

    private ApiPaths() {
    }

    public static String withoutVersion(String path) {
        return VERSION_PREFIX.matcher(path).replaceFirst("");
    }
}
