package org.neuroquantum.spi.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The type's contract is settled: it changes only in a new SPI major version. Plugins may rely on it.
 * Methods may be added to a stable interface in a minor version, always with a default implementation.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Stable {
}
