/**
 * Uploaded documents: size and type checks (the declared type must match the bytes), SHA-256, durable storage
 * behind {@link org.runonce.intake.document.DocumentStore}, and who may read them.
 */
package org.runonce.intake.document;
