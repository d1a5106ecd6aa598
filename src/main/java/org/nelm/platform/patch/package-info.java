/** The one JSON Patch applier. */
@NamedInterface("patch")
package org.nelm.platform.patch;

import org.springframework.modulith.NamedInterface;
