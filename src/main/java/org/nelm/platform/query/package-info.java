/**
 * The one collection-query mechanism of the API: SailPoint's V3 standard collection parameters
 * ({@code limit}, {@code offset}, {@code count}, {@code filters}, {@code sorters}).
 *
 * <p>Each list endpoint declares a constant {@link org.nelm.platform.query.QuerySpec} (its whitelist of fields),
 * parses the raw request parameters with {@link org.nelm.platform.query.CollectionQueryParser} and turns the result
 * into SQL with {@link org.nelm.platform.query.SqlQueryBuilder}. Client values only ever travel as bind parameters;
 * the SQL text is assembled exclusively from the spec's column expressions and fixed keywords.
 * Every client mistake surfaces as {@link org.nelm.platform.error.ApiException#badRequest(String)}.
 */
@NamedInterface("query")
package org.nelm.platform.query;

import org.springframework.modulith.NamedInterface;
