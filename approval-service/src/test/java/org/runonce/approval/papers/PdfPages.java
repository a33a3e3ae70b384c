package org.runonce.approval.papers;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;

/** Reads a PDF as a person would: its text, its first page as a picture, the QR code on that picture. */
record PdfPages(String text, BufferedImage firstPage, int pages, java.util.List<String> fonts) {

    static PdfPages read(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 150, ImageType.RGB);
            var fonts = new java.util.ArrayList<String>();
            var resources = document.getPage(0).getResources();
            for (var name : resources.getFontNames()) {
                PDFont font = resources.getFont(name);
                fonts.add(font.getName() + (font.isEmbedded() ? " (embedded)" : ""));
            }
            return new PdfPages(text, page, document.getNumberOfPages(), fonts);
        }
    }

    /** The text without white space: what wraps in a table cell still reads as one string. */
    String words() {
        return text.replaceAll("\\s+", "");
    }

    /** Texts without white space, to look for in {@link #words()}. */
    static String[] squeezed(String... texts) {
        return java.util.Arrays.stream(texts).map(t -> t.replaceAll("\\s+", "")).toArray(String[]::new);
    }

    /** The QR code on the first page, decoded. */
    String qr() throws NotFoundException, com.google.zxing.ChecksumException, com.google.zxing.FormatException {
        var bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(firstPage)));
        return new QRCodeReader()
                .decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE))
                .getText();
    }

    /** The first page as PNG under target/papers, to look at. */
    Path save(String name) throws IOException {
        Path file = Path.of("target", "papers", name + ".png");
        Files.createDirectories(file.getParent());
        ImageIO.write(firstPage, "png", file.toFile());
        return file;
    }
}
