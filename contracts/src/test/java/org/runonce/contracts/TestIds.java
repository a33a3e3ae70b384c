package org.runonce.contracts;

import java.util.concurrent.ThreadLocalRandom;

/** Valid identity numbers for tests: resident identity numbers and unified social credit codes with their checks. */
public final class TestIds {

    private static final int[] RESIDENT_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CREDIT_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] CREDIT_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private TestIds() {}

    /** A random valid resident identity number of someone born on 1990-01-01 in 330106. */
    public static String residentId() {
        String first17 =
                "33010619900101" + "%03d".formatted(ThreadLocalRandom.current().nextInt(1000));
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * RESIDENT_WEIGHTS[i];
        }
        return first17 + "10X98765432".charAt(sum % 11);
    }

    /** A random valid unified social credit code of a company registered in 330106. */
    public static String creditCode() {
        StringBuilder first17 = new StringBuilder("91330106");
        for (int i = 0; i < 9; i++) {
            first17.append(CREDIT_CHARSET.charAt(ThreadLocalRandom.current().nextInt(CREDIT_CHARSET.length())));
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += CREDIT_CHARSET.indexOf(first17.charAt(i)) * CREDIT_WEIGHTS[i];
        }
        return first17.toString() + CREDIT_CHARSET.charAt((31 - sum % 31) % 31);
    }
}
