/** The demo catalog: 7 departments, 30 items, 3 bundles, calendars 2026 and 2027 for region 330000. */
package org.runonce.catalog.demo;
