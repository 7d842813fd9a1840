package io.holdfast.cli.engine;

import io.holdfast.common.text.DockerTime;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Query of GET /events: times already resolved (a duration such as 10m is counted back from the client's clock, as
 * Docker's CLI does) and filters as key to alternatives; null times are left out.
 */
public record EventQuery(Instant since, Instant until, Map<String, List<String>> filters) {

    public EventQuery {
        filters = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(filters));
    }

    String query() throws IOException {
        StringBuilder query = new StringBuilder();
        if (since != null) {
            query.append("&since=").append(DockerTime.unixSeconds(since));
        }
        if (until != null) {
            query.append("&until=").append(DockerTime.unixSeconds(until));
        }
        if (!filters.isEmpty()) {
            query.append("&filters=").append(UriEncoding.queryValue(
                    new String(Json.bytes(filters), java.nio.charset.StandardCharsets.UTF_8)));
        }
        return query.isEmpty() ? "" : "?" + query.substring(1);
    }
}
