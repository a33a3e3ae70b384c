package org.runonce.intake.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DocumentTypeTest {

    static final byte[] PDF = "%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    static final byte[] PNG = {
        (byte) 0x89,
        'P',
        'N',
        'G',
        0x0D,
        0x0A,
        0x1A,
        0x0A,
        0,
        0,
        0,
        0,
        'I',
        'E',
        'N',
        'D',
        (byte) 0xAE,
        0x42,
        0x60,
        (byte) 0x82
    };
    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, (byte) 0xFF, (byte) 0xD9};

    @Test
    void theBytesDecideTheTypeNotTheLabel() {
        assertThat(DocumentType.detect(PDF)).contains(DocumentType.PDF);
        assertThat(DocumentType.detect(PNG)).contains(DocumentType.PNG);
        assertThat(DocumentType.detect(JPEG)).contains(DocumentType.JPEG);
        assertThat(DocumentType.detect("<html>".getBytes(StandardCharsets.US_ASCII)))
                .isEmpty();
        assertThat(DocumentType.ofMediaType("image/jpg")).contains(DocumentType.JPEG);
        assertThat(DocumentType.ofMediaType("application/pdf; charset=binary")).contains(DocumentType.PDF);
        assertThat(DocumentType.ofMediaType("text/plain")).isEmpty();
    }

    @Test
    void truncatedFilesAreIncomplete() {
        assertThat(DocumentType.PDF.isComplete(PDF)).isTrue();
        assertThat(DocumentType.PDF.isComplete(java.util.Arrays.copyOf(PDF, 20)))
                .isFalse();
        assertThat(DocumentType.PNG.isComplete(PNG)).isTrue();
        assertThat(DocumentType.PNG.isComplete(java.util.Arrays.copyOf(PNG, 12)))
                .isFalse();
        assertThat(DocumentType.JPEG.isComplete(JPEG)).isTrue();
        assertThat(DocumentType.JPEG.isComplete(java.util.Arrays.copyOf(JPEG, 6)))
                .isFalse();
    }

    @Test
    void filenamesLoseTheirPathsAndControlCharacters() {
        assertThat(Documents.sanitize("C:\\Users\\me\\章程.pdf")).isEqualTo("章程.pdf");
        assertThat(Documents.sanitize("../../etc/passwd")).isEqualTo("passwd");
        assertThat(Documents.sanitize("a\"b\r\n.pdf")).isEqualTo("ab.pdf");
        assertThat(Documents.sanitize(null)).isEqualTo("document");
    }
}
