package org.neuroquantum.spi.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The type is in use and its purpose is fixed, but its shape may still change in a minor SPI version while
 * the feature behind it is being built out. Plugins that implement it should expect to be rebuilt.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Evolving {
}
