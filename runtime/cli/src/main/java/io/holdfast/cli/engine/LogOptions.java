package io.holdfast.cli.engine;

import io.holdfast.common.text.DockerTime;
import java.time.Instant;

/**
 * Query options of GET /containers/{ref}/logs; a null tail means the whole log, null times no bound (resolved on
 * the client's clock, as Docker's CLI does).
 */
public record LogOptions(boolean follow, Integer tail, boolean timestamps, Instant since, Instant until) {

    String query() {
        StringBuilder query = new StringBuilder("stdout=1&stderr=1");
        if (follow) {
            query.append("&follow=1");
        }
        if (tail != null) {
            query.append("&tail=").append(tail);
        }
        if (timestamps) {
            query.append("&timestamps=1");
        }
        if (since != null) {
            query.append("&since=").append(DockerTime.unixSeconds(since));
        }
        if (until != null) {
            query.append("&until=").append(DockerTime.unixSeconds(until));
        }
        return query.toString();
    }
}
