/**
 * The monitor's model and view models: what a {@link io.caseflow.designer.monitor.MonitorSource}
 * offers (snapshots, actions, live events, connection status), how live events are coalesced before
 * they reach the FX thread ({@link io.caseflow.designer.monitor.LiveEventBuffer}), how sequence gaps
 * are found ({@link io.caseflow.designer.monitor.SequenceTracker}), and the view models the monitor's
 * views bind to.
 *
 * <p>No toolkit: view models use JavaFX properties and observable lists (javafx.base) but never the
 * scene graph, so they are tested with plain JUnit. They are touched on the UI thread only; the
 * source's threads only ever reach the {@code LiveEventBuffer}.
 */
package io.caseflow.designer.monitor;
