/** The one error mapper: every refusal becomes the contract's error body (ApiException, ApiErrorHandler). */
@NamedInterface("error")
package org.nelm.platform.error;

import org.springframework.modulith.NamedInterface;
