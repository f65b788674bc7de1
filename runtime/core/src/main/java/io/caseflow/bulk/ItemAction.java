package io.caseflow.bulk;

import io.caseflow.engine.ProcessOperations;
import io.caseflow.job.ItemState;
import io.caseflow.job.JobItem;
import io.caseflow.job.JobRequest;
import io.caseflow.process.ActionResult;
import io.caseflow.process.MigrationOutcome;
import io.caseflow.process.ProcessNotFoundException;
import io.caseflow.store.StoreException;

/**
 * Applies a job's action to one selected process, only while the process is still at the step the job
 * selected it at, and says what became of it. This fence is what makes a job exactly-once: a process the
 * job acted on before a crash (its result unrecorded) is at a later step when the job resumes, so it is
 * recorded as {@link ItemState#MOVED_ON} and left alone. Thread-safe; called from the runner's threads.
 */
final class ItemAction {
    private final ProcessOperations operations;

    ItemAction(ProcessOperations operations) {
        this.operations = operations;
    }

    /** The item's result; throws a {@link StoreException} when the store is unavailable (the item stays pending). */
    JobItem apply(JobRequest request, JobItem item) {
        try {
            return switch (request.kind()) {
                case RETRY -> result(item, operations.retryAt(item.processId(), item.step(), null));
                case RETRY_FROM -> result(item, operations.retryAt(item.processId(), item.step(), request.fromStage()));
                case CANCEL -> result(item, operations.cancelAt(item.processId(), item.step()));
                case MIGRATE -> migrated(item, operations.migrateAt(item.processId(), item.step(), request.toVersion(), request.stageMapping()));
            };
        } catch (ProcessNotFoundException e) {
            return with(item, ItemState.NOT_FOUND, e.getMessage());
        } catch (StoreException e) {
            if (e.isUnavailable()) {
                throw e;
            }
            return with(item, ItemState.FAILED, e.getMessage());
        } catch (RuntimeException e) {
            if (StoreException.isUnavailable(e)) {
                throw e;
            }
            return with(item, ItemState.FAILED, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private static JobItem result(JobItem item, ActionResult result) {
        if (result.changed()) {
            return with(item, ItemState.DONE, result.message());
        }
        return with(item, result.process().step() != item.step() ? ItemState.MOVED_ON : ItemState.REFUSED, result.message());
    }

    private static JobItem migrated(JobItem item, MigrationOutcome outcome) {
        if (outcome == null) {
            return with(item, ItemState.MOVED_ON, "process " + item.processId() + " moved on since step " + item.step());
        }
        return switch (outcome.status()) {
            case MOVED -> with(item, ItemState.DONE, "moved from v" + outcome.fromVersion() + " '" + outcome.fromStage() + "' to v"
                    + outcome.toVersion() + " '" + outcome.toStage() + "'");
            case ALREADY_ON_TARGET -> with(item, ItemState.REFUSED, "already on v" + outcome.toVersion());
            default -> with(item, ItemState.REFUSED, outcome.reason());
        };
    }

    private static JobItem with(JobItem item, ItemState state, String message) {
        return new JobItem(item.processId(), item.step(), state, message, null);
    }
}
