package org.poststelle.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Entry point of the benchmark jar: {@code java -jar bench/target/poststelle-bench.jar <name> [args]}.
 * Each benchmark registers here under its name; docs/BENCHMARKS.md gives the commands and results.
 */
public final class Bench {
    /** A benchmark runnable from the command line. */
    @FunctionalInterface
    public interface Tool {
        void run(String[] args) throws Exception;
    }

    private static final Map<String, Tool> TOOLS = new LinkedHashMap<>();

    static {
        // each area registers its benchmarks in its own static block, e.g. org.poststelle.bench.store.StoreBench
        for (String cls : new String[] {"org.poststelle.bench.auth.AuthBench", "org.poststelle.bench.store.StoreBench",
            "org.poststelle.bench.pop3.Pop3Bench", "org.poststelle.bench.imap.ImapBench",
            "org.poststelle.bench.search.SearchBench"}) {
            try {
                Class.forName(cls);
            } catch (ClassNotFoundException e) {
                // that area has no benchmark yet
            }
        }
    }

    private Bench() {
    }

    public static void register(String name, Tool tool) {
        TOOLS.put(name, tool);
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || !TOOLS.containsKey(args[0])) {
            System.err.println("usage: java -jar poststelle-bench.jar <benchmark> [args]; benchmarks: " + TOOLS.keySet());
            System.exit(2);
        }
        TOOLS.get(args[0]).run(Arrays.copyOfRange(args, 1, args.length));
    }
}
