package org.runonce.contracts.catalog;

/**
 * A name in simplified Chinese (authoritative) and English.
 *
 * @param zh e.g. 公司设立登记
 * @param en e.g. Company establishment registration
 */
public record Name(String zh, String en) {}
