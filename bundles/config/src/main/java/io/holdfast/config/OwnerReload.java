package io.holdfast.config;

import io.holdfast.spi.config.ConfigKey;
import io.holdfast.spi.config.SettingChange;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What a reload does for the components that own keys, decided from their checked values before anything is
 * applied: each owner's changes, split by what it declared, and the values to hand over (to an owner with a changed
 * live key, and to one that runs unconfigured because its values failed earlier). Owners whose only changes wait for
 * a restart get nothing new.
 *
 * <pre>{@code
 * OwnerReload plan = OwnerReload.plan(checked, declared, running, published);
 * plan.publish().forEach(componentConfigs::publish);   // only once the whole file has passed
 * }</pre>
 *
 * @param reloadable   live keys that changed, owner by owner (in owner-name order), each in declared order
 * @param needsRestart keys that changed and wait for an engine restart
 * @param publish      owner to the values it gets now
 */
record OwnerReload(List<SettingChange> reloadable, List<SettingChange> needsRestart,
                   Map<String, Map<String, Object>> publish) {

    /**
     * @param checked   every installed owner's checked values from the file now
     * @param declared  an owner's declared keys
     * @param running   what an owner runs (or last ran) with, or {@code null} if it never ran
     * @param published which owners have their values now
     */
    static OwnerReload plan(Map<String, Map<String, Object>> checked, Function<String, List<ConfigKey>> declared,
                            Function<String, Map<String, Object>> running, Function<String, Boolean> published) {
        List<SettingChange> reloadable = new ArrayList<>();
        List<SettingChange> needsRestart = new ArrayList<>();
        Map<String, Map<String, Object>> publish = new LinkedHashMap<>();
        checked.forEach((owner, values) -> {
            List<ConfigKey> keys = declared.apply(owner);
            Map<String, Object> ran = running.apply(owner);
            if (ran == null) {
                publish.put(owner, values); // first values this engine's life: nothing runs that could be pending
                return;
            }
            var changes = OwnerChanges.classify(keys, ran, values);
            reloadable.addAll(changes.reloadable());
            needsRestart.addAll(changes.needsRestart());
            if (!changes.reloadable().isEmpty() || !published.apply(owner)) {
                publish.put(owner, OwnerChanges.merge(keys, ran, values));
            }
        });
        return new OwnerReload(reloadable, needsRestart, publish);
    }
}
