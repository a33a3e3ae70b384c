/** What every catalog endpoint does the same way: ETags and caching, preconditions, problems for refusals. */
package org.runonce.catalog.web;
