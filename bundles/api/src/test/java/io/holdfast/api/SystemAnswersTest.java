package io.holdfast.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.Version;

class SystemAnswersTest {

    /** During a swap both revisions are installed: the engine is the running one, even when it is the older. */
    @Test
    void theEngineVersionIsTheActiveSupervisorsElseTheNewestInstalled() {
        Bundle old = bundle("io.holdfast.supervisor", "0.1.0", Bundle.ACTIVE);
        Bundle next = bundle("io.holdfast.supervisor", "0.2.5", Bundle.RESOLVED);
        Bundle other = bundle("io.holdfast.api", "9.0.0", Bundle.ACTIVE);
        assertEquals("0.1.0", SystemAnswers.supervisorVersion(new Bundle[] {other, old, next}));
        Bundle stopped = bundle("io.holdfast.supervisor", "0.1.0", Bundle.RESOLVED);
        assertEquals("0.2.5", SystemAnswers.supervisorVersion(new Bundle[] {stopped, next, other}));
        assertEquals("unknown", SystemAnswers.supervisorVersion(new Bundle[] {other}));
    }

    private static Bundle bundle(String name, String version, int state) {
        return (Bundle) Proxy.newProxyInstance(Bundle.class.getClassLoader(), new Class<?>[] {Bundle.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getSymbolicName" -> name;
                    case "getVersion" -> Version.parseVersion(version);
                    case "getState" -> state;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
