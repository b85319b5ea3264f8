package co.rtm.agent.instruments.lane;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A stand-in BH1750 for driver logic: records what the driver writes and answers each read with the next scripted
 * reply (bytes, or an exception); with nothing scripted it answers the last bytes again, like the chip does.
 */
final class ScriptedI2c implements I2cDevice {

    private final ConcurrentLinkedQueue<Object> replies = new ConcurrentLinkedQueue<>();
    private final List<Byte> written = new ArrayList<>();
    private byte[] last = {0, 0};
    private int reads;

    ScriptedI2c answer(int... bytes) {
        byte[] b = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            b[i] = (byte) bytes[i];
        }
        replies.add(b);
        return this;
    }

    ScriptedI2c fail(IOException e) {
        replies.add(e);
        return this;
    }

    synchronized List<Byte> written() {
        return List.copyOf(written);
    }

    synchronized int reads() {
        return reads;
    }

    @Override
    public synchronized void write(byte... bytes) {
        for (byte b : bytes) {
            written.add(b);
        }
    }

    @Override
    public synchronized int read(byte[] into) throws IOException {
        reads++;
        Object r = replies.poll();
        if (r instanceof IOException e) {
            throw e;
        }
        if (r != null) {
            last = (byte[]) r;
        }
        int n = Math.min(into.length, last.length);
        System.arraycopy(last, 0, into, 0, n);
        return n;
    }

    @Override
    public String describe() {
        return "scripted@0x23";
    }

    @Override
    public void close() {}
}
