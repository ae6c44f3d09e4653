package org.neuroquantum.engine.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.neuroquantum.engine.config.KernelConfig;
import org.neuroquantum.engine.db.Database;
import org.neuroquantum.engine.sql.bind.Binder;
import org.neuroquantum.engine.sql.bind.BoundStatement;
import org.neuroquantum.engine.db.Table;
import org.neuroquantum.engine.sql.exec.ExecContext;
import org.neuroquantum.engine.sql.exec.Executor;
import org.neuroquantum.engine.sql.exec.SubqueryExecution;
import org.neuroquantum.engine.sql.expr.SubqueryRunner;
import org.neuroquantum.engine.sql.exec.Explain;
import org.neuroquantum.engine.sql.exec.Operator;
import org.neuroquantum.engine.sql.exec.StatementResult;
import org.neuroquantum.engine.sql.expr.Values;
import org.neuroquantum.engine.sql.parse.ParsedStatement;
import org.neuroquantum.engine.sql.parse.SqlParser;
import org.neuroquantum.engine.sql.plan.Planner;
import org.neuroquantum.engine.sql.system.StatementStatistics;
import org.neuroquantum.engine.sql.plan.QueryPlan;
import org.neuroquantum.engine.sql.stats.StatisticsCollector;
import org.neuroquantum.engine.sql.stats.TableStatistics;
import org.neuroquantum.engine.table.ColumnType;
import org.neuroquantum.engine.txn.Transaction;
import org.neuroquantum.spi.error.ErrorCode;
import org.neuroquantum.spi.error.NeuroQuantumException;
import org.neuroquantum.spi.optimizer.QueryOptimizer;

/**
 * One user's conversation with a database: statements run in the session's transaction. In autocommit mode (the
 * default) each statement outside BEGIN … COMMIT commits on its own. A statement that fails inside a transaction
 * rolls the whole transaction back (there are no savepoints yet), so a failure never leaves part of a statement
 * applied. DDL commits an open transaction first and then runs in a transaction of its own; after it, an explicit
 * transaction goes on (in a new storage transaction) until COMMIT or ROLLBACK.
 *
 * <p>A SELECT's rows stream: {@link StatementResult#nextRow()} pulls them through the operator tree, and an
 * autocommit SELECT's transaction ends when the last row was read or the result is closed. Before the session runs
 * anything else (another statement, COMMIT, ROLLBACK) a result still streaming is read to its end into memory, so
 * it stays readable and never sees later changes.
 *
 * <p>Not thread-safe: one session per thread (a JDBC connection holds one), except {@link #cancel()} and
 * {@link #progress()}, which other threads may call.
 */
public final class SqlSession implements AutoCloseable {
    private final Database database;
    private final long workMemory;
    private long statementTimeoutMillis;
    private boolean autoCommit = true;
    private boolean explicit;
    private Transaction transaction;
    private boolean closed;
    private StatementStatistics statistics;
    private StatementResult open;
    private SessionCursor openCursor;
    private volatile ExecContext running;
    private Optional<QueryOptimizer> optimizer;
    private RuntimeException handled;
    private final java.util.Map<String, DecodedStatistics> decoded = new java.util.HashMap<>();

    public SqlSession(Database database) {
        this.database = Objects.requireNonNull(database, "database");
        this.workMemory = database.kernel().config().getSize(KernelConfig.SQL_WORK_MEMORY);
        this.statementTimeoutMillis = database.kernel().config().getDuration(KernelConfig.SQL_STATEMENT_TIMEOUT)
                .toMillis();
    }

    /** The database this session works on. */
    public Database database() {
        return database;
    }

    /** The statement timeout of this session in milliseconds (0: none); starts as {@code sql.statement-timeout}. */
    public long statementTimeoutMillis() {
        return statementTimeoutMillis;
    }

    /** Sets the statement timeout in milliseconds; 0 switches it off. */
    public void statementTimeoutMillis(long millis) {
        if (millis < 0) {
            throw new NeuroQuantumException(ErrorCode.DATA_INVALID, "A statement timeout cannot be negative.",
                    "Give 0 (none) or a number of milliseconds.");
        }
        statementTimeoutMillis = millis;
    }

    /** Cancels the statement running (or streaming its rows) in this session, if any; any thread may call it. */
    public void cancel() {
        ExecContext c = running;
        if (c != null) {
            c.cancel();
        }
    }

    /** The context of the statement running or streaming now, or null; any thread may call it. */
    public ExecContext running() {
        return running;
    }

    /** Rows processed so far by the statement running now, or -1 when none runs; any thread may call it. */
    public long progress() {
        ExecContext c = running;
        return c == null ? -1 : c.rowsProcessed();
    }

