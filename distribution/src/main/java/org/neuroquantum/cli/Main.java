package org.neuroquantum.cli;

import java.io.PrintWriter;
import org.neuroquantum.spi.error.NeuroQuantumException;
import picocli.CommandLine;

/** Entry point of the {@code neuroquantum} command. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line and returns its exit status (0 ok, 1 a problem, 2 bad usage). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = commandLine();
        cli.setOut(out);
        cli.setErr(err);
        int status = cli.execute(args);
        out.flush();
        err.flush();
        return status;
    }

    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new NeuroQuantumCommand());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof NeuroQuantumException) {
                commandLine.getErr().println("error: " + e.getMessage());
                return 1;
            }
            throw e;
        });
        return cli;
    }
}
