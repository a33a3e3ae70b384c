/** The approval service's small shared kernel: settings, the clock, refusals and JDBC conversions. */
package org.runonce.approval.shared;