    /** Parses, binds and runs one statement with the values of its {@code ?} parameters. */
    public StatementResult execute(String sql, Object... params) {
        return execute(SqlParser.parse(sql), params);
    }

    /**
     * Runs a parsed statement (binding it against the catalog as it is now). Its duration and rows go into the
     * database's {@link StatementStatistics} (and, when slow, the slow-query log).
     */
    public StatementResult execute(ParsedStatement statement, Object... params) {
        return execute(statement, params, -1);
    }

    /**
     * Runs a parsed statement with a statement timeout of its own. Its duration and rows go into the database's
     * {@link StatementStatistics} (and, when slow, the slow-query log); for a SELECT whose rows stream, once its last
     * row has been read or the result closed.
     *
     * @param timeoutMillis the timeout; 0 for none, negative for the session's
     */
    public StatementResult execute(ParsedStatement statement, Object[] params, long timeoutMillis) {
        long start = System.nanoTime();
        if (statistics == null) {
            statistics = StatementStatistics.of(database);
        }
        StatementResult result;
        try {
            result = executeUnrecorded(statement, params, timeoutMillis);
        } catch (RuntimeException e) {
            statistics.recordError();
            throw e;
        }
        SessionCursor streaming = openCursor;
        openCursor = null;
        if (streaming != null && result == open) {
            streaming.whenFinished(rows -> statistics.record(statement.sql(), System.nanoTime() - start, rows,
                    () -> planSummary(statement)));
        } else {
            long rows = result.isQuery() ? result.rows().size() : result.updateCount();
            statistics.record(statement.sql(), System.nanoTime() - start, rows, () -> planSummary(statement));
        }
        return result;
    }

    /** The plan of a SELECT, UPDATE or DELETE for the slow-query log; {@code -} for other statements. */
    private String planSummary(ParsedStatement statement) {
        if (statement.explain() == null && (statement.tree() instanceof net.sf.jsqlparser.statement.select.Select
                || statement.tree() instanceof net.sf.jsqlparser.statement.update.Update
                || statement.tree() instanceof net.sf.jsqlparser.statement.delete.Delete)) {
            return explain(statement.sql());
        }
        return "-";
    }

    private StatementResult executeUnrecorded(ParsedStatement statement, Object[] params, long timeoutMillis) {
        checkOpen();
        finishOpenResult();
        Object[] values = params == null ? new Object[0] : params;
        if (values.length < statement.parameterCount()) {
            throw new NeuroQuantumException(ErrorCode.PARAMETER_INVALID, "The statement has "
                    + statement.parameterCount() + " parameter(s) but " + values.length + " value(s) were given.",
                    "Give a value for every ?.");
        }
        if (statement.control() != null) {
            switch (statement.control()) {
                case BEGIN -> begin();
                case COMMIT -> commit();
                case ROLLBACK -> rollback();
                default -> throw new IllegalStateException();
            }
            return StatementResult.updated(0);
        }
        ExecContext ctx = new ExecContext(workMemory, timeoutMillis < 0 ? statementTimeoutMillis : timeoutMillis,
                statement.explain() != null && statement.explain().analyze());
        if (statement.analyze() != null) {
            boolean wasExplicit = explicit;
            commitOpenTransaction();
            explicit = wasExplicit;
            analyze(statement.analyze().table(), ctx);
            return StatementResult.updated(0);
        }
        BoundStatement bound = new Binder(database).bind(statement.tree());
        if (statement.explain() != null) {
            return explain(bound, statement.explain(), values, ctx);
        }
        if (bound instanceof BoundStatement.CreateTable || bound instanceof BoundStatement.DropTable
                || bound instanceof BoundStatement.CreateIndex || bound instanceof BoundStatement.DropIndex) {
            boolean wasExplicit = explicit;
            commitOpenTransaction();
            // The statements after the DDL still belong to a transaction the user opened with BEGIN.
            explicit = wasExplicit;
            ddl(bound);
            return StatementResult.updated(0);
        }
        boolean own = transaction == null && autoCommit && !explicit;
        Transaction tx = transaction != null ? transaction
                : database.begin(own && bound instanceof BoundStatement.Select);
        if (!own) {
            transaction = tx;
        }
        running = ctx;
        boolean streaming = false;
        try {
            SubqueryExecution subqueries = new SubqueryExecution(tx, planning(values));
            ctx.subqueries(subqueries);
            if (bound instanceof BoundStatement.Select s) {
                StatementResult result = SubqueryRunner.with(subqueries, () -> select(s, tx, own, values, ctx));
                streaming = result.isStreaming();
                return result;
            }
            StatementResult result;
            ctx.resume();
            try {
                result = SubqueryRunner.with(subqueries, () -> run(bound, tx, values, ctx));
            } finally {
                ctx.pause();
            }
            if (own) {
                tx.commit();
                tx.close();
            }
            return result;
        } catch (RuntimeException e) {
            if (e == handled) {
                // The streaming cursor rolled back already.
                handled = null;
                throw e;
            }
            throw failed(e, tx, own);
        } finally {
            if (!streaming) {
                running = null;
            }
        }
    }

