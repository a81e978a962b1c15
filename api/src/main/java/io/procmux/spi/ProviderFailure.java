package io.procmux.spi;

/**
 * A provider that was found on the classpath but could not be used: its class failed to load or
 * construct, or it shares its name with another provider. Reported, never fatal to discovery.
 *
 * @param kind the kind being discovered
 * @param description what went wrong, naming the class and, where known, its jar
 * @param error the underlying error
 */
public record ProviderFailure(BackendKind<?> kind, String description, Throwable error) {
}
