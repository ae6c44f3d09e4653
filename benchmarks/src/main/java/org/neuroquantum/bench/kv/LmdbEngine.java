package org.neuroquantum.bench.kv;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.lmdbjava.Cursor;
import org.lmdbjava.Dbi;
import org.lmdbjava.DbiFlags;
import org.lmdbjava.Env;
import org.lmdbjava.EnvFlags;
import org.lmdbjava.GetOp;
import org.lmdbjava.Meta;
import org.lmdbjava.Txn;

/**
 * LMDB through lmdbjava with its default, fully synchronous commits (no {@code MDB_NOSYNC}/{@code MDB_NOMETASYNC}):
 * a write transaction is durable when {@code commit} returns. LMDB has no cache of its own: it reads through a
 * memory map, so the operating system's page cache is its cache and the budget does not apply.
 *
 * <p>Keys and values cross into LMDB through direct buffers, one set per thread; {@code MDB_NOTLS} lets a read
 * transaction live on any thread.
 */
final class LmdbEngine implements KvEngine {
    private static final String NAME = "lmdb";
    /** Address space reserved for the map; the file only grows as pages are used. */
    private static final long MAP_SIZE = 64L << 30;
    private static final int MAX_VALUE = 1 << 16;

    private Path directory;
    private Env<ByteBuffer> env;
    private Dbi<ByteBuffer> db;
    private ThreadLocal<Buffers> buffers;

    /** Direct buffers of one thread: a key and a value. */
    private static final class Buffers {
        final ByteBuffer key = ByteBuffer.allocateDirect(511);
        final ByteBuffer value = ByteBuffer.allocateDirect(MAX_VALUE);

        static ByteBuffer fill(ByteBuffer buffer, byte[] bytes) {
            buffer.clear();
            buffer.put(bytes).flip();
            return buffer;
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String version() {
        Meta.Version v = Meta.version();
        return "LMDB " + v.major + "." + v.minor + "." + v.patch + " (" + ArtifactVersion.of("org.lmdbjava", "lmdbjava")
                + ")";
    }

    @Override
    public void open(Path dir, KvOptions options) {
        try {
            Files.createDirectories(dir);
            directory = dir;
            env = Env.create().setMapSize(MAP_SIZE).setMaxDbs(1).setMaxReaders(256).open(dir.toFile(),
                    EnvFlags.MDB_NOTLS);
            db = env.openDbi("kv", DbiFlags.MDB_CREATE);
            buffers = ThreadLocal.withInitial(Buffers::new);
        } catch (Exception e) {
            throw new KvEngineException(NAME, "open " + dir, e);
        }
    }

    @Override
    public void put(byte[] key, byte[] value) {
        Buffers b = buffers.get();
        try (Txn<ByteBuffer> txn = env.txnWrite()) {
            db.put(txn, Buffers.fill(b.key, key), Buffers.fill(b.value, value));
            txn.commit();
        }
    }

    @Override
    public void putBatch(byte[][] keys, byte[][] values, int from, int to) {
        Buffers b = buffers.get();
        try (Txn<ByteBuffer> txn = env.txnWrite()) {
            for (int i = from; i < to; i++) {
                db.put(txn, Buffers.fill(b.key, keys[i]), Buffers.fill(b.value, values[i]));
            }
            txn.commit();
        }
    }

    @Override
    public byte[] get(byte[] key) {
        Buffers b = buffers.get();
        try (Txn<ByteBuffer> txn = env.txnRead()) {
            ByteBuffer found = db.get(txn, Buffers.fill(b.key, key));
            if (found == null) {
                return null;
            }
            byte[] out = new byte[found.remaining()];
            found.get(out);
            return out;
        }
    }

    @Override
    public void delete(byte[] key) {
        Buffers b = buffers.get();
        try (Txn<ByteBuffer> txn = env.txnWrite()) {
            db.delete(txn, Buffers.fill(b.key, key));
            txn.commit();
        }
    }

    @Override
    public int scan(byte[] fromInclusive, byte[] toExclusive, RowVisitor visitor) {
        // A cursor positioned by LMDB itself (memcmp order), the end tested here: lmdbjava's KeyRange compares
        // the stop key with the keys LMDB returns in different byte orders and stops early (seen at 1M records).
        Buffers b = buffers.get();
        int rows = 0;
        try (Txn<ByteBuffer> txn = env.txnRead(); Cursor<ByteBuffer> cursor = db.openCursor(txn)) {
            boolean positioned = cursor.get(Buffers.fill(b.key, fromInclusive), GetOp.MDB_SET_RANGE);
            while (positioned) {
                ByteBuffer k = cursor.key();
                byte[] key = new byte[k.remaining()];
                k.get(key);
                if (Arrays.compareUnsigned(key, toExclusive) >= 0) {
                    break;
                }
                ByteBuffer v = cursor.val();
                byte[] value = new byte[v.remaining()];
                v.get(value);
                visitor.visit(key, value);
                rows++;
                positioned = cursor.next();
            }
        }
        return rows;
    }

    @Override
    public String cacheDescription() {
        return "none of its own: reads through a memory map, i.e. the OS page cache (budget not applicable)";
    }

    @Override
    public Path directory() {
        return directory;
    }

    @Override
    public void close() {
        if (env != null) {
            db.close();
            env.close();
            env = null;
            db = null;
            buffers = null;
        }
    }
}