    /** Rolls back after a failure (the whole transaction in an explicit one) and says so in the error. */
    private RuntimeException failed(RuntimeException e, Transaction tx, boolean own) {
        rollbackQuietly(tx);
        if (!own) {
            transaction = null;
            explicit = false;
            if (e instanceof NeuroQuantumException n) {
                return new NeuroQuantumException(n.errorCode(), n.causeDescription()
                        + " The transaction was rolled back.", n.remedy(), n);
            }
        }
        return e;
    }

    /** The planning context: stored statistics and the configured optimizer. */
    private Planner.Context planning(Object[] params) {
        if (optimizer == null) {
            optimizer = database.kernel().newOptimizer();
        }
        return new Planner.Context(params, this::statistics, optimizer,
                database.kernel().config().getString(KernelConfig.OPTIMIZER));
    }

    private Optional<TableStatistics> statistics(Table table) {
        Optional<byte[]> stored = database.statistics(table.name());
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        // Decoding costs more than a point select's whole execution: keep the last decoded statistics per table.
        String key = table.name().toLowerCase(java.util.Locale.ROOT);
        DecodedStatistics cached = decoded.get(key);
        if (cached == null || !java.util.Arrays.equals(cached.encoded(), stored.get())) {
            cached = new DecodedStatistics(stored.get(), TableStatistics.decode(stored.get(), table.name()));
            decoded.put(key, cached);
        }
        return Optional.of(cached.statistics());
    }

    private record DecodedStatistics(byte[] encoded, TableStatistics statistics) {
    }

    private StatementResult select(BoundStatement.Select s, Transaction tx, boolean own, Object[] params,
            ExecContext ctx) {
        QueryPlan plan = Planner.plan(s.query(), planning(params));
        Operator root = Executor.build(plan, tx, params, ctx);
        StatementResult.Cursor rows = Executor.cursor(root, s.query().outputs().size(), ctx);
        SessionCursor cursor = new SessionCursor(rows, tx, own);
        StatementResult result = StatementResult.streaming(s.query().names(), s.query().types(), cursor, ctx);
        if (s.query().types().contains(null)) {
            // Output types only execution tells (parameters, NULL) are taken from the first non-NULL value.
            List<Object[]> all = result.rows();
            return new StatementResult(result.names(), resolvedTypes(result.types(), all), all, -1);
        }
        open = result;
        openCursor = cursor;
        result.prefetch();
        return result;
    }

    /**
     * Ends the statement's transaction when its rows have been read (or it failed): commits an autocommit one,
     * rolls back on failure as {@link #execute} does.
     */
    private final class SessionCursor implements StatementResult.Cursor {
        private final StatementResult.Cursor rows;
        private final Transaction tx;
        private final boolean own;
        private boolean finished;
        private boolean failed;
        private long returned;
        private java.util.function.LongConsumer onFinish;

        SessionCursor(StatementResult.Cursor rows, Transaction tx, boolean own) {
            this.rows = rows;
            this.tx = tx;
            this.own = own;
        }

        @Override
        public Object[] next() {
            if (finished) {
                return null;
            }
            Object[] r;
            try {
                r = rows.next();
            } catch (RuntimeException e) {
                finished = true;
                failed = true;
                release();
                if (statistics != null) {
                    statistics.recordError();
                }
                handled = failed(e, tx, own);
                throw handled;
            }
            if (r == null) {
                close();
            } else {
                returned++;
            }
            return r;
        }

        /** Calls {@code action} with the rows returned once the rows end or the result is closed (not on failure). */
        void whenFinished(java.util.function.LongConsumer action) {
            if (!finished) {
                onFinish = action;
            } else if (!failed) {
                action.accept(returned);
            }
        }

        @Override
        public void close() {
            if (finished) {
                return;
            }
            finished = true;
            try {
                rows.close();
                if (own) {
                    tx.commit();
                    tx.close();
                }
            } finally {
                release();
            }
            if (onFinish != null) {
                onFinish.accept(returned);
            }
        }

