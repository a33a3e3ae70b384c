/** Departments (部门) that own items: codes, names, region and contact. */
package org.runonce.catalog.department;
