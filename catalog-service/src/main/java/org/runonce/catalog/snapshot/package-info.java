/** A snapshot of the published catalog for consumers that start with an empty copy. */
package org.runonce.catalog.snapshot;
