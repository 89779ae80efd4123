package org.poststelle.server;

import org.poststelle.core.config.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar poststelle.jar <command>}: serve, user, pw. */
@Command(name = "poststelle", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Poststelle: a POP3 and IMAP mail access server.",
        subcommands = {ServeCommand.class, UserCommand.class, PwCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    /** Exit code for a bad configuration or bad command line. */
    public static final int EXIT_USAGE = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command and returns its exit code (tests call this instead of main). */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof ConfigException) {
                commandLine.getErr().println("poststelle: configuration error: " + e.getMessage());
                return EXIT_USAGE;
            }
            if (e instanceof CliException ce) {
                commandLine.getErr().println("poststelle: " + ce.getMessage());
                return ce.exitCode();
            }
            throw e;
        });
        return cli.execute(args);
    }

    /** A user-facing error: one line, no stack trace. */
    static final class CliException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int exitCode;

        CliException(String message, int exitCode) {
            super(message);
            this.exitCode = exitCode;
        }

        int exitCode() {
            return exitCode;
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"poststelle " + (v == null ? "development build" : v)};
        }
    }
}
