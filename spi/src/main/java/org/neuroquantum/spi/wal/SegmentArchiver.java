package org.neuroquantum.spi.wal;

import java.nio.file.Path;
import org.neuroquantum.spi.annotation.Evolving;

/**
 * Called for each complete log segment before the log may delete it; backups use it to keep the log for
 * point-in-time recovery. The segment file is complete and will not change while the call runs. If the call
 * throws, the segment is kept and offered again later.
 */
@Evolving
@FunctionalInterface
public interface SegmentArchiver {
    /**
     * Archives one segment.
     *
     * @param segment the segment file
     * @param firstLsn the LSN of its first record
     * @param lastLsn the LSN of its last record
     */
    void archive(Path segment, long firstLsn, long lastLsn) throws Exception;
}
