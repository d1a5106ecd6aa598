/** Who exists: the identity directory port every module checks ids against. */
@NamedInterface("identity")
package org.nelm.platform.identity;

import org.springframework.modulith.NamedInterface;
