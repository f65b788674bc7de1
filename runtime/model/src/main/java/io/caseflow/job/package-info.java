/**
 * Bulk jobs as clients see them: a {@link io.caseflow.job.JobRequest} (what to do to which processes),
 * the {@link io.caseflow.job.JobSnapshot} of its progress and a {@link io.caseflow.job.JobItem} per
 * selected process with its result. The runtime runs them ({@code io.caseflow.bulk}).
 */
package io.caseflow.job;
