/** Reform statistics: shares of handling modes and of zero/one-visit items against the targets. */
package org.runonce.catalog.statistics;
