/** The one shape of a domain event. */
@NamedInterface("event")
package org.nelm.platform.event;

import org.springframework.modulith.NamedInterface;
