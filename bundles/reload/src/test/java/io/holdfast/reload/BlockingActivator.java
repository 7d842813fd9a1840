package io.holdfast.reload;

import java.util.concurrent.CountDownLatch;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/**
 * Packed into a test bundle by {@link BundleSwapDeadlineTest}: its start blocks, ignoring interrupts, until the test
 * counts down the latch it left in the system properties (a JDK object, the same for the test and the bundle).
 */
public class BlockingActivator implements BundleActivator {
    static final String RELEASE = "holdfast.test.release-activator";

    @Override
    public void start(BundleContext context) {
        CountDownLatch release = (CountDownLatch) System.getProperties().get(RELEASE);
        while (true) {
            try {
                release.await();
                return;
            } catch (InterruptedException ignored) {
                // the worst case: an activator that does not answer an interrupt either
            }
        }
    }

    @Override
    public void stop(BundleContext context) {
    }
}
