package org.neuroquantum.cli.sql;

import java.time.LocalDateTime;
import java.util.Random;
import java.util.function.LongConsumer;
import org.neuroquantum.engine.db.Database;
import org.neuroquantum.engine.db.Table;
import org.neuroquantum.engine.sql.SqlSession;
import org.neuroquantum.engine.txn.Transaction;

/**
 * The sample database a newcomer meets: a {@code sensors} table of readings from 50 sensors in 10 rooms, one
 * reading per sensor per minute from 2024-01-01 00:00, with a secondary index on {@code temp}. The data is
 * deterministic (fixed seed): room temperatures follow a daily cycle around a per-room base with noise, so
 * {@code temp > 25} selects about 3% of the rows and the index on {@code temp} matters.
 */
public final class SensorsSample {
    /** The table's name. */
    public static final String TABLE = "sensors";
    /** The index on {@code temp}. */
    public static final String TEMP_INDEX = "sensors_temp";
    /** Rows the sample has unless told otherwise. */
    public static final int DEFAULT_ROWS = 100_000;
    /** The statements that create the (empty) table; the index is created after the rows are in. */
    public static final String CREATE_TABLE = "CREATE TABLE sensors (id INTEGER PRIMARY KEY, sensor VARCHAR NOT NULL, "
            + "room VARCHAR NOT NULL, temp DOUBLE, humidity DOUBLE, ts TIMESTAMP NOT NULL)";
    /** The index statement. */
    public static final String CREATE_INDEX = "CREATE INDEX " + TEMP_INDEX + " ON sensors (temp)";

    private static final int SENSORS = 50;
    private static final int ROOMS = 10;
    private static final long SEED = 20240101L;
    private static final LocalDateTime START = LocalDateTime.of(2024, 1, 1, 0, 0);

    private SensorsSample() {
    }

    /** Whether {@code database} holds the complete sample (the index is created last, after the rows). */
    public static boolean present(Database database) {
        return database.findTable(TABLE).map(t -> t.definition().indexes().stream()
                .anyMatch(i -> i.name().equalsIgnoreCase(TEMP_INDEX))).orElse(false);
    }

    /**
     * Creates and fills the sample unless it is there. A table left by an interrupted load (no index yet) is
     * dropped and loaded again. All rows go in one transaction.
     *
     * @param progress called with the number of rows inserted so far, every 10,000 rows and at the end
     * @return the rows loaded, 0 when the sample was present
     */
    public static long ensure(Database database, int rows, LongConsumer progress) {
        if (present(database)) {
            return 0;
        }
        try (SqlSession session = new SqlSession(database)) {
            session.execute("DROP TABLE IF EXISTS sensors");
            session.execute(CREATE_TABLE);
            Table table = database.table(TABLE);
            Random random = new Random(SEED);
            double[] base = new double[ROOMS];
            for (int r = 0; r < ROOMS; r++) {
                base[r] = 19.0 + 3.0 * random.nextDouble();
            }
            try (Transaction tx = database.begin()) {
                for (int i = 0; i < rows; i++) {
                    table.insert(tx, row(i, base, random));
                    if ((i + 1) % 10_000 == 0) {
                        progress.accept(i + 1);
                    }
                }
                tx.commit();
            }
            if (rows % 10_000 != 0) {
                progress.accept(rows);
            }
            session.execute(CREATE_INDEX);
        }
        return rows;
    }

    /** Row {@code i}: sensor {@code i % 50} in room {@code sensor % 10}, at minute {@code i / 50}. */
    static Object[] row(int i, double[] base, Random random) {
        int sensor = i % SENSORS;
        int room = sensor % ROOMS;
        long minute = i / SENSORS;
        double hourOfDay = (minute % 1440) / 60.0;
        // Warmest mid-afternoon; a few sensors sit near windows and swing twice as far.
        double swing = sensor % 7 == 0 ? 6.0 : 3.0;
        double temp = base[room] + swing * Math.sin((hourOfDay - 9.0) / 24.0 * 2 * Math.PI)
                + random.nextGaussian() * 0.8;
        double humidity = 45.0 - (temp - 21.0) * 2.0 + random.nextGaussian() * 4.0;
        // About one reading in 500 is missing its humidity value (a sensor glitch): NULLs to query for.
        Object hum = random.nextInt(500) == 0 ? null : round(Math.max(5.0, Math.min(95.0, humidity)));
        return new Object[] {i + 1, String.format("s%02d", sensor), "room-" + (char) ('A' + room), round(temp), hum,
            START.plusMinutes(minute)};
    }

    private static double round(double v) {
        return Math.round(v * 10.0) / 10.0;
    }
}
