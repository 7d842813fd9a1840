package io.holdfast.supervisor.api;

import io.holdfast.spi.reload.BundleChange;
import io.holdfast.spi.reload.ReloadReport;
import io.holdfast.spi.reload.Reloader;
import io.holdfast.supervisor.views.ReloadReportView;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * {@code POST /system/reload[?dryRun=1]}: the same reload as SIGHUP. A reload that would swap the bundle serving
 * this very request cannot be waited for here: it is started, and the plan is answered with 202.
 */
final class ReloadRoutes {
    private static final String SERVING_BUNDLE = "io.holdfast.supervisor";

    private final HeldService<Reloader> reloader;

    ReloadRoutes(HeldService<Reloader> reloader) {
        this.reloader = reloader;
    }

    void register(Router router) {
        router.add("POST", "/system/reload", e -> {
            Reloader reload = reloader.get();
            ReloadReport plan = reload.reload(true);
            if (e.flag("dryRun") || !plan.ok()) {
                e.sendJson(plan.ok() ? 200 : 400, ReloadReportView.of(plan));
            } else if (plan.bundles().stream().map(BundleChange::symbolicName).anyMatch(SERVING_BUNDLE::equals)) {
                CompletableFuture.runAsync(() -> reload.reload(false));
                Map<String, Object> view = new java.util.LinkedHashMap<>(ReloadReportView.of(plan));
                view.put("Message", "the API restarts with " + SERVING_BUNDLE + "; follow the reload with "
                        + "holdfast events --filter type=engine");
                e.sendJson(202, view);
            } else {
                ReloadReport done = reload.reload(false);
                e.sendJson(done.ok() ? 200 : 400, ReloadReportView.of(done));
            }
        });
    }
}
