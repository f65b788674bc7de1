/**
 * Distributed tracing: W3C trace context carried in every message body ({@code traceparent}) and an
 * OpenTelemetry span per stage attempt, service command and reply. See {@code docs/tracing.md}.
 */
package io.caseflow.tracing;
