package co.rtm.agent.instruments.runtime;

import co.rtm.agent.instruments.ByteLink;

import java.io.IOException;

/** Opens a fresh link to the same instrument; the runtime calls it again to reconnect after a failure. */
@FunctionalInterface
public interface LinkOpener {
    ByteLink open() throws IOException;
}
