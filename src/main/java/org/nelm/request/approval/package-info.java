/**
 * The approval chain of a request: its items, who may decide them, and the process steps that move them. Part of
 * the request module (a request and its items are one aggregate: the contract embeds the items in every request
 * and derives the request's status from them, in the same transaction). Exposed to the workflow adapter, which
 * calls these steps from the BPMN.
 */
@NamedInterface("approval")
package org.nelm.request.approval;

import org.springframework.modulith.NamedInterface;
