/** Items (事项) and the versioned, effective-dated service guides (办事指南) they publish. */
package org.runonce.catalog.item;
