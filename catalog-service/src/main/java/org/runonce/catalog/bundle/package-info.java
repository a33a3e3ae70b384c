/** Bundles ("one thing", 一件事): items as a DAG, merged materials, critical-path time limit. */
package org.runonce.catalog.bundle;
