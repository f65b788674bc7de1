/**
 * Bulk jobs run by the runtime: {@link io.caseflow.bulk.BulkJobs} creates, lists and cancels them,
 * {@link io.caseflow.bulk.JobRunner} works through their items on the nodes that run it, and
 * {@link io.caseflow.bulk.ItemAction} applies one item's action under the step fence, so each selected
 * process is acted on at most once even across crashes.
 */
package io.caseflow.bulk;
