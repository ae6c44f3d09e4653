package org.neuroquantum.bench.kv;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.h2.engine.Constants;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.ByteArrayDataType;

/**
 * H2's MVStore used directly (no SQL layer): one {@link MVMap} of byte arrays, compared unsigned.
 *
 * <p>By default MVStore acknowledges a write before it is on disk (a background thread commits about once a
 * second, and {@link MVStore#commit()} writes a chunk without forcing it). For durable commits every write
 * method here calls {@code commit()} and then {@link MVStore#sync()}, which forces the file; the background
 * thread stays on for housekeeping (auto-compaction).
 */
final class H2MvStoreEngine implements KvEngine {
    private static final String NAME = "h2";

    private Path directory;
    private long cacheBytes;
    private MVStore store;
    private MVMap<byte[], byte[]> map;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String version() {
        return "H2 MVStore " + Constants.FULL_VERSION;
    }

    @Override
    public void open(Path dir, KvOptions options) {
        try {
            Files.createDirectories(dir);
            directory = dir;
            cacheBytes = options.cacheBytes();
            store = new MVStore.Builder()
                    .fileName(dir.resolve("kv.mv.db").toString())
                    .cacheSize((int) Math.max(1, cacheBytes >> 20))
                    .open();
            map = store.openMap("kv", new MVMap.Builder<byte[], byte[]>()
                    .keyType(ByteArrayDataType.INSTANCE)
                    .valueType(ByteArrayDataType.INSTANCE));
        } catch (Exception e) {
            throw new KvEngineException(NAME, "open " + dir, e);
        }
    }

    private void commitDurably() {
        store.commit();
        store.sync();
    }

    @Override
    public void put(byte[] key, byte[] value) {
        map.put(key, value);
        commitDurably();
    }

    @Override
    public void putBatch(byte[][] keys, byte[][] values, int from, int to) {
        for (int i = from; i < to; i++) {
            map.put(keys[i], values[i]);
        }
        commitDurably();
    }

    @Override
    public byte[] get(byte[] key) {
        return map.get(key);
    }

    @Override
    public void delete(byte[] key) {
        map.remove(key);
        commitDurably();
    }

    @Override
    public int scan(byte[] fromInclusive, byte[] toExclusive, RowVisitor visitor) {
        Cursor<byte[], byte[]> cursor = map.cursor(fromInclusive);
        int rows = 0;
        while (cursor.hasNext()) {
            byte[] key = cursor.next();
            if (Arrays.compareUnsigned(key, toExclusive) >= 0) {
                break;
            }
            visitor.visit(key, cursor.getValue());
            rows++;
        }
        return rows;
    }

    @Override
    public String cacheDescription() {
        return "MVStore page cache (cacheSize) of " + (cacheBytes >> 20) + " MB, on the Java heap";
    }

    @Override
    public Path directory() {
        return directory;
    }

    @Override
    public void close() {
        if (store != null) {
            store.close();
            store = null;
            map = null;
        }
    }
}
