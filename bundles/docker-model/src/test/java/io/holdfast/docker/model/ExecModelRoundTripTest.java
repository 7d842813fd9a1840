package io.holdfast.docker.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.jr.annotationsupport.JacksonAnnotationExtension;
import com.fasterxml.jackson.jr.ob.JSON;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The exec records: written by the server, read by the CLI (and the other way round for the requests). */
class ExecModelRoundTripTest {
    private static final ObjectMapper SERVER = new ObjectMapper();
    private static final JSON CLI = JSON.builder().register(JacksonAnnotationExtension.std).build();

    @Test
    void execInspectWhileRunningAndAfterwards() throws Exception {
        for (Integer code : new Integer[] {null, 7}) {
            ExecInspect inspect = new ExecInspect("e1", code == null, code,
                    new ExecInspect.ProcessConfig(false, "sh", List.of("-c", "exit 7"), false, "1000"), false, true,
                    true, false, "c1", "EBE=", 42);
            String written = SERVER.writeValueAsString(inspect);
            assertEquals(inspect, CLI.beanFrom(ExecInspect.class, written), written);
        }
    }

    @Test
    void exitCodeIsNullWhileRunningAndUserIsOmittedWhenEmptyAsMobyWritesThem() throws Exception {
        String written = SERVER.writeValueAsString(new ExecInspect("e1", true, null,
                new ExecInspect.ProcessConfig(false, "sh", List.of(), false, ""), false, true, true, false, "c1", "",
                42));
        assertTrue(written.contains("\"ExitCode\":null"), written);
        assertFalse(written.contains("\"user\""), written);
        assertTrue(written.contains("\"privileged\":false"), written);
    }

    @Test
    void requestsTheCliWritesTheServerReads() throws Exception {
        ExecConfig config = new ExecConfig("nobody", false, false, false, true, true, false, "ctrl-p,ctrl-q",
                List.of("A=1"), "/tmp", List.of("sh", "-c", "true"));
        assertEquals(config, SERVER.readValue(CLI.asString(config), ExecConfig.class));
        ExecStartCheck start = new ExecStartCheck(true, false);
        assertEquals(start, SERVER.readValue(CLI.asString(start), ExecStartCheck.class));
        IdResponse id = new IdResponse("e1");
        assertEquals(id, CLI.beanFrom(IdResponse.class, SERVER.writeValueAsString(id)));
    }
}
