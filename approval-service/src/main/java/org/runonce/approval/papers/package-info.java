/**
 * Printable e-certificates: a certificate as a bilingual (zh-CN, en) PDF from an XHTML template, with a QR code of its
 * public verification URL, for the holder, the issuing department and the window clerk who issued it.
 */
package org.runonce.approval.papers;
