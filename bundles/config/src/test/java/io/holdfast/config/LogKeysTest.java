package io.holdfast.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.holdfast.spi.config.DaemonConfig;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** log-driver and log-opts: Docker's names, conmon's k8s-file, and only the option conmon can honour. */
class LogKeysTest {
    @TempDir
    Path dir;

    private DaemonJson json;

    @BeforeEach
    void setUp() {
        json = new DaemonJson(dir);
    }

    @Test
    void defaultsAreK8sFileAndAnUnboundedLog() throws Exception {
        DaemonConfig config = json.read("{}");
        assertEquals("k8s-file", config.logDriver());
        assertEquals(0, config.logSizeMax());
    }

    @Test
    void k8sFileAndMaxSizeAreRead() throws Exception {
        DaemonConfig config = json.read("{\"log-driver\": \"k8s-file\", \"log-opts\": {\"max-size\": \"10m\"}}");
        assertEquals("k8s-file", config.logDriver());
        assertEquals(10L * 1024 * 1024, config.logSizeMax());
        assertEquals(4096, json.read("{\"log-opts\": {\"max-size\": \"4096\"}}").logSizeMax());
        assertEquals(1L << 30, json.read("{\"log-opts\": {\"max-size\": \"1g\"}}").logSizeMax());
        assertEquals(0, json.read("{\"log-opts\": {}}").logSizeMax());
    }

    @Test
    void dockersJsonFileIsRefusedWithTheReasonAndTheWayOut() throws Exception {
        assertEquals("daemon.json:2:3: key \"log-driver\": \"json-file\" is not supported: Holdfast's containers are "
                + "logged by conmon, which writes \"k8s-file\", and `holdfast logs` works the same with it; "
                + "set \"k8s-file\" or leave the key out", json.error("{\n  \"log-driver\": \"json-file\"\n}"));
    }

    @Test
    void otherDriversAreRefused() throws Exception {
        assertEquals("daemon.json:1:2: key \"log-driver\": \"syslog\" is not supported; the only log driver is "
                + "\"k8s-file\"", json.error("{\"log-driver\": \"syslog\"}"));
        assertEquals("daemon.json:1:2: key \"log-driver\": expected a non-empty string, found 1",
                json.error("{\"log-driver\": 1}"));
    }

    @Test
    void unsupportedOptionIsNamedWithTheSupportedOnes() throws Exception {
        assertEquals("daemon.json:3:3: key \"log-opts\": option \"labels\" is not supported; supported: max-size",
                json.error("{\n  \"debug\": true,\n  \"log-opts\": {\"max-size\": \"1m\", \"labels\": \"a\"}\n}"));
        assertEquals("daemon.json:1:2: key \"log-opts\": option \"max-file\" is not supported; supported: max-size "
                + "(conmon keeps no rotated files: past max-size it starts the log afresh)",
                json.error("{\"log-opts\": {\"max-file\": \"3\"}}"));
    }

    @Test
    void badSizesSayWhatWasExpected() throws Exception {
        String expected = "daemon.json:1:2: key \"log-opts\": option \"max-size\": expected a size above 0 such as "
                + "\"512k\", \"10m\", \"1g\" or a number of bytes, found ";
        assertEquals(expected + "\"0\"", json.error("{\"log-opts\": {\"max-size\": \"0\"}}"));
        assertEquals(expected + "\"-1\"", json.error("{\"log-opts\": {\"max-size\": \"-1\"}}"));
        assertEquals(expected + "\"10x\"", json.error("{\"log-opts\": {\"max-size\": \"10x\"}}"));
        assertEquals(expected + "\"\"", json.error("{\"log-opts\": {\"max-size\": \"\"}}"));
    }

    @Test
    void optionsAreStringsAsInDocker() throws Exception {
        assertEquals("daemon.json:1:2: key \"log-opts\": option \"max-size\": expected a string such as \"10m\", "
                + "found 1048576", json.error("{\"log-opts\": {\"max-size\": 1048576}}"));
        assertEquals("daemon.json:1:2: key \"log-opts\": expected an object of strings such as "
                + "{\"max-size\": \"10m\"}, found [\"max-size=10m\"]", json.error("{\"log-opts\": [\"max-size=10m\"]}"));
    }
}
