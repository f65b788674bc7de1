package io.caseflow.designer.monitor;

import io.caseflow.definition.CaseDefinition;
import io.caseflow.definition.CaseKey;
import io.caseflow.definition.DeployedDefinition;
import io.caseflow.designer.concurrent.UiExecutor;
import io.caseflow.process.ProcessSnapshot;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The monitor as a whole: one source, one {@link LiveEventBuffer}, and the view models of the
 * table, the counts on the graph, the selected process, the dead letters, the chart and the actions.
 *
 * <p>The view calls {@link #tick()} every {@link #TICK} on the UI thread. A tick drains the buffer
 * once and hands the batch to every part, re-reads processes whose sequence jumped, and lets the
 * parts read what is due. After a reconnect it re-reads everything (definitions, table, counts,
 * the selected process, dead letters), since events were surely missed.
 *
 * <pre>{@code
 * MonitorViewModel vm = new MonitorViewModel(source, ui, Clock.systemUTC());
 * vm.start();
 * new Timeline(new KeyFrame(Duration.millis(100), e -> vm.tick())) ... play();
 * }</pre>
 */
public final class MonitorViewModel implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MonitorViewModel.class);
    public static final Duration TICK = Duration.ofMillis(100);
    /** More gaps than this in one tick: read the whole picture again instead of process by process. */
    public static final int MAX_REREADS_PER_TICK = 200;

    private final MonitorSource source;
    private final UiExecutor ui;
    private final Clock clock;
    private final SequenceTracker tracker = new SequenceTracker();
    private final LiveEventBuffer buffer = new LiveEventBuffer(tracker);
    private final DefinitionCache definitions;
    private final ProcessTableViewModel table;
    private final StageCountsViewModel counts;
    private final ProcessDetailViewModel detail;
    private final DeadLettersViewModel deadLetters;
    private final WorkersViewModel workers;
    private final MonitorActions actions;
    private final BulkJobsViewModel jobs;
    private final ThroughputHistory throughput = new ThroughputHistory();
    private final ObjectProperty<ConnectionState> connection = new SimpleObjectProperty<>();
    private final ObservableList<CaseKey> cases = FXCollections.observableArrayList();
    private final ObjectProperty<CaseKey> monitoredCase = new SimpleObjectProperty<>();
    private final ObjectProperty<CaseDefinition> graph = new SimpleObjectProperty<>();
    private final LongProperty chartTick = new SimpleLongProperty();
    private final Map<CaseKey, List<CaseDefinition>> deployed = new TreeMap<>(Comparator.comparing(CaseKey::toString));
    private MonitorSource.Subscription subscription;
    private boolean everConnected;
    private long lastChartSecond = Long.MIN_VALUE;
    private long rereads;
    private long resyncs;
    private long ticks;
    private long tickNanos;
    private long maxTickNanos;

    public MonitorViewModel(MonitorSource source, UiExecutor ui, Clock clock) {
        this.source = source;
        this.ui = ui;
        this.clock = clock;
        this.definitions = new DefinitionCache(source);
        this.table = new ProcessTableViewModel(source, ui, tracker);
        this.counts = new StageCountsViewModel(source, ui);
        this.detail = new ProcessDetailViewModel(source, ui, definitions);
        this.deadLetters = new DeadLettersViewModel(source, ui);
        this.workers = new WorkersViewModel(source, ui);
        this.actions = new MonitorActions(source, ui, clock);
        this.jobs = new BulkJobsViewModel(source, ui, actions);
        deadLetters.setLog(actions::log);
        table.setOnOutdated(this::reread);
        actions.setAfterChange(counts::invalidate);
        monitoredCase.addListener((o, a, b) -> {
            counts.setCase(b);
            updateGraph();
        });
    }

    /** Subscribes to live events and reads the first picture. */
    public void start() {
        subscription = source.subscribe(buffer);
        ConnectionState state = source.connection();
        connection.set(state);
        everConnected = state.isUp();
        loadDefinitions();
        table.reload();
        deadLetters.refresh();
        workers.refresh();
    }

    /** Drains the live events and lets every part do what is due. UI thread, every {@link #TICK}. */
    public void tick() {
        long started = System.nanoTime();
        tickNow();
        long took = System.nanoTime() - started;
        ticks++;
        tickNanos += took;
        maxTickNanos = Math.max(maxTickNanos, took);
    }

    private void tickNow() {
        Instant now = clock.instant();
        LiveEventBuffer.Batch batch = buffer.drain();
        if (batch.connection() != null) {
            onConnection(batch.connection());
        }
        if (!batch.events().isEmpty()) {
            table.apply(batch.events());
            counts.onEvents(batch.events());
            detail.onEvents(batch.events());
        }
        if (!batch.gaps().isEmpty()) {
            reread(batch.gaps());
        }
        throughput.record(now, batch.stageRuns(), batch.failures());
        counts.tick(now);
        detail.tick();
        deadLetters.tick(now);
        jobs.tick(now);
        workers.tick(now);
        long second = now.getEpochSecond();
        if (second != lastChartSecond) {
            lastChartSecond = second;
            chartTick.set(chartTick.get() + 1);
        }
    }

    private void onConnection(ConnectionState state) {
        ConnectionState before = connection.get();
        connection.set(state);
        boolean wasUp = before != null && before.isUp();
        if (state.isUp() && !wasUp) {
            if (everConnected) {
                actions.log(ActivityEntry.Kind.SUCCESS, "Reconnected to the " + source.describe() + "; reading again what was missed");
                resync();
            } else {
                loadDefinitions();
                table.reload();
            }
            everConnected = true;
        } else if (!state.isUp() && wasUp) {
            actions.log(ActivityEntry.Kind.FAILURE, "Lost the " + source.describe() + ": " + state.describe());
        } else if (state.kind() == ConnectionState.Kind.LOST && (before == null || before.kind() != ConnectionState.Kind.LOST)) {
            actions.log(ActivityEntry.Kind.FAILURE, "Gave up reconnecting to the " + source.describe() + ": " + state.describe());
        }
    }

    /** Reads everything again: after a reconnect, or when too many events were missed. */
    public void resync() {
        resyncs++;
        loadDefinitions();
        table.reload();
        counts.invalidate();
        detail.refresh();
        deadLetters.refresh();
    }

    private void reread(Set<String> ids) {
        if (ids.size() > MAX_REREADS_PER_TICK) {
            LOG.info("{} processes missed events at once; reading the monitor's picture again", ids.size());
            resync();
            return;
        }
        for (String id : ids) {
            rereads++;
            ui.on(source.process(id), this::reread, e -> LOG.debug("re-reading process {} failed: {}", id, e.toString()));
        }
        detail.onChanged(ids);
    }

    private void reread(ProcessSnapshot p) {
        if (tracker.seed(p.id(), p.step())) {
            table.applySnapshot(p);
        }
    }

    /** Reads the list of deployed cases (after a deploy from the designer, for instance). */
    public void loadDefinitions() {
        ui.on(source.definitions(), list -> {
            deployed.clear();
            for (DeployedDefinition d : list) {
                definitions.put(d.definition());
                deployed.computeIfAbsent(d.definition().key(), k -> new ArrayList<>()).add(d.definition());
            }
            deployed.values().forEach(v -> v.sort(Comparator.comparingInt(CaseDefinition::version)));
            List<CaseKey> keys = new ArrayList<>(deployed.keySet());
            if (!keys.equals(cases)) {
                cases.setAll(keys);
            }
            if (monitoredCase.get() == null || !deployed.containsKey(monitoredCase.get())) {
                monitoredCase.set(keys.isEmpty() ? null : keys.get(0));
            } else {
                updateGraph();
            }
        }, e -> LOG.debug("reading the deployed cases failed: {}", e.toString()));
    }

    private void updateGraph() {
        CaseKey key = monitoredCase.get();
        List<CaseDefinition> versions = key == null ? List.of() : deployed.getOrDefault(key, List.of());
        Integer wanted = table.filter().version();
        CaseDefinition shown = versions.stream().filter(d -> wanted != null && d.version() == wanted).findFirst()
                .orElse(versions.isEmpty() ? null : versions.get(versions.size() - 1));
        if (!Objects.equals(shown, graph.get())) {
            graph.set(shown);
        }
    }

    /** Monitors {@code key}: the graph shows its newest version (or the filtered one) with its counts. */
    public void monitor(CaseKey key) {
        if (key != null && !key.equals(monitoredCase.get())) {
            monitoredCase.set(key);
        }
    }

    /** Sets the table's filter; a filter on one case and api also moves the graph to that case. */
    public void setFilter(ProcessFilter filter) {
        table.setFilter(filter);
        if (filter.caseName() != null) {
            deployed.keySet().stream()
                    .filter(k -> k.name().equals(filter.caseName()) && (filter.api() == null || k.api().equals(filter.api())))
                    .findFirst().ifPresent(this::monitor);
        }
        updateGraph();
    }

    /** Versions deployed of {@code key}, oldest first. */
    public List<Integer> versions(CaseKey key) {
        return deployed.getOrDefault(key, List.of()).stream().map(CaseDefinition::version).toList();
    }

    /** One deployed version of {@code key}, if the monitor has read it. */
    public Optional<CaseDefinition> definition(CaseKey key, int version) {
        return deployed.getOrDefault(key, List.of()).stream().filter(d -> d.version() == version).findFirst();
    }

    /** Where slow work runs and how results come back to the UI thread. */
    public UiExecutor ui() {
        return ui;
    }

    public MonitorSource source() {
        return source;
    }

    public LiveEventBuffer buffer() {
        return buffer;
    }

    public SequenceTracker tracker() {
        return tracker;
    }

    public ProcessTableViewModel table() {
        return table;
    }

    public StageCountsViewModel counts() {
        return counts;
    }

    public ProcessDetailViewModel detail() {
        return detail;
    }

    public DeadLettersViewModel deadLetters() {
        return deadLetters;
    }

    public WorkersViewModel workers() {
        return workers;
    }

    /** Bulk retry and cancel as server-side jobs, with their progress. */
    public BulkJobsViewModel jobs() {
        return jobs;
    }

    public MonitorActions actions() {
        return actions;
    }

    public ThroughputHistory throughput() {
        return throughput;
    }

    public Clock clock() {
        return clock;
    }

    public ObjectProperty<ConnectionState> connectionProperty() {
        return connection;
    }

    public ObservableList<CaseKey> cases() {
        return cases;
    }

    public ObjectProperty<CaseKey> monitoredCaseProperty() {
        return monitoredCase;
    }

    /** The definition the graph draws (newest version of the monitored case, or the version filtered on). */
    public ObjectProperty<CaseDefinition> graphProperty() {
        return graph;
    }

    /** Changes once per second of ticks, so the chart repaints. */
    public LongProperty chartTickProperty() {
        return chartTick;
    }

    /** Ticks so far, and the UI-thread time they took (benchmark). */
    public long ticks() {
        return ticks;
    }

    public double meanTickMillis() {
        return ticks == 0 ? 0 : tickNanos / 1e6 / ticks;
    }

    public double maxTickMillis() {
        return maxTickNanos / 1e6;
    }

    public long rereads() {
        return rereads;
    }

    public long resyncs() {
        return resyncs;
    }

    @Override
    public void close() {
        if (subscription != null) {
            subscription.close();
            subscription = null;
        }
    }
}
