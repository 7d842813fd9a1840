package io.holdfast.cli.engine;

/** Query options of GET /containers/{ref}/logs; a null tail means the whole log. */
public record LogOptions(boolean follow, Integer tail, boolean timestamps) {

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
        return query.toString();
    }
}
