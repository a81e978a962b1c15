package io.procmux.pool.local;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * What the parent does with each frame a worker sends: checks the hello's token and sends the
 * initializer, marks the worker ready or the pool broken by a failed initializer, and settles
 * results in order (their decoding runs later, outside the lock, on the I/O thread or on the
 * caller that led the apply, see {@link DirectApply}). Called under the engine's lock.
 *
 * <p>Cost: one copy of each result payload and one completion object per result on the I/O
 * thread's path; none for a led apply's answer.
 */
final class WorkerFrames implements Inbound.Handler {
    private static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final PoolEngine engine;

    WorkerFrames(PoolEngine engine) {
        this.engine = engine;
    }

    @Override
    public void frame(Worker w, byte kind, long id, byte[] data, int offset, int length) {
        switch (kind) {
            case Frames.HELLO -> {
                String token = new String(data, offset, length, StandardCharsets.US_ASCII);
                if (w.state != Worker.State.STARTING || !Handshakes.sameToken(w.token, token)) {
                    throw new IllegalStateException("worker " + w.pid() + " did not present its token");
                }
                engine.sendInit(w);
            }
            case Frames.INIT_OK -> {
                w.state = Worker.State.READY;
                engine.startFailures = 0;
            }
            case Frames.INIT_ERR -> {
                Throwable cause = Inbound.decodeFailure(engine.codec, data, offset, length);
                engine.breakPool(new IllegalStateException("the pool's initializer failed in worker " + w.pid() + ": "
                        + cause, cause));
            }
            case Frames.RESULT, Frames.ERROR -> result(w, kind == Frames.RESULT, id, data, offset, length);
            default -> throw new IllegalStateException("worker " + w.pid() + " sent unknown frame kind " + kind);
        }
    }

    private void result(Worker w, boolean ok, long id, byte[] data, int offset, int length) {
        Task t = w.inflight.pollFirst();
        if (t == null || t.id != id) {
            throw new IllegalStateException("worker " + w.pid() + " answered task " + id + " out of order");
        }
        long ran = (long) LONG_LE.get(data, offset);
        engine.serviceNanos = Scheduling.average(engine.serviceNanos, ran);
        w.headSince = System.nanoTime();
        byte[] payload = Arrays.copyOfRange(data, offset + Frames.RESULT_PREFIX, offset + length);
        if (t.led) {
            t.answer = payload;
            t.answerOk = ok;
        } else {
            engine.completions.add(() -> Inbound.deliver(engine.codec, t, ok, payload));
        }
        if (engine.maxTasksPerChild > 0 && w.tasksSent >= engine.maxTasksPerChild && w.inflight.isEmpty()) {
            engine.stop(w);
        }
    }
}
