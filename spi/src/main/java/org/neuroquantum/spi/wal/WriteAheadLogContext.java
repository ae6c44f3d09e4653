package org.neuroquantum.spi.wal;

import java.nio.file.Path;
import org.neuroquantum.spi.annotation.Evolving;
import org.neuroquantum.spi.provider.ProviderContext;

/** What a write-ahead log is opened with. */
@Evolving
public interface WriteAheadLogContext extends ProviderContext {
    /** The directory for the log's segments. */
    Path directory();

    /** The archiver for full segments, or {@code null} when none is configured. */
    SegmentArchiver archiver();
}