        private void release() {
            running = null;
            open = null;
        }
    }

    /** Reads a result that is still streaming to its end (it stays readable from memory). */
    private void finishOpenResult() {
        StatementResult r = open;
        if (r != null) {
            open = null;
            r.materialize();
        }
    }

    private StatementResult explain(BoundStatement bound, ParsedStatement.Explain options, Object[] params,
            ExecContext ctx) {
        List<String> lines;
        if (bound instanceof BoundStatement.Select s) {
            QueryPlan plan = Planner.plan(s.query(), planning(params));
            boolean own = transaction == null && autoCommit && !explicit;
            Transaction tx = transaction != null ? transaction : database.begin(own);
            if (!own) {
                transaction = tx;
            }
            running = ctx;
            SubqueryExecution subqueries = new SubqueryExecution(tx, planning(params));
            ctx.subqueries(subqueries);
            try {
                Operator root = SubqueryRunner.with(subqueries, () -> Executor.build(plan, tx, params, ctx));
                long nanos = 0;
                if (options.analyze()) {
                    long start = System.nanoTime();
                    StatementResult.Cursor c = Executor.cursor(root, s.query().outputs().size(), ctx);
                    while (c.next() != null) {
                        // EXPLAIN ANALYZE runs the query and discards its rows.
                    }
                    nanos = System.nanoTime() - start;
                }
                Explain explain = new Explain(root, plan, options.analyze(), nanos);
                lines = options.json() ? List.of(explain.json()) : explain.text();
                if (own) {
                    tx.commit();
                    tx.close();
                }
            } catch (RuntimeException e) {
                throw failed(e, tx, own);
            } finally {
                running = null;
            }
        } else if (!options.analyze() && (bound instanceof BoundStatement.Update
                || bound instanceof BoundStatement.Delete)) {
            String text = bound instanceof BoundStatement.Update u ? Planner.plan(u.table(), u.where()).describe()
                    : Planner.plan(((BoundStatement.Delete) bound).table(), ((BoundStatement.Delete) bound).where())
                            .describe();
            lines = options.json() ? List.of("{\"Plan\": {\"Node Type\": \"" + Explain.escape(text) + "\"}}")
                    : List.of(text);
        } else {
            throw new NeuroQuantumException(ErrorCode.FEATURE_NOT_SUPPORTED, "Not supported yet: EXPLAIN "
                    + (options.analyze() ? "ANALYZE " : "") + "of this statement; EXPLAIN ANALYZE takes a SELECT, "
                    + "EXPLAIN a SELECT, UPDATE or DELETE.", "Explain a query.");
        }
        List<Object[]> rows = new ArrayList<>();
        for (String line : lines) {
            rows.add(new Object[] {line});
        }
        return new StatementResult(List.of("QUERY PLAN"), List.of(ColumnType.VARCHAR), rows, -1);
    }

    /** ANALYZE: collects and stores the statistics of one table or of all, each in a read-only transaction. */
    private void analyze(String table, ExecContext ctx) {
        List<String> names = table == null ? database.tableNames() : List.of(database.table(table).name());
        running = ctx;
        ctx.resume();
        try {
            for (String name : names) {
                Table t = database.table(name);
                TableStatistics stats;
                try (Transaction tx = database.begin(true)) {
                    stats = StatisticsCollector.collect(t, tx, ctx::check);
                    tx.commit();
                }
                database.storeStatistics(name, stats.encode());
            }
        } finally {
            ctx.pause();
            running = null;
        }
    }

    /** The plan chosen for a SELECT, UPDATE or DELETE, as text (the start of EXPLAIN). */
    public String explain(String sql) {
        BoundStatement bound = new Binder(database).bind(SqlParser.parse(sql).tree());
        if (bound instanceof BoundStatement.Select s) {
            return Planner.plan(s.query(), planning(new Object[0])).describe();
        }
        if (bound instanceof BoundStatement.Update u) {
            return Planner.plan(u.table(), u.where()).describe() + "\n";
        }
        if (bound instanceof BoundStatement.Delete d) {
            return Planner.plan(d.table(), d.where()).describe() + "\n";
        }
        throw new NeuroQuantumException(ErrorCode.FEATURE_NOT_SUPPORTED, "Only SELECT, UPDATE and DELETE have plans.",
                "Explain a query.");
    }

