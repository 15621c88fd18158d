package org.jgrad.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A Spark standalone cluster of separate JVMs on 127.0.0.1: one Master and {@code workers}
 * Workers of one core each, started from the Spark home the build assembles from the Maven jars
 * ({@code target/spark-home/jars}). {@link #close} stops every process it started (executors
 * included), also when a test fails; a shutdown hook does it if the test JVM exits early.
 */
final class StandaloneCluster implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private final Path sparkHome = Path.of(System.getProperty("jgrad.spark.home"));
    private final Path logs;
    private final List<Process> processes = new ArrayList<>();
    private final List<Process> workers = new ArrayList<>();
    private final Thread hook = new Thread(this::stopAll, "stop-standalone-cluster");
    private final String masterUrl;

    StandaloneCluster(int workerCount, Path logs) throws IOException, InterruptedException {
        this.logs = Files.createDirectories(logs);
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            int port = freePort();
            masterUrl = "spark://127.0.0.1:" + port;
            Process master = start("master", "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1",
                    "--port", Integer.toString(port), "--webui-port", "0");
            await("the master to listen on " + port, () -> logContains("master", "I have been elected leader"), master);
            for (int i = 0; i < workerCount; i++) {
                String name = "worker-" + i;
                workers.add(start(name, "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1",
                        "--cores", "1", "--memory", "1g", "--webui-port", "0",
                        "--work-dir", logs.resolve(name + "-work").toString(), masterUrl));
            }
            for (int i = 0; i < workerCount; i++) {
                String name = "worker-" + i;
                await(name + " to register", () -> logContains(name, "Successfully registered with master"), workers.get(i));
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            close();
            throw e;
        }
    }

    String masterUrl() {
        return masterUrl;
    }

    private Process start(String name, String mainClass, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(Arrays.asList(System.getProperty("jgrad.spark.jvm.options").trim().split("\\s+")));
        command.add("-Xmx256m");
        command.add("-cp");
        command.add(sparkHome.resolve("jars") + "/*");
        command.add(mainClass);
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(logs.resolve(name + ".log").toFile());
        builder.environment().put("SPARK_HOME", sparkHome.toString());
        builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        builder.environment().put("SPARK_SCALA_VERSION", "2.13"); // else the launcher looks for a source build
        Process process = builder.start();
        processes.add(process);
        return process;
    }

    private boolean logContains(String name, String text) {
        try {
            Path log = logs.resolve(name + ".log");
            return Files.exists(log) && Files.readString(log).contains(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void await(String what, BooleanSupplier done, Process process) throws InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!done.getAsBoolean()) {
            if (!process.isAlive()) {
                throw new IllegalStateException("waiting for " + what + ": the process exited with "
                        + process.exitValue() + "; see " + logs);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("waited " + START_TIMEOUT.toSeconds() + " s for " + what + "; see " + logs);
            }
            Thread.sleep(200);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Kills the executors first (children of the workers), then the workers and the master, and waits for them. */
    private void stopAll() {
        for (Process p : processes) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
        }
        for (Process p : processes) {
            p.destroyForcibly();
        }
        for (Process p : processes) {
            try {
                p.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void close() {
        stopAll();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running already and does the same
        }
    }
}
