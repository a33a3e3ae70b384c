/**
 * The demo catalog: 10 departments, 33 items, 3 bundles, calendars 2026 and 2027 for region 330000 and 2026 for Ningbo
 * (330200) and Jiangsu (320000), and the cross-region lists (通办清单) of 330100, 320000 and the township 330106013.
 */
package org.runonce.catalog.demo;
