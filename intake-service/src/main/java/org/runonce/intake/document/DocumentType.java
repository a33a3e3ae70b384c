package org.runonce.intake.document;

import java.util.Arrays;
import java.util.Optional;

/**
 * The document formats intake accepts, recognized by their first bytes (magic numbers), not by what the client
 * declares.
 */
enum DocumentType {
    PDF("application/pdf", new byte[] {'%', 'P', 'D', 'F', '-'}),
    JPEG("image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
    PNG("image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});

    private final String mediaType;
    private final byte[] magic;

    DocumentType(String mediaType, byte[] magic) {
        this.mediaType = mediaType;
        this.magic = magic;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The format the bytes start with, if it is one of ours. */
    public static Optional<DocumentType> detect(byte[] bytes) {
        return Arrays.stream(values())
                .filter(type -> bytes.length >= type.magic.length
                        && Arrays.equals(bytes, 0, type.magic.length, type.magic, 0, type.magic.length))
                .findFirst();
    }

    /** The format a declared media type names ({@code image/jpg} and parameters tolerated). */
    public static Optional<DocumentType> ofMediaType(String declared) {
        if (declared == null) {
            return Optional.empty();
        }
        String bare = declared.split(";", 2)[0].strip().toLowerCase(java.util.Locale.ROOT);
        if (bare.equals("image/jpg") || bare.equals("image/pjpeg")) {
            return Optional.of(JPEG);
        }
        return Arrays.stream(values()).filter(t -> t.mediaType.equals(bare)).findFirst();
    }

    /**
     * Whether the file is complete as far as its format's framing tells: a PDF ends with its {@code %%EOF} marker, a
     * PNG with its IEND chunk, a JPEG with the end-of-image marker. A truncated or damaged upload fails this; it is
     * stored anyway and reported as unreadable by the completeness check, with a reason the applicant can act on.
     */
    public boolean isComplete(byte[] bytes) {
        return switch (this) {
            case PDF -> tailContains(bytes, "%%EOF".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 1024);
            case PNG -> tailContains(bytes, new byte[] {'I', 'E', 'N', 'D', (byte) 0xAE, 0x42, 0x60, (byte) 0x82}, 64);
            case JPEG -> tailContains(bytes, new byte[] {(byte) 0xFF, (byte) 0xD9}, 64);
        };
    }

    private static boolean tailContains(byte[] bytes, byte[] marker, int window) {
        int from = Math.max(0, bytes.length - window - marker.length);
        for (int i = bytes.length - marker.length; i >= from; i--) {
            if (Arrays.equals(bytes, i, i + marker.length, marker, 0, marker.length)) {
                return true;
            }
        }
        return false;
    }
}
