package io.runnel.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Facts about the machine that a benchmark figure needs next to it: processors, CPU model, load, JVM.
 *
 * <p><b>Threading:</b> stateless; each call runs small commands ({@code nproc}, {@code uptime}) and waits up to
 * 10 s for each.
 */
final class MachineInfo {

    private MachineInfo() {
    }

    /** @return a few lines: nproc, CPU model, load average ({@code uptime}), OS, JVM */
    static String describe() {
        String nl = System.lineSeparator();
        return "nproc:   " + command("nproc") + " (JVM sees " + Runtime.getRuntime().availableProcessors()
                + " processors)" + nl
                + "cpu:     " + cpuModel() + nl
                + "uptime:  " + loadAverage() + nl
                + "os:      " + System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch") + nl
                + "jvm:     " + System.getProperty("java.vm.name") + " " + Runtime.version()
                + "; forks: " + ForkLauncher.JVM_OPTIONS;
    }

    /** @return the output of {@code uptime} (with the 1, 5 and 15 minute load averages), else /proc/loadavg */
    static String loadAverage() {
        String uptime = command("uptime");
        if (!uptime.startsWith("?")) {
            return uptime;
        }
        try {
            return "loadavg " + Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown (" + uptime + "; /proc/loadavg: " + e.getMessage() + ")";
        }
    }

    private static String cpuModel() {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/cpuinfo"));
            return lines.stream().filter(l -> l.startsWith("model name")).findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown");
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    /** @return the command's trimmed output, or {@code "?"} and the reason if it could not run */
    private static String command(String name) {
        try {
            Process p = new ProcessBuilder(name).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "? (" + name + " timed out)";
            }
            return output;
        } catch (IOException e) {
            return "? (" + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "? (interrupted)";
        }
    }
}
