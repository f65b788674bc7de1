/**
 * Implementations of {@link io.caseflow.designer.monitor.MonitorSource}: the embedded runtime in this
 * JVM, and an in-memory source for benchmarks and tests. Views never see this package; the app
 * picks a source and hands it to the monitor's view model.
 */
package io.caseflow.designer.monitor.source;
