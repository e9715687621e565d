package dev.emporium.browser;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** Makes sure Debian's chromium and chromium-driver are installed, once per test run (ci/chromium.sh ensure). */
final class Chromium {

    private static boolean ensured;

    private Chromium() {
    }

    static synchronized void ensure() {
        if (ensured) {
            return;
        }
        File script = new File(System.getProperty("emporium.basedir", "."), "ci/chromium.sh");
        try {
            Process process = new ProcessBuilder(script.getPath(), "ensure").redirectErrorStream(true).start();
            // apt-get may wait for another installation's dpkg lock: give it time.
            if (!process.waitFor(20, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(script + " ensure did not finish in 20 minutes");
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new IllegalStateException(script + " ensure failed:\n" + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not run " + script, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        ensured = true;
    }
}
