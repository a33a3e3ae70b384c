/**
 * Printable e-certificates: a certificate as a bilingual (zh-CN, en) PDF from an XHTML template, with a QR code of its
 * public verification URL, for the holder and for the issuing department.
 */
package org.runonce.approval.papers;
