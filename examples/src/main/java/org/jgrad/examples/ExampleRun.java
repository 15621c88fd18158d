package org.jgrad.examples;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import org.jgrad.Generator;
import org.jgrad.backend.Backend;
import org.jgrad.backend.Backends;

/**
 * What every example does around its own work: parse the command line, choose the backend
 * ({@code --backend} makes the named one the default, else the usual choice applies), seed the
 * global generator, run, and end with the {@link Summary} line: {@code example}, {@code backend},
 * {@code epochs}, what the example adds, then {@code seconds} (wall time of the whole run).
 */
final class ExampleRun {

    /** An example's own work; it prints to {@code out} and adds its results to {@code summary}. */
    @FunctionalInterface
    interface Body {
        void run(ExampleArgs args, PrintStream out, Summary summary) throws IOException;
    }

    private ExampleRun() {
    }

    /** Runs {@code body} with the parsed {@code argv}, printing to {@code out}; returns the summary line. */
    static String execute(ExampleSpec spec, String[] argv, PrintStream out, Body body) throws IOException {
        ExampleArgs args = ExampleArgs.parse(spec, argv);
        Backend backend = args.backend() == null ? Backends.getDefault() : Backends.named(args.backend());
        Backends.setDefault(backend);
        Generator.manualSeed(args.seed());
        out.println("jgrad " + spec.name() + " on " + backend.description() + ", Java " + Runtime.version());
        Summary summary = new Summary().put("example", spec.name()).put("backend", backend.name())
                .put("epochs", args.epochs());
        long start = System.nanoTime();
        body.run(args, out, summary);
        summary.put("seconds", (System.nanoTime() - start) / 1e9, 1);
        String line = summary.toString();
        out.println(line);
        return line;
    }

    /** The {@code main} of an example: usage errors exit with status 2, other failures with 1. */
    static void main(ExampleSpec spec, String[] argv, Body body) {
        if (argv.length == 1 && (argv[0].equals("--help") || argv[0].equals("-h"))) {
            System.out.print(spec.usage());
            return;
        }
        try {
            execute(spec, argv, System.out, body);
        } catch (UsageException e) {
            System.err.println(spec.name() + ": " + e.getMessage());
            System.err.print(spec.usage());
            System.exit(2);
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            System.err.println(spec.name() + ": " + e.getMessage());
            System.exit(1);
        }
    }
}