    private StatementResult run(BoundStatement bound, Transaction tx, Object[] params, ExecContext ctx) {
        if (bound instanceof BoundStatement.CompoundSelect c) {
            StatementResult r = ((SubqueryExecution) SubqueryRunner.current()).query(c.compound(), params);
            return new StatementResult(r.names(), resolvedTypes(r.types(), r.rows()), r.rows(), -1);
        }
        if (bound instanceof BoundStatement.Insert i) {
            return StatementResult.updated(Executor.insert(i, tx, params, ctx, planning(params)));
        }
        if (bound instanceof BoundStatement.Update u) {
            return StatementResult.updated(Executor.update(u, tx, params, ctx));
        }
        if (bound instanceof BoundStatement.Delete d) {
            return StatementResult.updated(Executor.delete(d, tx, params, ctx));
        }
        throw new IllegalStateException("unexpected " + bound);
    }

    /** Output types unknown before execution (parameters, NULL) are taken from the first non-NULL value. */
    private static List<ColumnType> resolvedTypes(List<ColumnType> declared, List<Object[]> rows) {
        List<ColumnType> types = new ArrayList<>(declared);
        for (int i = 0; i < types.size(); i++) {
            if (types.get(i) == null) {
                ColumnType found = ColumnType.VARCHAR;
                for (Object[] row : rows) {
                    if (row[i] != null) {
                        found = Values.typeOf(row[i]);
                        break;
                    }
                }
                types.set(i, found);
            }
        }
        return types;
    }

    private void ddl(BoundStatement bound) {
        if (bound instanceof BoundStatement.CreateTable c) {
            if (c.ifNotExists() && database.findTable(c.name()).isPresent()) {
                return;
            }
            database.createTable(c.name(), c.schema());
            int n = 0;
            for (List<String> columns : c.uniqueColumns()) {
                database.createIndex(c.name(), c.name() + "_" + String.join("_", columns) + "_key" + (n++ == 0 ? ""
                        : String.valueOf(n)), true, columns.toArray(String[]::new));
            }
        } else if (bound instanceof BoundStatement.DropTable d) {
            if (d.ifExists() && database.findTable(d.name()).isEmpty()) {
                return;
            }
            database.dropTable(d.name());
        } else if (bound instanceof BoundStatement.CreateIndex i) {
            database.createIndex(i.table(), i.name(), i.unique(), i.columns().toArray(String[]::new));
        } else if (bound instanceof BoundStatement.DropIndex d) {
            if (d.ifExists() && !database.hasIndex(d.name())) {
                return;
            }
            database.dropIndex(d.name());
        }
    }

    /** Starts an explicit transaction. */
    public void begin() {
        checkOpen();
        finishOpenResult();
        if (explicit || transaction != null) {
            throw new NeuroQuantumException(ErrorCode.TRANSACTION_STATE, "A transaction is already in progress.",
                    "COMMIT or ROLLBACK it first.");
        }
        explicit = true;
        transaction = database.begin();
    }

    /** Commits the current transaction, if any. */
    public void commit() {
        checkOpen();
        finishOpenResult();
        Transaction tx = transaction;
        transaction = null;
        explicit = false;
        if (tx != null) {
            try {
                tx.commit();
            } finally {
                tx.close();
            }
        }
    }

    /** Rolls the current transaction back, if any. */
    public void rollback() {
        checkOpen();
        StatementResult r = open;
        if (r != null) {
            open = null;
            r.close();
        }
        Transaction tx = transaction;
        transaction = null;
        explicit = false;
        if (tx != null) {
            rollbackQuietly(tx);
        }
    }

    private void commitOpenTransaction() {
        if (transaction != null) {
            commit();
        }
    }

    private static void rollbackQuietly(Transaction tx) {
        try {
            if (tx.state() == Transaction.State.ACTIVE) {
                tx.rollback();
            }
        } finally {
            tx.close();
        }
    }

    /** Whether statements commit on their own outside BEGIN … COMMIT. */
    public boolean autoCommit() {
        return autoCommit;
    }

    /** Switches autocommit; switching it on commits an open transaction (as JDBC requires). */
    public void autoCommit(boolean on) {
        checkOpen();
        if (on && !autoCommit) {
            commit();
        }
        autoCommit = on;
    }

    /** Whether a transaction is open. */
    public boolean inTransaction() {
        return transaction != null;
    }

    private void checkOpen() {
        if (closed) {
            throw new NeuroQuantumException(ErrorCode.TRANSACTION_STATE, "The session is closed.",
                    "Open a new session.");
        }
    }

    /** Rolls back an open transaction and closes the session (not the database). */
    @Override
    public void close() {
        if (!closed) {
            StatementResult r = open;
            if (r != null) {
                open = null;
                r.close();
            }
            if (transaction != null) {
                rollbackQuietly(transaction);
                transaction = null;
            }
            closed = true;
        }
    }
}
