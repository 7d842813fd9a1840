package io.holdfast.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The exposition format Prometheus parses: HELP and TYPE once per metric, labels escaped, histograms cumulative. */
class PrometheusTextTest {
    @Test
    void samplesOfOneMetricShareOneHeader() {
        PrometheusText text = new PrometheusText();
        text.gauge("holdfast_containers", "Containers by state", Map.of("state", "running"), 3);
        text.counter("holdfast_reloads_total", "Reloads", Map.of(), 2);
        text.gauge("holdfast_containers", "Containers by state", Map.of("state", "exited"), 1.5);
        assertEquals("""
                # HELP holdfast_containers Containers by state
                # TYPE holdfast_containers gauge
                holdfast_containers{state="running"} 3
                holdfast_containers{state="exited"} 1.5
                # HELP holdfast_reloads_total Reloads
                # TYPE holdfast_reloads_total counter
                holdfast_reloads_total 2
                """, text.text());
    }

    @Test
    void histogramsEndInPlusInfSumAndCount() {
        PrometheusText text = new PrometheusText();
        text.histogram("api_seconds", "Latency", Map.of("route", "GET /a\"b\\c"), List.of(0.005, 0.1),
                List.of(1L, 3L), 0.25, 4);
        assertEquals("""
                # HELP api_seconds Latency
                # TYPE api_seconds histogram
                api_seconds_bucket{route="GET /a\\"b\\\\c",le="0.005"} 1
                api_seconds_bucket{route="GET /a\\"b\\\\c",le="0.1"} 3
                api_seconds_bucket{route="GET /a\\"b\\\\c",le="+Inf"} 4
                api_seconds_sum{route="GET /a\\"b\\\\c"} 0.25
                api_seconds_count{route="GET /a\\"b\\\\c"} 4
                """, text.text());
    }

    @Test
    void labelsAreWrittenInNameOrderWhateverTheMapsOrder() {
        Map<String, String> resultFirst = new LinkedHashMap<>();
        resultFirst.put("result", "ok");
        resultFirst.put("kind", "config");
        PrometheusText text = new PrometheusText();
        text.counter("holdfast_reloads_total", "Reloads", resultFirst, 1);
        assertEquals("""
                # HELP holdfast_reloads_total Reloads
                # TYPE holdfast_reloads_total counter
                holdfast_reloads_total{kind="config",result="ok"} 1
                """, text.text());
    }

    @Test
    void aBadNameOrATypeChangeIsTheSourcesError() {
        PrometheusText text = new PrometheusText();
        assertThrows(IllegalArgumentException.class, () -> text.gauge("holdfast-containers", "x", Map.of(), 1));
        text.gauge("a", "x", Map.of(), 1);
        assertThrows(IllegalArgumentException.class, () -> text.counter("a", "x", Map.of(), 1));
    }
}
