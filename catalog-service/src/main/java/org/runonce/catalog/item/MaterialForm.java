package org.runonce.catalog.item;

/** In which form a material is handed in. */
public enum MaterialForm {
    ORIGINAL,
    COPY,
    ORIGINAL_AND_COPY,
    ELECTRONIC
}
