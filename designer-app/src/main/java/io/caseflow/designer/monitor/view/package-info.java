/**
 * The monitor's views: thin JavaFX classes that bind to the view models of
 * {@link io.caseflow.designer.monitor}. They never call a source or the runtime (the architecture
 * test holds them to it); every action goes through {@link io.caseflow.designer.monitor.MonitorActions}.
 */
package io.caseflow.designer.monitor.view;
