package org.neuroquantum.engine.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.neuroquantum.engine.db.Database;
import org.neuroquantum.engine.sql.bind.Binder;
import org.neuroquantum.engine.sql.bind.BoundStatement;
import org.neuroquantum.engine.sql.exec.Executor;
import org.neuroquantum.engine.sql.exec.SubqueryExecution;
import org.neuroquantum.engine.sql.expr.SubqueryRunner;
import org.neuroquantum.engine.sql.exec.StatementResult;
import org.neuroquantum.engine.sql.expr.Values;
import org.neuroquantum.engine.sql.parse.ParsedStatement;
import org.neuroquantum.engine.sql.parse.SqlParser;
import org.neuroquantum.engine.sql.plan.Planner;
import org.neuroquantum.engine.sql.system.StatementStatistics;
import org.neuroquantum.engine.table.ColumnType;
import org.neuroquantum.engine.txn.Transaction;
import org.neuroquantum.spi.error.ErrorCode;
import org.neuroquantum.spi.error.NeuroQuantumException;

/**
 * One user's conversation with a database: statements run in the session's transaction. In autocommit mode (the
 * default) each statement outside BEGIN … COMMIT commits on its own. A statement that fails inside a transaction
 * rolls the whole transaction back (there are no savepoints yet), so a failure never leaves part of a statement
 * applied. DDL commits an open transaction first and then runs in a transaction of its own; after it, an explicit
 * transaction goes on (in a new storage transaction) until COMMIT or ROLLBACK.
 *
 * <p>Not thread-safe: one session per thread (a JDBC connection holds one).
 */
public final class SqlSession implements AutoCloseable {
    private final Database database;
    private boolean autoCommit = true;
    private boolean explicit;
    private Transaction transaction;
    private boolean closed;
    private StatementStatistics statistics;

    public SqlSession(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    /** The database this session works on. */
    public Database database() {
        return database;
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
        long start = System.nanoTime();
        if (statistics == null) {
            statistics = StatementStatistics.of(database);
        }
        StatementResult result;
        try {
            result = executeUnrecorded(statement, params);
        } catch (RuntimeException e) {
            statistics.recordError();
            throw e;
        }
        long rows = result.isQuery() ? result.rows().size() : result.updateCount();
        statistics.record(statement.sql(), System.nanoTime() - start, rows, () -> planSummary(statement));
        return result;
    }

    /** The plan of a SELECT, UPDATE or DELETE for the slow-query log; {@code -} for other statements. */
    private String planSummary(ParsedStatement statement) {
        if (statement.tree() instanceof net.sf.jsqlparser.statement.select.Select
                || statement.tree() instanceof net.sf.jsqlparser.statement.update.Update
                || statement.tree() instanceof net.sf.jsqlparser.statement.delete.Delete) {
            return explain(statement.sql());
        }
        return "-";
    }

    private StatementResult executeUnrecorded(ParsedStatement statement, Object... params) {
        checkOpen();
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
        BoundStatement bound = new Binder(database).bind(statement.tree());
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
        try {
            StatementResult result = SubqueryExecution.run(tx, () -> run(bound, tx, values));
            if (own) {
                tx.commit();
                tx.close();
            }
            return result;
        } catch (RuntimeException e) {
            rollbackQuietly(tx);
            if (!own) {
                transaction = null;
                explicit = false;
                if (e instanceof NeuroQuantumException n) {
                    throw new NeuroQuantumException(n.errorCode(), n.causeDescription()
                            + " The transaction was rolled back.", n.remedy(), n);
                }
            }
            throw e;
        }
    }

    /** The plan chosen for a SELECT, UPDATE or DELETE, as text (the start of EXPLAIN). */
    public String explain(String sql) {
        BoundStatement bound = new Binder(database).bind(SqlParser.parse(sql).tree());
        if (bound instanceof BoundStatement.Select s) {
            return Planner.plan(s.query()).describe();
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

    private StatementResult run(BoundStatement bound, Transaction tx, Object[] params) {
        if (bound instanceof BoundStatement.Select s) {
            StatementResult r = Executor.query(Planner.plan(s.query()), tx, params);
            return new StatementResult(r.names(), resolvedTypes(r), r.rows(), -1);
        }
        if (bound instanceof BoundStatement.CompoundSelect c) {
            StatementResult r = ((SubqueryExecution) SubqueryRunner.current()).query(c.compound(), params);
            return new StatementResult(r.names(), resolvedTypes(r), r.rows(), -1);
        }
        if (bound instanceof BoundStatement.Insert i) {
            return StatementResult.updated(Executor.insert(i, tx, params));
        }
        if (bound instanceof BoundStatement.Update u) {
            return StatementResult.updated(Executor.update(u, tx, params));
        }
        if (bound instanceof BoundStatement.Delete d) {
            return StatementResult.updated(Executor.delete(d, tx, params));
        }
        throw new IllegalStateException("unexpected " + bound);
    }

    /** Output types unknown before execution (parameters, NULL) are taken from the first non-NULL value. */
    private static List<ColumnType> resolvedTypes(StatementResult r) {
        List<ColumnType> types = new ArrayList<>(r.types());
        for (int i = 0; i < types.size(); i++) {
            if (types.get(i) == null) {
                ColumnType found = ColumnType.VARCHAR;
                for (Object[] row : r.rows()) {
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
            if (transaction != null) {
                rollbackQuietly(transaction);
                transaction = null;
            }
            closed = true;
        }
    }
}
