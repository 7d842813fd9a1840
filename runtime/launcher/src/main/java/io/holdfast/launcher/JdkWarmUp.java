package io.holdfast.launcher;

import java.util.Locale;

/**
 * Does on the second core, while the main thread sets Felix up and installs the bundles (one thread's work), the
 * JDK's own one-time work that a bundle's start would otherwise wait for on the way to the API's socket: the list of
 * available locales, which Jetty's {@code MimeTypes} asks for when the API's server is made (about 100 ms of the
 * bundles' start in a JFR profile: the locale providers' data). The JDK keeps the answer, and a thread that asks
 * meanwhile waits for this one instead of doing it again.
 */
final class JdkWarmUp {
    private JdkWarmUp() {
    }

    static void startInBackground() {
        Thread warmUp = new Thread(Locale::getAvailableLocales, "holdfast-jdk-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
    }
}
