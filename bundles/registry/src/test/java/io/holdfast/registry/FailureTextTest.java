package io.holdfast.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

/** A failed exchange is described with its causes' messages, not as a bare class name. */
class FailureTextTest {

    @Test
    void aBareIOExceptionIsDescribedByWhatCausedIt() {
        IOException bare = new IOException((String) null,
                new SSLHandshakeException("PKIX path building failed: unable to find valid certification path"));

        assertEquals("IOException: PKIX path building failed: unable to find valid certification path",
                RegistrySession.failureText(bare));
    }

    @Test
    void aMessageTheCauseRepeatsIsGivenOnce() {
        IOException wrapped = new IOException("Connection reset", new IOException("Connection reset"));

        assertEquals("Connection reset", RegistrySession.failureText(wrapped));
    }
}
