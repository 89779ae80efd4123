package org.poststelle.server;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.poststelle.core.auth.AccountPolicy;
import org.poststelle.core.auth.AuthConfig;
import org.poststelle.core.auth.Pop3Retention;
import org.poststelle.core.auth.Protocol;
import org.poststelle.core.auth.passwd.AccountAdmin;
import org.poststelle.core.auth.passwd.AccountException;
import org.poststelle.core.auth.passwd.AccountFields;
import org.poststelle.core.auth.passwd.AccountInfo;
import org.poststelle.core.config.ConfigSection;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code user add|del|passwd|set|list|show}: edits the same passwd-file the server reads. */
@Command(name = "user", mixinStandardHelpOptions = true, description = "Manage accounts.",
        subcommands = {UserCommand.Add.class, UserCommand.Del.class, UserCommand.Passwd.class, UserCommand.SetPolicy.class,
            UserCommand.ListUsers.class, UserCommand.Show.class})
final class UserCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Opens the account database the server would use with the same --config/--data. */
    static AccountAdmin admin(Locations locations) {
        ConfigSection root = locations.load(Map.of());
        Path dataDir = ServerSettings.from(root).dataDir();
        return AccountAdmin.open(AuthConfig.from(root.section("auth"), dataDir));
    }

    /** Policy options shared by add and set; unset options leave the policy as it is. */
    static final class PolicyOptions {
        @Option(names = "--protocols", paramLabel = "LIST", description = "Allowed protocols: imap, pop3 or imap,pop3.")
        String protocols;

        @Option(names = "--quota", paramLabel = "SIZE", description = "Storage quota, e.g. 2G or 500M; 0 = unlimited.")
        String quota;

        @Option(names = "--quota-messages", paramLabel = "N", description = "Message-count quota; 0 = unlimited.")
        Long quotaMessages;

        @Option(names = "--pop3-retention", paramLabel = "POLICY",
                description = "keep (leave on server until DELE), delete (remove after retrieval) or expire=Nd.")
        String pop3Retention;

        @Option(names = "--login-delay", paramLabel = "DURATION", description = "Minimum time between POP3 logins, e.g. 5m.")
        String loginDelay;

        @Option(names = "--disabled", negatable = true, description = "Disable (or with --no-disabled enable) the account.")
        Boolean disabled;

        AccountPolicy apply(AccountPolicy p) {
            Set<Protocol> protos = p.protocols().isEmpty() ? EnumSet.noneOf(Protocol.class) : EnumSet.copyOf(p.protocols());
            long bytes = p.quotaBytes();
            long messages = p.quotaMessages();
            Pop3Retention retention = p.pop3Retention();
            Duration delay = p.loginDelay();
            boolean off = p.disabled();
            try {
                if (protocols != null) {
                    protos = EnumSet.copyOf(AccountFields.parseProtocols(protocols));
                }
                if (quota != null) {
                    bytes = ConfigSection.parseBytes(quota);
                }
                if (quotaMessages != null) {
                    messages = quotaMessages;
                }
                if (pop3Retention != null) {
                    retention = Pop3Retention.parse(pop3Retention);
                }
                if (loginDelay != null) {
                    delay = ConfigSection.parseDuration(loginDelay);
                }
            } catch (IllegalArgumentException e) {
                throw new Main.CliException(e.getMessage() == null ? "bad option value" : e.getMessage(), Main.EXIT_USAGE);
            }
            if (disabled != null) {
                off = disabled;
            }
            return new AccountPolicy(protos, bytes, messages, retention, delay, off);
        }
    }

    static final class PasswordSource {
        @Option(names = "--password-stdin", description = "Read the password from the first line of standard input.")
        boolean stdin;

        char[] read(boolean generateIfNoTerminal, PrintWriter out, String user) throws IOException {
            if (stdin) {
                return Passwords.fromStdin();
            }
            char[] typed = Passwords.prompt("Password for " + user);
            if (typed != null) {
                return typed;
            }
            if (!generateIfNoTerminal) {
                throw new Main.CliException("no terminal to ask for the password; use --password-stdin", Main.EXIT_USAGE);
            }
            char[] generated = Passwords.generate();
            out.println("Generated password for " + user + ": " + new String(generated) + "  (shown only now)");
            return generated;
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Add an account.")
    static final class Add implements Callable<Integer> {
        @Mixin
        Locations locations;
        @Parameters(paramLabel = "NAME", description = "local@domain, or a bare name")
        String name;
        @Option(names = "--home", paramLabel = "DIR", description = "Home directory (mail then lives in DIR/Maildir).")
        String home;
        @ArgGroup(exclusive = false)
        PolicyOptions policy = new PolicyOptions();
        @Mixin
        PasswordSource password;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            AccountAdmin admin = admin(locations);
            PrintWriter out = spec.commandLine().getOut();
            char[] pw = password.read(true, out, name);
            try {
                AccountInfo added = admin.add(name, pw, policy.apply(AccountPolicy.DEFAULT), Optional.ofNullable(home));
                out.println("Added " + added.username() + " to " + admin.file());
            } catch (AccountException e) {
                throw new Main.CliException(e.getMessage(), 1);
            } finally {
                java.util.Arrays.fill(pw, '\0');
            }
            return 0;
        }
    }

    @Command(name = "del", mixinStandardHelpOptions = true, description = "Delete an account (its mail stays on disk).")
    static final class Del implements Callable<Integer> {
        @Mixin
        Locations locations;
        @Parameters(paramLabel = "NAME")
        String name;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            try {
                admin(locations).delete(name);
            } catch (AccountException e) {
                throw new Main.CliException(e.getMessage(), 1);
            }
            spec.commandLine().getOut().println("Deleted " + name);
            return 0;
        }
    }

    @Command(name = "passwd", mixinStandardHelpOptions = true, description = "Set an account's password.")
    static final class Passwd implements Callable<Integer> {
        @Mixin
        Locations locations;
        @Parameters(paramLabel = "NAME")
        String name;
        @Mixin
        PasswordSource password;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            AccountAdmin admin = admin(locations);
            char[] pw = password.read(false, spec.commandLine().getOut(), name);
            try {
                admin.setPassword(name, pw);
            } catch (AccountException e) {
                throw new Main.CliException(e.getMessage(), 1);
            } finally {
                java.util.Arrays.fill(pw, '\0');
            }
            spec.commandLine().getOut().println("Password changed for " + name);
            return 0;
        }
    }

    @Command(name = "set", mixinStandardHelpOptions = true, description = "Change an account's policy or home.")
    static final class SetPolicy implements Callable<Integer> {
        @Mixin
        Locations locations;
        @Parameters(paramLabel = "NAME")
        String name;
        @Option(names = "--home", paramLabel = "DIR", description = "Home directory; empty to remove.")
        String home;
        @ArgGroup(exclusive = false)
        PolicyOptions policy = new PolicyOptions();
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            AccountAdmin admin = admin(locations);
            try {
                AccountInfo info = admin.updatePolicy(name, policy::apply);
                if (home != null) {
                    info = admin.setHome(name, home.isEmpty() ? Optional.empty() : Optional.of(home));
                }
                Show.print(spec.commandLine().getOut(), info);
            } catch (AccountException e) {
                throw new Main.CliException(e.getMessage(), 1);
            }
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List accounts.")
    static final class ListUsers implements Callable<Integer> {
        @Mixin
        Locations locations;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            List<AccountInfo> all = admin(locations).list();
            for (AccountInfo a : all) {
                out.println(a.username() + "  " + Show.summary(a));
            }
            return 0;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show one account (never its password).")
    static final class Show implements Callable<Integer> {
        @Mixin
        Locations locations;
        @Parameters(paramLabel = "NAME")
        String name;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            AccountInfo info = admin(locations).show(name)
                    .orElseThrow(() -> new Main.CliException("no such account: " + name, 1));
            print(spec.commandLine().getOut(), info);
            return 0;
        }

        static String summary(AccountInfo a) {
            AccountPolicy p = a.policy();
            StringBuilder sb = new StringBuilder();
            sb.append("protocols=").append(protocols(p)).append(" quota=").append(quota(p))
                    .append(" pop3_retention=").append(p.pop3Retention().format());
            if (p.disabled()) {
                sb.append(" disabled");
            }
            a.problem().ifPresent(problem -> sb.append(" problem=\"").append(problem).append('"'));
            return sb.toString();
        }

        private static String protocols(AccountPolicy p) {
            return p.protocols().isEmpty() ? "none"
                    : String.join(",", p.protocols().stream().map(Protocol::id).sorted().toList());
        }

        private static String quota(AccountPolicy p) {
            String bytes = p.quotaBytes() == 0 ? "unlimited" : AccountFields.formatBytes(p.quotaBytes());
            return p.quotaMessages() == 0 ? bytes : bytes + ", " + p.quotaMessages() + " messages";
        }

        static void print(PrintWriter out, AccountInfo a) {
            AccountPolicy p = a.policy();
            out.println("name:            " + a.username());
            out.println("password scheme: " + a.scheme().orElse("(none: cannot log in)"));
            out.println("home:            " + a.home().orElse("(none)"));
            out.println("protocols:       " + protocols(p));
            out.println("quota:           " + quota(p));
            out.println("pop3 retention:  " + p.pop3Retention().format());
            out.println("login delay:     " + (p.loginDelay().isZero() ? "none" : p.loginDelay().toString()));
            out.println("disabled:        " + (p.disabled() ? "yes" : "no"));
            if (!a.otherFields().isEmpty()) {
                out.println("other fields:    " + String.join(" ", a.otherFields()));
            }
            a.problem().ifPresent(problem -> out.println("problem:         " + problem));
        }
    }
}
