package co.rtm.sim.instruments.serve;

import co.rtm.agent.instruments.InstrumentKind;
import co.rtm.sim.instruments.SimulatedDevice;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * A tiny test device: every tick sends {@code V,<n>\n} with n counting from 0, so a gap or a swap shows; answers
 * {@code ID?\n} with its identity line and {@code PING\n} with {@code PONG\n}. Commands may arrive in pieces.
 */
final class CountingDevice implements SimulatedDevice {

    static final String ID_LINE = "ID,SimCo,CT-1,SN7,2.0,2025-01-01,2099-12-31\n";

    private final ByteArrayOutputStream command = new ByteArrayOutputStream();
    private int n;

    @Override
    public InstrumentKind kind() {
        return InstrumentKind.SOUND;
    }

    @Override
    public byte[] tick(Instant now) {
        return ("V," + n++ + "\n").getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public byte[] onCommand(byte[] bytes, Instant now) {
        ByteArrayOutputStream reply = new ByteArrayOutputStream();
        for (byte b : bytes) {
            if (b != '\n') {
                command.write(b);
                continue;
            }
            String c = command.toString(StandardCharsets.US_ASCII);
            command.reset();
            String answer = switch (c) {
                case "ID?" -> ID_LINE;
                case "PING" -> "PONG\n";
                default -> "ERR\n";
            };
            reply.writeBytes(answer.getBytes(StandardCharsets.US_ASCII));
        }
        return reply.toByteArray();
    }
}
