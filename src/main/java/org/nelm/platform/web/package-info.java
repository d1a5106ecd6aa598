/** Input limits, JSON settings and the path families shared by every controller. */
@NamedInterface("web")
package org.nelm.platform.web;

import org.springframework.modulith.NamedInterface;
