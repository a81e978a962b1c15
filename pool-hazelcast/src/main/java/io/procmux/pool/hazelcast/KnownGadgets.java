package io.procmux.pool.hazelcast;

import java.util.List;

/**
 * The block-list that no allow entry overrides: the classes Hazelcast's own serialization filter
 * blocks by default, and the packages of the well-known Java deserialization gadget chains (commons
 * collections functors, Xalan's TemplatesImpl, JMX, RMI and JNDI references, Spring bean factories,
 * Groovy closures, BeanShell, c3p0, Rhino, ROME, commons-fileupload, JDK annotation proxies).
 * A class that merely shares a prefix with one of them is blocked too: a task class should not live
 * in those packages.
 *
 * <p>Cost: none; a constant list.
 */
final class KnownGadgets {
    /** The block entries, in {@link NamePattern} syntax (without the leading {@code !}). */
    static final List<String> ENTRIES = List.of(
            // Hazelcast's JavaSerializationFilterConfig defaults
            "com.sun.org.apache.xalan.**", "bsh.**", "org.apache.commons.beanutils.BeanComparator",
            "org.codehaus.groovy.runtime.**", "org.springframework.beans.factory.**",
            "org.apache.commons.collections.functors.**", "org.apache.commons.collections4.functors.**",
            // the usual chains' other links
            "org.apache.xalan.**", "com.sun.org.apache.bcel.**", "javax.management.**", "java.rmi.server.**",
            "sun.rmi.**", "com.sun.jndi.**", "com.sun.rowset.**", "javax.naming.**",
            "sun.reflect.annotation.AnnotationInvocationHandler", "org.springframework.aop.**",
            "org.springframework.core.SerializableTypeWrapper*", "com.mchange.v2.c3p0.**",
            "org.mozilla.javascript.**", "com.sun.syndication.**", "com.rometools.rome.feed.impl.**",
            "org.apache.commons.fileupload.**", "org.python.core.**", "org.jboss.interceptor.**",
            "net.sf.json.**", "org.hibernate.tuple.**", "org.hibernate.property.**",
            "org.apache.wicket.util.upload.**", "clojure.core$*", "clojure.main$*");

    private KnownGadgets() {
    }
}
