package org.neuroquantum.bench.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * What the report says about the machine a run used: CPU model and count, memory, the file system of the data
 * directory, the JVM, and how busy the machine was (load average, other JVMs running beside the suite).
 *
 * @param cpu the CPU model name (as {@code lscpu} reports it) and the number of CPUs
 * @param memory total memory
 * @param fileSystem device, type and mount options of the data directory's file system
 * @param jvm the JVM that ran the suite
 * @param os operating system and kernel
 * @param loadAverage {@code /proc/loadavg}'s first three figures
 * @param otherJvms JVM processes running that are not part of the suite
 */
public record RunEnvironment(String cpu, String memory, String fileSystem, String jvm, String os, String loadAverage,
        long otherJvms) {

    /** The environment now, for a suite writing into {@code dataDir}. */
    public static RunEnvironment capture(Path dataDir) {
        return new RunEnvironment(readCpu(), readMemory(), readFileSystem(dataDir),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"),
                firstLine(Path.of("/proc/loadavg")).map(l -> String.join(" ", List.of(l.split(" ")).subList(0, 3)))
                        .orElse("?"),
                countOtherJvms());
    }

    private static String readCpu() {
        String model = lines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("?");
        return model + ", " + Runtime.getRuntime().availableProcessors() + " CPUs";
    }

    private static String readMemory() {
        return lines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal:"))
                .map(l -> {
                    long kb = Long.parseLong(l.replaceAll("[^0-9]", ""));
                    return String.format("%.1f GiB", kb / 1024.0 / 1024.0);
                }).findFirst().orElse("?");
    }

    private static String readFileSystem(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
            Process p = new ProcessBuilder("findmnt", "-n", "-o", "SOURCE,FSTYPE,OPTIONS", "-T", dataDir.toString())
                    .redirectErrorStream(true).start();
            String out;
            try (InputStream in = p.getInputStream()) {
                out = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            }
            if (p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0 && !out.isEmpty()) {
                String[] f = out.split("\\s+", 3);
                return f[1] + " on " + f[0] + (f.length > 2 ? " (" + f[2] + ")" : "");
            }
            return "? (findmnt: " + out + ")";
        } catch (IOException e) {
            return "? (" + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "?";
        }
    }

    private static long countOtherJvms() {
        ProcessHandle self = ProcessHandle.current();
        return ProcessHandle.allProcesses()
                .filter(p -> p.pid() != self.pid())
                .filter(p -> p.parent().map(parent -> parent.pid() != self.pid()).orElse(true))
                .filter(p -> p.info().command().map(c -> c.endsWith("/java")).orElse(false))
                .count();
    }

    private static Optional<String> firstLine(Path file) {
        return lines(file).stream().findFirst();
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return List.of();
        }
    }
}
