package io.holdfast.routes;

import io.holdfast.spi.restore.RestoreControl;
import io.holdfast.spi.restore.RestoreReport;
import io.holdfast.routes.views.RestorePlanView;
import io.holdfast.routes.views.RestoreReportView;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * {@code /restore/...}: the last report, the plan a restore would follow now, and the operator's decisions on the
 * containers it leaves alone. Holdfast's own; Docker has no such thing.
 */
final class RestoreRoutes {
    private final Supplier<RestoreReport> report;
    private final Supplier<RestoreControl> control;

    RestoreRoutes(Supplier<RestoreReport> report, Supplier<RestoreControl> control) {
        this.report = report;
        this.control = control;
    }

    void register(Router router) {
        router.add("GET", "/restore/report", e -> e.sendJson(200, RestoreReportView.of(report.get())))
                .add("GET", "/restore/plan", e -> e.sendJson(200, RestorePlanView.of(control.get().plan())))
                .add("POST", "/restore/containers/{ref}/adopt", e -> e.sendJson(200,
                        RestoreReportView.entry(control.get().adopt(e.pathParam(0)))))
                .add("POST", "/restore/containers/{ref}/stop", e -> e.sendJson(200,
                        RestoreReportView.entry(control.get().stop(e.pathParam(0),
                                Duration.ofSeconds(e.intQuery("t", 10))))));
    }
}
