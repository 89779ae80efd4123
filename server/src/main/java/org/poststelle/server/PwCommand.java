package org.poststelle.server;

import java.util.concurrent.Callable;
import org.poststelle.core.auth.hash.PasswordSchemes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code pw hash}: like {@code doveadm pw}, prints {SCHEME}hash for a passwd-file. */
@Command(name = "pw", mixinStandardHelpOptions = true, description = "Password hashing tools.",
        subcommands = {PwCommand.Hash.class})
final class PwCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(name = "hash", mixinStandardHelpOptions = true,
            description = "Hash a password read from standard input (or asked on the terminal).")
    static final class Hash implements Callable<Integer> {
        @Option(names = {"--scheme", "-s"}, paramLabel = "S", defaultValue = PasswordSchemes.DEFAULT,
                description = "Scheme (default ${DEFAULT-VALUE}); --list shows all.")
        String scheme;

        @Option(names = {"--list", "-l"}, description = "List the schemes that can be generated.")
        boolean list;

        @Option(names = "--config", hidden = true, description = "Accepted for symmetry with the other commands.")
        java.nio.file.Path config;

        @Option(names = "--data", hidden = true, description = "Accepted for symmetry with the other commands.")
        java.nio.file.Path data;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            if (list) {
                spec.commandLine().getOut().println(String.join(" ", PasswordSchemes.generatable()));
                return 0;
            }
            char[] pw = Passwords.prompt("Password");
            if (pw == null) {
                pw = Passwords.fromStdin();
            }
            try {
                spec.commandLine().getOut().println(PasswordSchemes.hash(scheme, pw));
            } catch (IllegalArgumentException e) {
                throw new Main.CliException(e.getMessage(), Main.EXIT_USAGE);
            } finally {
                java.util.Arrays.fill(pw, '\0');
            }
            return 0;
        }
    }
}
