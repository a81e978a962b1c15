package com.example.pooltest;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.util.concurrent.atomic.AtomicInteger;

/** A class whose deserialization has a side effect, as gadget chains do: counts its {@code readObject} calls. */
public final class Gadget implements Serializable {
    private static final long serialVersionUID = 1L;
    /** How many times an instance was deserialized in this JVM. */
    public static final AtomicInteger READS = new AtomicInteger();

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        READS.incrementAndGet();
    }
}
