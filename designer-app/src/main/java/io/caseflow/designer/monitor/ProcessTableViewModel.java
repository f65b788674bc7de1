package io.caseflow.designer.monitor;

import io.caseflow.designer.concurrent.UiExecutor;
import io.caseflow.process.ProcessEvent;
import io.caseflow.process.ProcessPage;
import io.caseflow.process.ProcessQuery;
import io.caseflow.process.ProcessSnapshot;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The process table: rows paged in from the store (newest first) for the current
 * {@link ProcessFilter}, kept up to date by live events.
 *
 * <p>Live updates never move anything under the user: a row that changes keeps its place (its
 * {@link ProcessItem} gets the new values), and processes that newly match the filter are only
 * inserted at the top while the view {@link #followingProperty() follows} (scrolled to the top,
 * nothing selected, newest first). Otherwise they wait in {@link #pendingCountProperty()} until
 * the user asks for them ({@link #showPending}). Rows that stop matching stay where they are until
 * the next reload; the view greys them out.
 *
 * <p>Sorting by a column sorts the rows loaded so far; scrolling near the end loads the next page.
 * UI thread only.
 */
public final class ProcessTableViewModel {
    public static final int PAGE_SIZE = 500;
    public static final int MAX_PENDING = 10_000;
    public static final Comparator<ProcessRow> NEWEST_FIRST = Comparator.comparing(ProcessRow::id).reversed();

    private final MonitorSource source;
    private final UiExecutor ui;
    private final SequenceTracker tracker;
    private final ObservableList<ProcessItem> items = FXCollections.observableArrayList();
    private final Map<String, ProcessItem> byId = new HashMap<>();
    private final Map<String, ProcessRow> pending = new LinkedHashMap<>();
    private final ObjectProperty<ProcessFilter> filter = new SimpleObjectProperty<>(ProcessFilter.NONE);
    private final LongProperty total = new SimpleLongProperty();
    private final IntegerProperty pendingCount = new SimpleIntegerProperty();
    private final BooleanProperty maybeMore = new SimpleBooleanProperty();
    private final BooleanProperty loading = new SimpleBooleanProperty();
    private final BooleanProperty complete = new SimpleBooleanProperty();
    private final BooleanProperty following = new SimpleBooleanProperty(true);
    private final StringProperty error = new SimpleStringProperty();
    private Comparator<ProcessRow> order;
    private int pageSize = PAGE_SIZE;
    private long generation;
    private int fetched;
    private Consumer<Set<String>> onOutdated = ids -> { };
    private Runnable onReloaded = () -> { };
    private Runnable beforeReplace = () -> { };

    public ProcessTableViewModel(MonitorSource source, UiExecutor ui, SequenceTracker tracker) {
        this.source = source;
        this.ui = ui;
        this.tracker = tracker;
    }

    public ObservableList<ProcessItem> items() {
        return items;
    }

    public ObjectProperty<ProcessFilter> filterProperty() {
        return filter;
    }

    public ProcessFilter filter() {
        return filter.get();
    }

    /** Matching processes in the store at the last load, plus those shown since. */
    public LongProperty totalProperty() {
        return total;
    }

    /** New matching processes waiting to be shown. */
    public IntegerProperty pendingCountProperty() {
        return pendingCount;
    }

    /** True when events may match a text filter that only the store can check: reload to know. */
    public BooleanProperty maybeMoreProperty() {
        return maybeMore;
    }

    public BooleanProperty loadingProperty() {
        return loading;
    }

    /** True when every matching process is loaded. */
    public BooleanProperty completeProperty() {
        return complete;
    }

    public BooleanProperty followingProperty() {
        return following;
    }

    /** Why the last load failed, or null. */
    public StringProperty errorProperty() {
        return error;
    }

    public int pageSize() {
        return pageSize;
    }

    /** Rows per request (at most {@link io.caseflow.process.ProcessQuery#MAX_LIMIT}). */
    public void setPageSize(int rows) {
        if (rows < 1 || rows > ProcessQuery.MAX_LIMIT) {
            throw new IllegalArgumentException("page size must be 1 to " + ProcessQuery.MAX_LIMIT + ", was " + rows);
        }
        this.pageSize = rows;
    }

    /** Told the ids of rows whose read was older than an event already seen: re-read them. */
    public void setOnOutdated(Consumer<Set<String>> handler) {
        this.onOutdated = handler;
    }

    /** Runs just before a reload replaces the rows (the view notes the selection). */
    public void setBeforeReplace(Runnable handler) {
        this.beforeReplace = handler;
    }

    /** Runs after every reload (the view puts the selection back by id). */
    public void setOnReloaded(Runnable handler) {
        this.onReloaded = handler;
    }

    public ProcessItem item(String id) {
        return byId.get(id);
    }

    public void setFilter(ProcessFilter value) {
        ProcessFilter next = value == null ? ProcessFilter.NONE : value;
        if (!next.equals(filter.get())) {
            filter.set(next);
            reload();
        }
    }

    /** Reads the first page again; rows, pending and sort order start over (the sort is re-applied). */
    public CompletableFuture<Void> reload() {
        long gen = ++generation;
        ProcessFilter f = filter.get();
        loading.set(true);
        CompletableFuture<Void> done = new CompletableFuture<>();
        ui.on(source.list(f.toQuery(0, pageSize)), page -> {
            if (gen == generation) {
                firstPage(page);
            }
            done.complete(null);
        }, e -> {
            if (gen == generation) {
                loading.set(false);
                error.set("Could not load processes: " + message(e));
            }
            done.completeExceptionally(e);
        });
        return done;
    }

    private void firstPage(ProcessPage page) {
        loading.set(false);
        error.set(null);
        byId.clear();
        pending.clear();
        pendingCount.set(0);
        maybeMore.set(false);
        List<ProcessItem> fresh = new ArrayList<>(page.processes().size());
        for (ProcessSnapshot p : page.processes()) {
            ProcessItem item = new ProcessItem(ProcessRow.of(p));
            if (byId.putIfAbsent(item.id(), item) == null) {
                fresh.add(item);
            }
        }
        if (order != null) {
            fresh.sort(Comparator.comparing(ProcessItem::row, order));
        }
        beforeReplace.run();
        items.setAll(fresh);
        fetched = page.processes().size();
        total.set(page.total());
        complete.set(fetched >= page.total() || page.processes().isEmpty());
        checkOutdated(page.processes());
        onReloaded.run();
    }

    /** Loads the next page (when the user scrolls near the end). Does nothing while loading or when complete. */
    public CompletableFuture<Void> loadMore() {
        if (loading.get() || complete.get()) {
            return CompletableFuture.completedFuture(null);
        }
        long gen = generation;
        loading.set(true);
        CompletableFuture<Void> done = new CompletableFuture<>();
        ui.on(source.list(filter.get().toQuery(fetched, pageSize)), page -> {
            if (gen == generation) {
                nextPage(page);
            }
            done.complete(null);
        }, e -> {
            if (gen == generation) {
                loading.set(false);
                error.set("Could not load more processes: " + message(e));
            }
            done.completeExceptionally(e);
        });
        return done;
    }

    private void nextPage(ProcessPage page) {
        loading.set(false);
        error.set(null);
        List<ProcessItem> added = new ArrayList<>(page.processes().size());
        for (ProcessSnapshot p : page.processes()) {
            // Processes started since the first page push older ones down: skip the ones already shown.
            if (!byId.containsKey(p.id())) {
                ProcessItem item = new ProcessItem(ProcessRow.of(p));
                pending.remove(item.id());
                byId.put(item.id(), item);
                added.add(item);
            }
        }
        fetched += page.processes().size();
        total.set(Math.max(page.total(), items.size() + added.size()));
        complete.set(page.processes().isEmpty() || fetched >= page.total());
        pendingCount.set(pending.size());
        if (order != null) {
            List<ProcessItem> all = new ArrayList<>(items);
            all.addAll(added);
            all.sort(Comparator.comparing(ProcessItem::row, order));
            beforeReplace.run();
            items.setAll(all);
            onReloaded.run();
        } else {
            items.addAll(added);
        }
        checkOutdated(page.processes());
    }

    /** Loads page after page until every matching process is loaded (the benchmark, "load all"). */
    public CompletableFuture<Void> loadAll() {
        if (complete.get()) {
            return CompletableFuture.completedFuture(null);
        }
        return loadMore().thenCompose(v -> {
            CompletableFuture<Void> next = new CompletableFuture<>();
            ui.later(() -> loadAll().whenComplete((r, e) -> {
                if (e != null) {
                    next.completeExceptionally(e);
                } else {
                    next.complete(null);
                }
            }));
            return next;
        });
    }

    private void checkOutdated(List<ProcessSnapshot> read) {
        Set<String> outdated = new LinkedHashSet<>();
        for (ProcessSnapshot p : read) {
            if (!tracker.seed(p.id(), p.step())) {
                outdated.add(p.id());
            }
        }
        if (!outdated.isEmpty()) {
            onOutdated.accept(outdated);
        }
    }

    /** Applies the newest event of each process from one drained batch. */
    public void apply(Collection<ProcessEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        ProcessFilter f = filter.get();
        List<ProcessRow> toTop = new ArrayList<>();
        boolean follow = following.get() && order == null;
        for (ProcessEvent e : events) {
            ProcessItem item = byId.get(e.processId());
            if (item != null) {
                if (e.seq() > item.row().step()) {
                    item.update(item.row().updatedBy(e));
                }
                continue;
            }
            ProcessRow waiting = pending.get(e.processId());
            if (waiting != null) {
                if (e.seq() > waiting.step()) {
                    pending.put(e.processId(), waiting.updatedBy(e));
                }
                continue;
            }
            ProcessFilter.Match match = f.matches(e);
            if (match == ProcessFilter.Match.UNKNOWN) {
                maybeMore.set(true);
            } else if (match == ProcessFilter.Match.YES) {
                if (follow) {
                    toTop.add(ProcessRow.of(e));
                } else if (pending.size() < MAX_PENDING) {
                    pending.put(e.processId(), ProcessRow.of(e));
                } else {
                    maybeMore.set(true);
                }
            }
        }
        if (!toTop.isEmpty()) {
            insertAtTop(toTop);
        }
        pendingCount.set(pending.size());
    }

    /** A process read again (after a gap): its row takes the read values unless an event was newer. */
    public void applySnapshot(ProcessSnapshot p) {
        ProcessItem item = byId.get(p.id());
        if (item != null) {
            item.update(ProcessRow.of(p));
        } else if (pending.containsKey(p.id()) && pending.get(p.id()).step() <= p.step()) {
            pending.put(p.id(), ProcessRow.of(p));
        }
    }

    private void insertAtTop(List<ProcessRow> rows) {
        rows.sort(NEWEST_FIRST);
        List<ProcessItem> added = new ArrayList<>(rows.size());
        for (ProcessRow row : rows) {
            ProcessItem item = new ProcessItem(row);
            byId.put(item.id(), item);
            added.add(item);
        }
        items.addAll(0, added);
        total.set(total.get() + added.size());
    }

    /** Shows the processes that matched while the user was looking elsewhere (or reloads, if the store must decide). */
    public void showPending() {
        if (maybeMore.get()) {
            reload();
            return;
        }
        if (pending.isEmpty()) {
            return;
        }
        List<ProcessRow> rows = new ArrayList<>(pending.values());
        pending.clear();
        pendingCount.set(0);
        insertAtTop(rows);
        if (order != null) {
            sort(order);
        }
    }

    public void setFollowing(boolean value) {
        following.set(value);
        if (value && order == null && !pending.isEmpty() && !maybeMore.get()) {
            showPending();
        }
    }

    /** Sorts the loaded rows ({@code null}: newest first, the store's order). Live updates do not re-sort. */
    public void sort(Comparator<ProcessRow> comparator) {
        order = comparator;
        Comparator<ProcessRow> by = comparator == null ? NEWEST_FIRST : comparator;
        FXCollections.sort(items, Comparator.comparing(ProcessItem::row, by));
    }

    public boolean isSorted() {
        return order != null;
    }

    /** "Showing 500 of 12,345" and what else there is to know. */
    public String footer() {
        StringBuilder b = new StringBuilder();
        b.append(String.format("Showing %,d of %,d", items.size(), Math.max(total.get(), items.size())));
        if (!complete.get() && !items.isEmpty()) {
            b.append(" · scroll down for more");
        }
        if (order != null) {
            b.append(" · sorted: the loaded rows");
        }
        return b.toString();
    }

    static String message(Throwable e) {
        Throwable t = UiExecutor.unwrap(e);
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
