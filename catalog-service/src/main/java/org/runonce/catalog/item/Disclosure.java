package org.runonce.catalog.item;

/** The seven disclosures (七公开) every published service guide must make. */
enum Disclosure {
    /** 法律依据. */
    LEGAL_BASIS,
    /** 办事程序. */
    PROCEDURE,
    /** 申请条件. */
    CONDITIONS,
    /** 申报材料. */
    MATERIALS,
    /** 收费依据及标准 (or that the item is free). */
    FEES,
    /** 办事时限 (statutory and promised). */
    TIME_LIMIT,
    /** 投诉渠道. */
    COMPLAINT_CHANNEL
}
