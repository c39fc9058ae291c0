package org.redoubt.itests.framework;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * A test class of this module loaded by the test JVM's application class loader instead of the
 * probe bundle, for what runs beside the framework rather than in it (the launcher's slots, the
 * broker, the fleet's keys). The probe calls it by method name with JDK types only: a class the
 * probe loads from a framework bundle and its twin on the class path are different classes.
 */
final class Outside implements AutoCloseable {

    private final Object target;

    private Outside(Object target) {
        this.target = target;
    }

    /**
     * @param className a class of this module's test classes
     * @param method    a public static method of it that returns an object
     * @param arguments the method's arguments (JDK types)
     * @return what the method returned, called on the class as the application class loader loads it
     */
    static Outside ofStatic(String className, String method, Object... arguments) throws Exception {
        Class<?> type = Class.forName(className, true, ClassLoader.getSystemClassLoader());
        for (Method candidate : type.getMethods()) {
            if (candidate.getName().equals(method) && candidate.getParameterCount() == arguments.length) {
                return new Outside(unwrap(() -> candidate.invoke(null, arguments)));
            }
        }
        throw new IllegalArgumentException(className + " has no public static method " + method + " of "
                + arguments.length + " arguments");
    }

    /** @return what the named public method returned for these arguments */
    @SuppressWarnings("unchecked")
    <T> T call(String name, Object... arguments) throws Exception {
        for (Method method : target.getClass().getMethods()) {
            if (method.getName().equals(name) && method.getParameterCount() == arguments.length) {
                return (T) unwrap(() -> method.invoke(target, arguments));
            }
        }
        throw new IllegalArgumentException(target.getClass().getName() + " has no public method " + name + " of "
                + arguments.length + " arguments");
    }

    @Override
    public void close() throws Exception {
        call("close");
    }

    private interface Reflective {
        Object run() throws ReflectiveOperationException;
    }

    private static Object unwrap(Reflective call) throws Exception {
        try {
            return call.run();
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}
