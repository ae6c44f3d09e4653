package org.neuroquantum.engine.storage.page;

import java.io.IOException;
import java.nio.ByteBuffer;

/** A {@link PageFile} in memory whose writes can be made to fail as on a full disk. */
final class FaultyPageFile implements PageFile {
    private byte[] data = new byte[0];
    boolean diskFull;
    int syncs;

    @Override
    public synchronized int read(ByteBuffer dst, long position) {
        if (position >= data.length) {
            return -1;
        }
        int n = (int) Math.min(dst.remaining(), data.length - position);
        dst.put(data, (int) position, n);
        return n;
    }

    @Override
    public synchronized void write(ByteBuffer src, long position) throws IOException {
        if (diskFull) {
            throw new IOException("No space left on device");
        }
        int end = (int) position + src.remaining();
        if (end > data.length) {
            data = java.util.Arrays.copyOf(data, end);
        }
        src.get(data, (int) position, src.remaining());
    }

    @Override
    public synchronized void sync() {
        syncs++;
    }

    @Override
    public void syncDirectory() {
    }

    @Override
    public synchronized long size() {
        return data.length;
    }

    synchronized void flip(long position) {
        data[(int) position] ^= 0x5A;
    }

    @Override
    public void close() {
    }
}
