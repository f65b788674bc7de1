/** The audit trail: every action asked of a server, who asked, from where and how it ended. */
package io.caseflow.audit;
