package org.nelm.platform.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller of the NELM API. Its mappings are written once, relative
 * (e.g. {@code /non-employee-sources/{sourceId}}), and served under every path family of the contract:
 * see {@link PathFamilies}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface NelmApi {

    /** false for APIs that SailPoint serves only under versioned prefixes (no per-API "/v1" family). */
    boolean perApiFamily() default true;
}
