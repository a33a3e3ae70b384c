/**
 * Personal data at rest: envelope encryption of single values under an operator's key with rotation
 * ({@link org.runonce.starter.personaldata.PersonalDataCipher}), a keyed blind index for lookups
 * ({@link org.runonce.starter.personaldata.BlindIndex}) and masking for display
 * ({@link org.runonce.starter.personaldata.Masking}).
 */
package org.runonce.starter.personaldata;
