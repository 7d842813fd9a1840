package io.holdfast.restore;

import io.holdfast.spi.container.ContainerRecord;
import io.holdfast.spi.monitor.MonitorException;
import io.holdfast.spi.monitor.MonitorStatus;
import io.holdfast.spi.restore.RestoreEntry;
import io.holdfast.spi.restore.RestoreOutcome;
import io.holdfast.spi.restore.RestoreTarget;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What the restore does with one container, decided from its record and what its monitor holds. Each action says in
 * one place both what it would do ({@link #predict}, for a plan) and what it does ({@link #apply}), so the two cannot
 * drift apart.
 *
 * @param record  the container's record
 * @param monitor what its monitor holds, or null when no monitor does
 * @param action  the step to take
 */
record RestoreStep(ContainerRecord record, MonitorStatus monitor, Action action) {
    private static final Logger LOG = Logger.getLogger(RestoreStep.class.getName());
    static final String LOST = "no monitor holds it and no exit was recorded (was the host rebooted?)";

    String containerId() {
        return record.id();
    }

    /** What {@link #apply} would report, changing nothing. */
    RestoreEntry predict() {
        return action.predict(this);
    }

    /** Carries the step out through the supervisor; returns what was done. */
    RestoreEntry apply(RestoreTarget target) {
        return action.apply(this, target);
    }

    RestoreEntry entry(RestoreOutcome outcome, String detail) {
        return new RestoreEntry(record.id(), record.name(), outcome, detail);
    }

    enum Action {
        /** The monitor's container runs: adopt it with the monitor's pid. */
        ADOPT {
            @Override
            RestoreEntry predict(RestoreStep step) {
                return step.entry(RestoreOutcome.ADOPTED, "running, pid " + step.monitor.pid());
            }

            @Override
            RestoreEntry apply(RestoreStep step, RestoreTarget target) {
                target.adopt(step.containerId(), step.monitor);
                return predict(step);
            }
        },
        /** The monitor saw a run end that the record does not know of: apply that exit. */
        APPLY_EXIT {
            @Override
            RestoreEntry predict(RestoreStep step) {
                return step.entry(RestoreOutcome.EXITED_WHILE_DOWN, exited(step.monitor)
                        + "; then --rm or its restart policy applies");
            }

            @Override
            RestoreEntry apply(RestoreStep step, RestoreTarget target) {
                return step.entry(target.exitedWhileDown(step.monitor), exited(step.monitor));
            }
        },
        /** An {@code --rm} container whose exit was recorded but whose removal a crash cut short: finish it. */
        COMPLETE_REMOVAL {
            @Override
            RestoreEntry predict(RestoreStep step) {
                return step.entry(RestoreOutcome.REMOVED, "exited with " + step.record.state().exitCode()
                        + " and was started with --rm; its removal had not finished");
            }

            @Override
            RestoreEntry apply(RestoreStep step, RestoreTarget target) {
                target.completeRemoval(step.containerId());
                return predict(step);
            }
        },
        /** The record says running, but no monitor holds it: it is lost. */
        MARK_LOST {
            @Override
            RestoreEntry predict(RestoreStep step) {
                return step.entry(RestoreOutcome.LOST, LOST);
            }

            @Override
            RestoreEntry apply(RestoreStep step, RestoreTarget target) {
                target.lost(step.containerId(), LOST);
                return afterLost(step, target);
            }

            /**
             * The supervisor marks it lost only if that is still so: a restore re-run plans while the API goes on,
             * and the container may have been started, stopped or removed since. The report says what it is now.
             */
            private RestoreEntry afterLost(RestoreStep step, RestoreTarget target) {
                ContainerRecord now = target.records().stream().filter(r -> r.id().equals(step.containerId()))
                        .findFirst().orElse(null);
                if (now == null) {
                    return step.entry(RestoreOutcome.UNCHANGED, "removed while the restore ran");
                }
                if (now.state().running()) {
                    return step.entry(RestoreOutcome.ADOPTED, "started while the restore ran, pid "
                            + now.state().pid());
                }
                return LOST.equals(now.state().error()) ? predict(step)
                        : step.entry(RestoreOutcome.UNCHANGED, now.state().status().word());
            }
        },
        /** The record already has this exit (a crash came between saving it and freeing the monitor): free it. */
        RELEASE_MONITOR {
            @Override
            RestoreEntry predict(RestoreStep step) {
                return unchanged(step);
            }

            @Override
            RestoreEntry apply(RestoreStep step, RestoreTarget target) {
                try {
                    target.monitor().release(step.containerId(), false);
                } catch (MonitorException e) {
                    LOG.log(Level.WARNING, "cannot release the monitor of " + step.containerId(), e);
                }
                return predict(step);
            }
        },
        /** Nothing happened to it while the engine was away. */
        KEEP {
            @Override
            RestoreEntry predict(RestoreStep step) {
                return unchanged(step);
            }

            @Override
            RestoreEntry apply(RestoreStep step, RestoreTarget target) {
                return predict(step);
            }
        };

        abstract RestoreEntry predict(RestoreStep step);

        abstract RestoreEntry apply(RestoreStep step, RestoreTarget target);

        private static RestoreEntry unchanged(RestoreStep step) {
            return step.entry(RestoreOutcome.UNCHANGED, step.record.state().status().word());
        }

        private static String exited(MonitorStatus status) {
            return "exited with " + status.exit().code() + " at " + status.exit().finishedAt();
        }
    }
}
