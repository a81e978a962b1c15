package org.apache.commons.collections4.functors;

import java.io.Serializable;

/**
 * A harmless test class placed in the package of a well-known deserialization gadget chain
 * (commons-collections4 functors), to prove the block-list refuses it whatever is allowed.
 */
public final class HarmlessTransformer implements Serializable {
    private static final long serialVersionUID = 1L;

    @Override
    public boolean equals(Object o) {
        return o instanceof HarmlessTransformer;
    }

    @Override
    public int hashCode() {
        return 1;
    }
}
