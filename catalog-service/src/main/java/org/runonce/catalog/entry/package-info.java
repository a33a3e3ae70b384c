/**
 * Hall entry (进驻): which items are handled in the service hall, per item, with every change recorded (who, when,
 * from which day, why not); the entry rate per department is computed from it in {@code statistics}.
 */
package org.runonce.catalog.entry;
