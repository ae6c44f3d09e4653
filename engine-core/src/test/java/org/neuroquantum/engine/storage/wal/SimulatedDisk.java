package org.neuroquantum.engine.storage.wal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * An in-memory disk behind the {@link WalIo} seam that keeps what was written apart from what was synced, so a
 * test can crash it: {@link #crash} returns the disk as it would be found after a power loss (only synced
 * bytes), a process kill (every written byte) or a power loss in the middle of writing (synced bytes plus a
 * prefix of the unsynced writes, the last one torn at a random byte: its rest missing, zeros or garbage). A
 * crash can also strike inside a sync ({@link #crashAtSync}). The disk runs out of space on demand
 * ({@link #setFreeSpace}), fails syncs the way Linux does (a failed {@code fsync} forgets the dirty data, so a
 * retry that does not write again persists nothing) and counts syncs.
 *
 * <p>A created file survives a power loss only once its directory was synced; a deletion is durable at once.
 * Thread-safe (one monitor); a sync can be slowed down with {@link #setSyncDelayNanos} to let concurrent
 * forcers pile up.
 */
public final class SimulatedDisk implements WalIo {
    /** How a crash treats unsynced data. */
    public enum Crash {
        /** Every unsynced write is lost, and files whose directory entry was never synced vanish. */
        POWER_LOSS,
        /** Every write survives (the page cache outlives the process). */
        PROCESS_KILL,
        /** The unsynced writes survive up to a random one, which is torn at a random byte. */
        TORN_WRITE,
        /**
         * Each unsynced write survives or not, independently (the device reordered them); the last survivor may be
         * torn at a random byte.
         */
        REORDER
    }

    private static final class Op {
        final long seq;
        final long position;
        final byte[] bytes; // null: a truncation to position
        final SimFile file;

        Op(long seq, SimFile file, long position, byte[] bytes) {
            this.seq = seq;
            this.file = file;
            this.position = position;
            this.bytes = bytes;
        }
    }

    private static final class SimFile {
        byte[] data = new byte[0];
        int size;
        byte[] durable = new byte[0];
        int durableSize;
        boolean entryDurable;
        final List<Op> unsynced = new ArrayList<>();

        SimFile copyOf(byte[] content, int length) {
            SimFile f = new SimFile();
            f.data = Arrays.copyOf(content, Math.max(length, 16));
            f.size = length;
            f.durable = Arrays.copyOf(content, Math.max(length, 16));
            f.durableSize = length;
            f.entryDurable = true;
            return f;
        }
    }

    private final Map<Path, SimFile> files = new LinkedHashMap<>();
    private long seq;
    private long freeSpace = Long.MAX_VALUE;
    private int failSyncs;
    private volatile long syncDelayNanos;
    private Crash armedKind;
    private Random armedRandom;
    private int armedCountdown;
    private SimulatedDisk crashedAtSync;
    private final AtomicLong syncs = new AtomicLong();
    private final AtomicLong directorySyncs = new AtomicLong();

    // ---- the seam -----------------------------------------------------------------------------------------

    @Override
    public synchronized WalChannel open(Path file, boolean write, boolean create) throws IOException {
        SimFile f = files.get(file);
        if (f == null) {
            if (!(write && create)) {
                throw new NoSuchFileException(file.toString());
            }
            if (freeSpace <= 0) {
                throw new IOException(file + ": No space left on device");
            }
            f = new SimFile();
            files.put(file, f);
        }
        return new Channel(f, write);
    }

    @Override
    public synchronized List<String> list(Path dir) {
        List<String> names = new ArrayList<>();
        for (Path p : files.keySet()) {
            if (dir.equals(p.getParent())) {
                names.add(p.getFileName().toString());
            }
        }
        return names;
    }

    @Override
    public synchronized void delete(Path file) {
        SimFile f = files.remove(file);
        if (f != null) {
            freeSpace = add(freeSpace, f.size);
        }
    }

    @Override
    public void createDirectories(Path dir) {
    }

    @Override
    public synchronized void syncDirectory(Path dir) {
        directorySyncs.incrementAndGet();
        for (Map.Entry<Path, SimFile> e : files.entrySet()) {
            if (dir.equals(e.getKey().getParent())) {
                e.getValue().entryDurable = true;
            }
        }
    }

    @Override
    public boolean isDiskFull(IOException e, Path dir) {
        return e.getMessage() != null && e.getMessage().contains("No space left on device");
    }

    // ---- control ------------------------------------------------------------------------------------------

    /** Bytes the files may still grow by; {@link Long#MAX_VALUE} for unlimited. */
    public synchronized void setFreeSpace(long bytes) {
        freeSpace = bytes;
    }

    /** The next {@code n} syncs fail with an I/O error and forget the data they should have made durable. */
    synchronized void failNextSyncs(int n) {
        failSyncs = n;
    }

    /**
     * Arms a crash inside the {@code nth} next file sync: the disk as {@link #crash} would leave it is taken
     * just before that sync makes anything durable (the data written before it is unsynced), and is then
     * returned by {@link #crashedAtSync()}. The sync itself goes on as usual, so the caller is not disturbed.
     */
    public synchronized void crashAtSync(int nth, Crash kind, Random random) {
        armedCountdown = nth;
        armedKind = kind;
        armedRandom = random;
        crashedAtSync = null;
    }

    /** The disk as the armed crash left it, or {@code null} while it has not happened. */
    public synchronized SimulatedDisk crashedAtSync() {
        return crashedAtSync;
    }

    void setSyncDelayNanos(long nanos) {
        syncDelayNanos = nanos;
    }

    /** Successful and failed file syncs so far (directory syncs not counted). */
    long syncs() {
        return syncs.get();
    }

    long directorySyncs() {
        return directorySyncs.get();
    }

    synchronized List<Path> files() {
        return new ArrayList<>(files.keySet());
    }

    /** The file's current (written) content. */
    synchronized byte[] content(Path file) {
        SimFile f = files.get(file);
        return Arrays.copyOf(f.data, f.size);
    }

    /** Replaces a file's content, durably (to plant damage). */
    synchronized void replace(Path file, byte[] content) {
        files.put(file, new SimFile().copyOf(content, content.length));
    }

    /** The disk as a restarted machine would find it; this disk is left as it is. */
    public synchronized SimulatedDisk crash(Crash kind, Random random) {
        SimulatedDisk after = new SimulatedDisk();
        Map<SimFile, byte[]> contents = new LinkedHashMap<>();
        Map<SimFile, Integer> sizes = new LinkedHashMap<>();
        for (SimFile f : files.values()) {
            if (kind == Crash.PROCESS_KILL) {
                contents.put(f, Arrays.copyOf(f.data, f.size));
                sizes.put(f, f.size);
            } else {
                contents.put(f, Arrays.copyOf(f.durable, f.durableSize));
                sizes.put(f, f.durableSize);
            }
        }
        java.util.Set<SimFile> touched = new java.util.HashSet<>();
        if (kind == Crash.TORN_WRITE || kind == Crash.REORDER) {
            List<Op> all = new ArrayList<>();
            for (SimFile f : files.values()) {
                all.addAll(f.unsynced);
            }
            all.sort((a, b) -> Long.compare(a.seq, b.seq));
            if (kind == Crash.REORDER) {
                all.removeIf(op -> random.nextBoolean());
            }
            int survive = all.isEmpty() ? 0 : kind == Crash.REORDER ? all.size() : random.nextInt(all.size() + 1);
            for (int i = 0; i < survive && i <= all.size(); i++) {
                Op op = i < all.size() ? all.get(i) : null;
                if (op == null) {
                    break;
                }
                Op applied = op;
                if (i == survive - 1 && op.bytes != null && op.bytes.length > 0) {
                    // the last surviving write is torn at a random byte; the rest of it is missing, or the file
                    // already has its new size and the rest reads as zeros or as stale garbage
                    int cut = random.nextInt(op.bytes.length + 1);
                    int fill = random.nextInt(3);
                    byte[] torn = Arrays.copyOf(op.bytes, fill == 0 ? cut : op.bytes.length);
                    if (fill == 1) {
                        Arrays.fill(torn, cut, torn.length, (byte) 0);
                    } else if (fill == 2) {
                        byte[] garbage = new byte[torn.length - cut];
                        random.nextBytes(garbage);
                        System.arraycopy(garbage, 0, torn, cut, garbage.length);
                    }
                    applied = new Op(op.seq, op.file, op.position, torn);
                }
                apply(contents, sizes, applied, -1);
                touched.add(op.file);
            }
        }
        for (Map.Entry<Path, SimFile> e : files.entrySet()) {
            SimFile f = e.getValue();
            boolean exists = kind == Crash.PROCESS_KILL || f.entryDurable || touched.contains(f);
            if (exists) {
                int size = sizes.get(f);
                after.files.put(e.getKey(), new SimFile().copyOf(contents.get(f), size));
            }
        }
        return after;
    }

    /** A copy of this disk (as it is, synced or not) with every path under {@code from} moved under {@code to}. */
    public synchronized SimulatedDisk rebased(Path from, Path to) {
        SimulatedDisk copy = new SimulatedDisk();
        for (Map.Entry<Path, SimFile> e : files.entrySet()) {
            Path p = e.getKey();
            Path moved = p.startsWith(from) ? to.resolve(from.relativize(p)) : p;
            SimFile f = e.getValue();
            copy.files.put(moved, new SimFile().copyOf(Arrays.copyOf(f.durable, f.durableSize), f.durableSize));
        }
        return copy;
    }

    private static void apply(Map<SimFile, byte[]> contents, Map<SimFile, Integer> sizes, Op op, int cut) {
        byte[] content = contents.get(op.file);
        int size = sizes.get(op.file);
        if (op.bytes == null) {
            int cutAt = (int) Math.min(size, op.position);
            Arrays.fill(content, cutAt, size, (byte) 0);
            size = cutAt;
        } else {
            int n = cut < 0 ? op.bytes.length : cut;
            int end = (int) op.position + n;
            if (end > content.length) {
                content = Arrays.copyOf(content, Math.max(end, content.length * 2));
            }
            System.arraycopy(op.bytes, 0, content, (int) op.position, n);
            size = Math.max(size, end);
        }
        contents.put(op.file, content);
        sizes.put(op.file, size);
    }

    private static long add(long a, long b) {
        long r = a + b;
        return r < 0 ? Long.MAX_VALUE : r;
    }

    private final class Channel implements WalChannel {
        private final SimFile file;
        private final boolean writable;
        private boolean closed;

        Channel(SimFile file, boolean writable) {
            this.file = file;
            this.writable = writable;
        }

        private void check() throws IOException {
            if (closed) {
                throw new ClosedChannelException();
            }
        }

        @Override
        public long size() throws IOException {
            synchronized (SimulatedDisk.this) {
                check();
                return file.size;
            }
        }

        @Override
        public int read(ByteBuffer dst, long position) throws IOException {
            synchronized (SimulatedDisk.this) {
                check();
                if (position >= file.size) {
                    return -1;
                }
                int n = (int) Math.min(dst.remaining(), file.size - position);
                dst.put(file.data, (int) position, n);
                return n;
            }
        }

        @Override
        public void write(ByteBuffer src, long position) throws IOException {
            synchronized (SimulatedDisk.this) {
                check();
                if (!writable) {
                    throw new NonWritableChannelException();
                }
                int n = src.remaining();
                long growth = Math.max(0, position + n - file.size);
                boolean full = growth > freeSpace;
                if (full) {
                    n = (int) (n - (growth - freeSpace)); // write what fits, then fail like ENOSPC
                    growth = freeSpace;
                }
                byte[] bytes = new byte[n];
                src.get(bytes);
                int end = (int) position + n;
                if (end > file.data.length) {
                    file.data = Arrays.copyOf(file.data, Math.max(end, file.data.length * 2));
                }
                System.arraycopy(bytes, 0, file.data, (int) position, n);
                file.size = Math.max(file.size, end);
                if (freeSpace != Long.MAX_VALUE) {
                    freeSpace -= growth;
                }
                if (n > 0) {
                    file.unsynced.add(new Op(seq++, file, position, bytes));
                }
                if (full) {
                    throw new IOException("No space left on device");
                }
            }
        }

        @Override
        public void force(boolean metadata) throws IOException {
            long delay = syncDelayNanos;
            if (delay > 0) {
                LockSupport.parkNanos(delay);
            }
            synchronized (SimulatedDisk.this) {
                check();
                syncs.incrementAndGet();
                if (armedKind != null && --armedCountdown == 0) {
                    crashedAtSync = crash(armedKind, armedRandom);
                    armedKind = null;
                }
                if (failSyncs > 0) {
                    failSyncs--;
                    file.unsynced.clear(); // like Linux: the dirty pages are marked clean, the data is gone
                    throw new IOException("Input/output error");
                }
                for (Op op : file.unsynced) {
                    if (op.bytes == null) {
                        int cutAt = (int) Math.min(file.durableSize, op.position);
                        Arrays.fill(file.durable, cutAt, file.durableSize, (byte) 0);
                        file.durableSize = cutAt;
                    } else {
                        int end = (int) op.position + op.bytes.length;
                        if (end > file.durable.length) {
                            file.durable = Arrays.copyOf(file.durable, Math.max(end, file.durable.length * 2));
                        }
                        System.arraycopy(op.bytes, 0, file.durable, (int) op.position, op.bytes.length);
                        file.durableSize = Math.max(file.durableSize, end);
                    }
                }
                file.unsynced.clear();
            }
        }

        @Override
        public void truncate(long size) throws IOException {
            synchronized (SimulatedDisk.this) {
                check();
                if (size < file.size) {
                    if (freeSpace != Long.MAX_VALUE) {
                        freeSpace += file.size - size;
                    }
                    Arrays.fill(file.data, (int) size, file.size, (byte) 0);
                    file.size = (int) size;
                    file.unsynced.add(new Op(seq++, file, size, null));
                }
            }
        }

        @Override
        public void close() {
            synchronized (SimulatedDisk.this) {
                closed = true;
            }
        }
    }
}
