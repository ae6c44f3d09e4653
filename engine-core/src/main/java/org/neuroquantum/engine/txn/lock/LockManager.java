package org.neuroquantum.engine.txn.lock;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import org.neuroquantum.spi.error.ErrorCode;
import org.neuroquantum.spi.error.NeuroQuantumException;
import org.neuroquantum.spi.metrics.Counter;
import org.neuroquantum.spi.metrics.Metrics;
import org.neuroquantum.spi.metrics.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lock table of strict two-phase locking: transactions ({@link LockOwner}) acquire locks on resources
 * ({@link LockKey}) in the modes of {@link LockMode}, hold them until they end and release them all at once
 * with {@link #releaseAll}.
 *
 * <h2>Granting</h2>
 * A request the transaction already covers returns at once (re-entrant). Otherwise the transaction asks for
 * the {@linkplain LockMode#supremum supremum} of what it holds and what it asks for. An upgrade is granted as
 * soon as it is compatible with the other holders, ahead of any queued request; a new request is granted
 * when it is compatible with every holder and with every request queued ahead of it (FIFO: a stream of
 * shared requests never starves a queued exclusive one). Otherwise the request waits. When locks are
 * released or a request leaves the queue, every request the rule now allows is granted, in queue order.
 *
 * <h2>Deadlocks</h2>
 * The waits-for graph has an edge from each waiting transaction to each transaction it waits for: holders
 * of a conflicting mode and owners of conflicting requests queued ahead of it ({@link LockWait#blockedBy()}).
 * The graph is not stored separately but read off the lock table, so it can never disagree with it. Every
 * time a request starts to wait, the lock manager searches the graph for a cycle through that request
 * (immediate detection): a deadlock can only be closed by a transaction that starts to wait, so no cycle
 * goes unnoticed and none lives longer than the search. For each cycle found, the youngest transaction on it
 * ({@link LockOwner#isYoungerThan}) is the victim: its pending request is refused and its
 * {@code acquire} throws {@link ErrorCode#TRANSACTION_SERIALIZATION} (SQLSTATE 40001), naming the cycle.
 * The victim keeps every lock it already held until its caller rolls it back and calls
 * {@link #releaseAll}: only then can the others proceed.
 *
 * <h2>Timeouts and interrupts</h2>
 * A request that is not granted within its timeout leaves the queue and throws
 * {@link ErrorCode#TRANSACTION_LOCK_TIMEOUT} (55P03) naming the resource, the mode and the holders; a timeout
 * of zero means "do not wait" (NOWAIT). A waiting thread that is interrupted leaves the queue and throws
 * {@link ErrorCode#CANCELLED} with its interrupt flag set again. Either way the requests it was blocking are
 * granted if they now can be. If the lock is granted at the same moment, the grant wins: {@code acquire}
 * returns normally (with the interrupt flag still set after an interrupt).
 *
 * <h2>Threads</h2>
 * Thread-safe. Each transaction is driven by one thread at a time: {@code acquire} and {@code releaseAll} of
 * the same transaction must not run concurrently, and a transaction waits for at most one lock at a time.
 * Every transaction that has called {@code acquire} or {@code tryAcquire} ends with {@code releaseAll}, even
 * when it holds nothing (that is when the lock manager forgets it). A thread waiting for a lock is parked on
 * its request, so a thread dump shows which transaction waits for which mode on which resource.
 * The lock table is split into shards, each with its own mutex, so that transactions touching different
 * resources rarely contend; deadlock detection and {@link #currentWaits()} take every shard's mutex in shard
 * order to see a consistent graph. That only happens when a request must wait anyway.
 *
 * <h2>Metrics</h2>
 * Reported through the facade given to the constructor, which the kernel scopes with
 * {@link #METRICS_SCOPE}: counter {@code lock.waits} (requests that had to wait), timer
 * {@code lock.wait-time} (how long each waited, whatever the outcome), counter {@code lock.deadlocks}
 * (victims chosen), counter {@code lock.timeouts} (requests that timed out, NOWAIT refusals included) and
 * gauge {@code lock.waiting} (requests waiting now).
 */
public final class LockManager {
    /** The scope the kernel gives the lock manager's metrics: names become {@code lock.waits} etc. */
    public static final String METRICS_SCOPE = "lock";

    private static final Logger LOG = LoggerFactory.getLogger(LockManager.class);
    private static final int DEFAULT_SHARDS = 64;
    /** Timeouts beyond this (about 146 years) mean "wait forever"; it also keeps deadlines from overflowing. */
    private static final long FOREVER_NANOS = Long.MAX_VALUE / 2;
    private static final String DEADLOCK_REMEDY =
            "Retry the transaction: roll it back (which releases its locks) and run it again.";

    private static final class Shard {
        final ReentrantLock mutex = new ReentrantLock();
        final Map<LockKey, LockHead> heads = new HashMap<>();
    }

    private final Shard[] shards;
    private final int shardMask;
    private final Map<Long, TxnState> txns = new ConcurrentHashMap<>();
    private final Duration defaultTimeout;

    private final Counter waits;
    private final Counter deadlocks;
    private final Counter timeouts;
    private final Timer waitTime;
    private final AtomicInteger waitingNow = new AtomicInteger();

    /**
     * @param defaultTimeout the lock wait timeout of {@link #acquire(LockOwner, LockKey, LockMode)}
     * @param metrics where to report, already scoped (the kernel passes {@code metrics.scoped(METRICS_SCOPE)})
     */
    public LockManager(Duration defaultTimeout, Metrics metrics) {
        this(defaultTimeout, metrics, DEFAULT_SHARDS);
    }

    /** As above with {@code shardCount} shards (a power of two); tests use few shards to force sharing. */
    LockManager(Duration defaultTimeout, Metrics metrics, int shardCount) {
        Objects.requireNonNull(defaultTimeout, "defaultTimeout");
        Objects.requireNonNull(metrics, "metrics");
        if (defaultTimeout.isNegative()) {
            throw new IllegalArgumentException("The lock wait timeout must not be negative: " + defaultTimeout);
        }
        if (shardCount < 1 || Integer.bitCount(shardCount) != 1) {
            throw new IllegalArgumentException("The shard count must be a power of two: " + shardCount);
        }
        this.defaultTimeout = defaultTimeout;
        this.shards = new Shard[shardCount];
        for (int i = 0; i < shardCount; i++) {
            shards[i] = new Shard();
        }
        this.shardMask = shardCount - 1;
        this.waits = metrics.counter("waits");
        this.waitTime = metrics.timer("wait-time");
        this.deadlocks = metrics.counter("deadlocks");
        this.timeouts = metrics.counter("timeouts");
        metrics.gauge("waiting", waitingNow::get);
    }

    /** The timeout {@link #acquire(LockOwner, LockKey, LockMode)} waits at most. */
    public Duration defaultTimeout() {
        return defaultTimeout;
    }

    /** Acquires {@code mode} on {@code key} for {@code owner}, waiting at most the default timeout. */
    public void acquire(LockOwner owner, LockKey key, LockMode mode) {
        acquire(owner, key, mode, defaultTimeout);
    }

    /**
     * Acquires {@code mode} on {@code key} for {@code owner}, waiting at most {@code timeout}. Returns once the
     * transaction holds a mode covering {@code mode}; the lock is held until {@link #releaseAll}.
     *
     * @param timeout how long to wait at most; zero means not at all
     * @throws NeuroQuantumException {@link ErrorCode#TRANSACTION_SERIALIZATION} when the transaction is chosen
     *     as a deadlock victim, {@link ErrorCode#TRANSACTION_LOCK_TIMEOUT} when the lock is not granted in
     *     time, {@link ErrorCode#CANCELLED} when the thread is interrupted while waiting. The request has then
     *     left the lock table; locks held before stay held.
     * @throws IllegalStateException when the transaction is already waiting for another lock
     */
    public void acquire(LockOwner owner, LockKey key, LockMode mode, Duration timeout) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("The lock wait timeout must not be negative: " + timeout);
        }
        TxnState txn = state(owner);
        LockMode held = txn.held.get(key);
        if (held != null && held.covers(mode)) {
            return;
        }
        LockMode target = held == null ? mode : held.supremum(mode);
        Shard shard = shard(key);
        LockRequest request;
        shard.mutex.lock();
        try {
            LockHead head = shard.heads.computeIfAbsent(key, LockHead::new);
            if (head.canGrantNow(target, held)) {
                head.grant(txn, target);
                txn.held.put(key, target);
                return;
            }
            if (timeout.isZero()) {
                timeouts.increment();
                throw timeoutError(txn, head, null, target, timeout);
            }
            request = new LockRequest(txn, head, target, held, Thread.currentThread(), System.nanoTime());
            head.enqueue(request);
            txn.waiting = request;
            waitingNow.incrementAndGet();
            waits.increment();
        } finally {
            shard.mutex.unlock();
        }
        await(request, timeout);
        txn.held.put(key, target);
    }

    /**
     * Acquires {@code mode} on {@code key} for {@code owner} if that is possible without waiting.
     *
     * @return whether the transaction now holds a mode covering {@code mode}
     */
    public boolean tryAcquire(LockOwner owner, LockKey key, LockMode mode) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(mode, "mode");
        TxnState txn = state(owner);
        LockMode held = txn.held.get(key);
        if (held != null && held.covers(mode)) {
            return true;
        }
        LockMode target = held == null ? mode : held.supremum(mode);
        Shard shard = shard(key);
        shard.mutex.lock();
        try {
            LockHead head = shard.heads.computeIfAbsent(key, LockHead::new);
            if (!head.canGrantNow(target, held)) {
                return false;
            }
            head.grant(txn, target);
            txn.held.put(key, target);
            return true;
        } finally {
            shard.mutex.unlock();
        }
    }

    /**
     * Releases every lock of {@code owner} (at commit or rollback) and grants, in queue order, the waiting
     * requests that can now proceed. Does nothing for a transaction that holds no lock.
     *
     * @throws IllegalStateException when called while the transaction is waiting for a lock
     */
    public void releaseAll(LockOwner owner) {
        Objects.requireNonNull(owner, "owner");
        TxnState txn = txns.get(owner.txnId());
        if (txn == null) {
            return;
        }
        if (!txn.owner.equals(owner)) {
            throw new IllegalArgumentException("Transaction id " + owner.txnId() + " is in use with start order "
                    + txn.owner.startOrder() + ", not " + owner.startOrder());
        }
        LockRequest pending = txn.waiting;
        if (pending != null) {
            throw new IllegalStateException(owner + " is still waiting for " + pending.mode + " on "
                    + pending.head.key + "; its locks can be released only once that wait has ended");
        }
        txns.remove(owner.txnId(), txn);
        if (txn.held.isEmpty()) {
            return;
        }
        Map<Shard, List<LockKey>> byShard = new IdentityHashMap<>();
        for (LockKey key : txn.held.keySet()) {
            byShard.computeIfAbsent(shard(key), s -> new ArrayList<>()).add(key);
        }
        txn.held.clear();
        List<LockRequest> wake = new ArrayList<>();
        for (Map.Entry<Shard, List<LockKey>> e : byShard.entrySet()) {
            Shard shard = e.getKey();
            shard.mutex.lock();
            try {
                for (LockKey key : e.getValue()) {
                    LockHead head = shard.heads.get(key);
                    if (head == null || head.release(txn) == null) {
                        throw new NeuroQuantumException(ErrorCode.INTERNAL,
                                "The lock table lost " + owner + "'s lock on " + key + ".",
                                "Report this bug with the log of the database.");
                    }
                    publishGrants(head.grantWaiters(), wake);
                    if (head.isUnused()) {
                        shard.heads.remove(key);
                    }
                }
            } finally {
                shard.mutex.unlock();
            }
        }
        wakeAll(wake);
    }

    /** The mode {@code owner} holds on {@code key}, or {@code null}. Any thread may ask. */
    public LockMode heldMode(LockOwner owner, LockKey key) {
        TxnState txn = txns.get(owner.txnId());
        if (txn == null || !txn.owner.equals(owner)) {
            return null;
        }
        Shard shard = shard(key);
        shard.mutex.lock();
        try {
            LockHead head = shard.heads.get(key);
            return head == null ? null : head.modeOf(txn);
        } finally {
            shard.mutex.unlock();
        }
    }

    /**
     * A consistent snapshot of every waiting request, oldest wait first: who waits for what, held by whom,
     * and whom exactly it waits for. The material of a lock system table.
     */
    public List<LockWait> currentWaits() {
        long now = System.nanoTime();
        List<LockWait> out = new ArrayList<>();
        lockAllShards();
        try {
            for (Shard shard : shards) {
                for (LockHead head : shard.heads.values()) {
                    Map<Long, LockMode> holders = Collections.unmodifiableMap(head.holdersById());
                    for (LockRequest r : head.queued()) {
                        List<Long> blockedBy = new ArrayList<>();
                        for (TxnState b : head.blockers(r)) {
                            blockedBy.add(b.id());
                        }
                        out.add(new LockWait(r.txn.id(), r.txn.owner.startOrder(), head.key, r.mode, r.heldMode,
                                Duration.ofNanos(Math.max(0, now - r.sinceNanos)), holders,
                                List.copyOf(blockedBy)));
                    }
                }
            }
        } finally {
            unlockAllShards();
        }
        out.sort(Comparator.comparing(LockWait::waited).reversed().thenComparingLong(LockWait::txnId));
        return out;
    }

    /** How many requests are waiting now (the {@code lock.waiting} gauge). */
    public int waitingCount() {
        return waitingNow.get();
    }

    /** How many resources are locked or waited for now. Not atomic across shards. */
    public int lockedResourceCount() {
        int n = 0;
        for (Shard shard : shards) {
            shard.mutex.lock();
            try {
                n += shard.heads.size();
            } finally {
                shard.mutex.unlock();
            }
        }
        return n;
    }

    // ---------------------------------------------------------------------------------------------------
    // Waiting

    private void await(LockRequest request, Duration timeout) {
        detectDeadlocks(request);
        long nanos = toNanos(timeout);
        boolean forever = nanos >= FOREVER_NANOS;
        long deadline = request.sinceNanos + nanos;
        boolean interrupted = false;
        try {
            while (request.status == LockRequest.WAITING) {
                if (Thread.interrupted()) {
                    interrupted = true;
                    NeuroQuantumException e = withdraw(request, null);
                    if (e != null) {
                        throw e;
                    }
                    continue;
                }
                long remaining = forever ? FOREVER_NANOS : deadline - System.nanoTime();
                if (remaining <= 0) {
                    NeuroQuantumException e = withdraw(request, timeout);
                    if (e != null) {
                        throw e;
                    }
                    continue;
                }
                LockSupport.parkNanos(request, remaining);
            }
        } finally {
            waitTime.update(System.nanoTime() - request.sinceNanos);
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        if (request.status == LockRequest.VICTIM) {
            throw new NeuroQuantumException(ErrorCode.TRANSACTION_SERIALIZATION, request.refusal, DEADLOCK_REMEDY);
        }
    }

    /**
     * Takes a still-waiting request out of its queue on behalf of its own thread, after a timeout
     * ({@code timeout} set) or an interrupt ({@code timeout} null), and grants what that unblocks.
     *
     * @return the error to throw, or {@code null} when the request was no longer waiting (granted or refused
     *     meanwhile: that outcome wins)
     */
    private NeuroQuantumException withdraw(LockRequest request, Duration timeout) {
        LockHead head = request.head;
        Shard shard = shard(head.key);
        List<LockRequest> wake = new ArrayList<>();
        NeuroQuantumException error;
        shard.mutex.lock();
        try {
            if (request.status != LockRequest.WAITING) {
                return null;
            }
            error = timeout != null
                    ? timeoutError(request.txn, head, request, request.mode, timeout)
                    : new NeuroQuantumException(ErrorCode.CANCELLED,
                            request.txn.owner + " was interrupted while waiting for " + request.mode + " on "
                                    + head.key + "; the lock request was withdrawn.",
                            "The wait was cancelled; roll the transaction back, or retry if the cancellation"
                                    + " was not intended.");
            head.withdraw(request);
            request.txn.waiting = null;
            request.status = LockRequest.WITHDRAWN;
            waitingNow.decrementAndGet();
            publishGrants(head.grantWaiters(), wake);
            if (head.isUnused()) {
                shard.heads.remove(head.key);
            }
        } finally {
            shard.mutex.unlock();
        }
        wakeAll(wake);
        if (timeout != null) {
            timeouts.increment();
            LOG.debug("{}", error.causeDescription());
        }
        return error;
    }

    /** Marks granted requests (under their shard lock) and collects them to be woken. */
    private void publishGrants(List<LockRequest> granted, List<LockRequest> wake) {
        for (LockRequest r : granted) {
            r.txn.waiting = null;
            r.status = LockRequest.GRANTED;
            waitingNow.decrementAndGet();
            wake.add(r);
        }
    }

    private static void wakeAll(List<LockRequest> wake) {
        for (LockRequest r : wake) {
            LockSupport.unpark(r.thread);
        }
    }

    // ---------------------------------------------------------------------------------------------------
    // Deadlock detection

    /**
     * Called by the thread of a request that has just started to wait: while the request still waits and a
     * cycle of the waits-for graph runs through it, refuses the youngest transaction on the cycle. Any new
     * cycle runs through this request (every other one was broken when its last member started to wait), so
     * searching from it suffices.
     */
    private void detectDeadlocks(LockRequest request) {
        List<LockRequest> wake = new ArrayList<>();
        lockAllShards();
        try {
            while (request.status == LockRequest.WAITING) {
                List<LockRequest> cycle = findCycle(request, false);
                if (cycle == null) {
                    break;
                }
                LockRequest victim = cycle.get(0);
                for (LockRequest r : cycle) {
                    if (r.txn.owner.isYoungerThan(victim.txn.owner)) {
                        victim = r;
                    }
                }
                refuse(victim, describeCycle(cycle, victim), wake);
            }
            request.searched = true;
        } finally {
            unlockAllShards();
        }
        wakeAll(wake);
    }

    /**
     * A cycle through {@code start} as the list of waiting requests along it, each waiting for the owner of
     * the next and the last for {@code start}'s owner; {@code null} if there is none. Depth-first, blockers in
     * the deterministic order of {@link LockHead#blockers}, iterative (chains can be as long as there are
     * threads). Called under all shard locks.
     *
     * @param searchedOnly follow only requests whose own search has run (for {@link #auditInvariants()})
     */
    private static List<LockRequest> findCycle(LockRequest start, boolean searchedOnly) {
        final class Frame {
            final LockRequest request;
            final List<TxnState> blockers;
            int next;

            Frame(LockRequest request) {
                this.request = request;
                this.blockers = request.head.blockers(request);
            }
        }
        Set<TxnState> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Frame> path = new ArrayDeque<>();
        path.push(new Frame(start));
        seen.add(start.txn);
        while (!path.isEmpty()) {
            Frame top = path.peek();
            if (top.next == top.blockers.size()) {
                path.pop();
                continue;
            }
            TxnState blocker = top.blockers.get(top.next++);
            if (blocker == start.txn) {
                List<LockRequest> cycle = new ArrayList<>(path.size());
                path.descendingIterator().forEachRemaining(f -> cycle.add(f.request));
                return cycle;
            }
            LockRequest next = blocker.waiting;
            if (next != null && (next.searched || !searchedOnly) && seen.add(blocker)) {
                path.push(new Frame(next));
            }
        }
        return null;
    }

    /**
     * For tests: a description of the first broken invariant of the lock table, or {@code null}. Checked:
     * every queued request is waiting, is its transaction's only wait, is not grantable and has a blocker (else
     * a wake-up was lost); the waiting gauge matches the queues; and no deadlock was missed. A cycle may exist
     * for a moment between a request joining its queue and its own deadlock search; a cycle made only of
     * requests whose search has run must never exist.
     */
    String auditInvariants() {
        lockAllShards();
        try {
            int queued = 0;
            for (Shard shard : shards) {
                for (LockHead head : shard.heads.values()) {
                    if (head.isUnused()) {
                        return "unused lock table entry for " + head.key;
                    }
                    List<LockRequest> queue = head.queued();
                    for (int i = 0; i < queue.size(); i++) {
                        LockRequest r = queue.get(i);
                        queued++;
                        if (r.status != LockRequest.WAITING || r.txn.waiting != r) {
                            return "queued request of " + r.txn + " is not its wait (status " + r.status + ")";
                        }
                        if (head.isGrantable(r, i) || head.blockers(r).isEmpty()) {
                            return "lost wake-up: " + r + " could be granted";
                        }
                        List<LockRequest> cycle = r.searched ? findCycle(r, true) : null;
                        if (cycle != null) {
                            return "undetected deadlock: " + describeCycle(cycle, cycle.get(0));
                        }
                    }
                }
            }
            if (queued != waitingNow.get()) {
                return queued + " requests queued but the waiting gauge shows " + waitingNow.get();
            }
            return null;
        } finally {
            unlockAllShards();
        }
    }

    /** Refuses a deadlock victim's request (under all shard locks) and grants what that unblocks. */
    private void refuse(LockRequest victim, String why, List<LockRequest> wake) {
        LockHead head = victim.head;
        head.withdraw(victim);
        victim.txn.waiting = null;
        victim.refusal = why;
        victim.status = LockRequest.VICTIM;
        waitingNow.decrementAndGet();
        if (victim.thread != Thread.currentThread()) {
            wake.add(victim);
        }
        publishGrants(head.grantWaiters(), wake);
        if (head.isUnused()) {
            shard(head.key).heads.remove(head.key);
        }
        deadlocks.increment();
        LOG.debug("{}", why);
    }

    private static String describeCycle(List<LockRequest> cycle, LockRequest victim) {
        StringBuilder s = new StringBuilder("Deadlock detected: ");
        for (int i = 0; i < cycle.size(); i++) {
            LockRequest r = cycle.get(i);
            LockRequest nextRequest = cycle.get((i + 1) % cycle.size());
            TxnState next = nextRequest.txn;
            LockMode nextHolds = r.head.modeOf(next);
            s.append(r.txn.owner).append(" waits for ").append(r.mode).append(" on ").append(r.head.key);
            if (nextHolds != null && !nextHolds.isCompatibleWith(r.mode)) {
                s.append(", held by ").append(next.owner).append(" (").append(nextHolds).append(")");
            } else {
                s.append(", queued behind ").append(next.owner).append("'s request for ")
                        .append(nextRequest.mode);
            }
            s.append("; ");
        }
        s.setLength(s.length() - 2);
        s.append(". The victim is ").append(victim.txn.owner).append(", the youngest in the cycle: its request for ")
                .append(victim.mode).append(" on ").append(victim.head.key).append(" is refused.");
        return s.toString();
    }

    // ---------------------------------------------------------------------------------------------------
    // Helpers

    private TxnState state(LockOwner owner) {
        Objects.requireNonNull(owner, "owner");
        TxnState txn = txns.computeIfAbsent(owner.txnId(), id -> new TxnState(owner));
        if (!txn.owner.equals(owner)) {
            throw new IllegalArgumentException("Transaction id " + owner.txnId() + " is in use with start order "
                    + txn.owner.startOrder() + ", not " + owner.startOrder());
        }
        LockRequest pending = txn.waiting;
        if (pending != null) {
            throw new IllegalStateException(owner + " is already waiting for " + pending.mode + " on "
                    + pending.head.key + "; a transaction waits for one lock at a time");
        }
        return txn;
    }

    /** The error of a request not granted in time; {@code request} is null for a refused NOWAIT request. */
    private static NeuroQuantumException timeoutError(TxnState txn, LockHead head, LockRequest request,
            LockMode mode, Duration timeout) {
        StringBuilder s = new StringBuilder();
        if (timeout.isZero()) {
            s.append("Lock not available: ").append(txn.owner).append(" asked for ").append(mode).append(" on ")
                    .append(head.key).append(" without waiting");
        } else {
            s.append("Lock wait timeout: ").append(txn.owner).append(" waited ").append(formatMillis(timeout))
                    .append(" for ").append(mode).append(" on ").append(head.key);
        }
        Map<Long, LockMode> holders = head.holdersById();
        holders.remove(txn.id());
        if (holders.isEmpty()) {
            s.append("; it is held by no other transaction");
        } else {
            s.append("; held by ");
            holders.forEach((id, m) -> s.append("transaction ").append(id).append(" (").append(m).append("), "));
            s.setLength(s.length() - 2);
        }
        List<LockRequest> ahead = request == null ? head.queued() : head.queuedAhead(request);
        if (!ahead.isEmpty()) {
            s.append("; queued ahead: ");
            for (LockRequest r : ahead) {
                s.append(r.txn.owner).append(" (").append(r.mode).append("), ");
            }
            s.setLength(s.length() - 2);
        }
        s.append('.');
        return new NeuroQuantumException(ErrorCode.TRANSACTION_LOCK_TIMEOUT, s.toString(),
                "Retry the transaction once the holders have finished, or raise the lock wait timeout if waits"
                        + " this long are expected.");
    }

    private static String formatMillis(Duration d) {
        long nanos = toNanos(d);
        return nanos >= FOREVER_NANOS ? d.toString() : d.toMillis() + " ms";
    }

    private static long toNanos(Duration d) {
        try {
            return d.toNanos();
        } catch (ArithmeticException overflow) {
            return Long.MAX_VALUE;
        }
    }

    private Shard shard(LockKey key) {
        // The shard takes the top bits of a remixed hash: the shard's HashMap buckets by the low bits of the same
        // hash, and keys that agreed on those would all share a few buckets (and turn them into trees).
        int h = key.hashCode() * 0x9E3779B9;
        return shards[(h >>> 16) & shardMask];
    }

    private void lockAllShards() {
        for (Shard shard : shards) {
            shard.mutex.lock();
        }
    }

    private void unlockAllShards() {
        for (int i = shards.length - 1; i >= 0; i--) {
            shards[i].mutex.unlock();
        }
    }
}
