package org.runonce.starter.papers;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Prints papers: an XHTML template under {@code papers/} filled by Thymeleaf (XML mode, so the output stays
 * well-formed and every value is escaped), as the XHTML itself or rendered to PDF by openhtmltopdf with Noto Sans SC
 * embedded (subset to the glyphs used), with a QR code of the URL the paper points to. A bean in every service that has
 * Thymeleaf, openhtmltopdf and ZXing on its classpath ({@link RunOncePapersAutoConfiguration}); the service brings its
 * templates and {@code papers/paper.css}, and binds the root pom's {@code paper-fonts} execution for the font.
 */
public class PaperPrinter {

    /** The font the templates name; unpacked from its Maven Central jar by the build (root pom, paper-fonts). */
    public static final String FONT_FAMILY = "Noto Sans SC";

    private static final String FONTS = "fonts/ttf/NotoSansSC/";

    private final TemplateEngine templates = new TemplateEngine();
    private final String css;

    public PaperPrinter() {
        var resolver = new ClassLoaderTemplateResolver(PaperPrinter.class.getClassLoader());
        resolver.setPrefix("papers/");
        resolver.setSuffix(".xhtml");
        resolver.setTemplateMode(TemplateMode.XML);
        resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
        resolver.setCacheable(true);
        templates.setTemplateResolver(resolver);
        css = new String(bytes("papers/paper.css"), StandardCharsets.UTF_8);
    }

    /** The template filled with the paper's model ({@code p}) and a QR code of {@code qrUrl}. */
    public String xhtml(String template, Map<String, Object> paper, String qrUrl) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("p", paper);
        variables.put("css", css);
        variables.put("qr", qrDataUri(qrUrl));
        return templates.process(template, new Context(Locale.ROOT, variables));
    }

    /** The XHTML as a PDF (A4). */
    public byte[] pdf(String xhtml) {
        var out = new ByteArrayOutputStream(64 * 1024);
        try {
            var builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useFont(() -> font("NotoSansSC-Regular.ttf"), FONT_FAMILY, 400, FontStyle.NORMAL, true);
            builder.useFont(() -> font("NotoSansSC-Bold.ttf"), FONT_FAMILY, 700, FontStyle.NORMAL, true);
            builder.withHtmlContent(xhtml, null);
            builder.withProducer("RunOnce");
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render a paper", e);
        }
        return out.toByteArray();
    }

    /** A QR code (PNG, error correction M) of the URL, as a data URI for an {@code img}. */
    public static String qrDataUri(String url) {
        try {
            var matrix = new QRCodeWriter()
                    .encode(
                            url,
                            BarcodeFormat.QR_CODE,
                            300,
                            300,
                            Map.of(
                                    EncodeHintType.ERROR_CORRECTION,
                                    ErrorCorrectionLevel.M,
                                    EncodeHintType.MARGIN,
                                    2,
                                    EncodeHintType.CHARACTER_SET,
                                    "UTF-8"));
            var png = new ByteArrayOutputStream();
            MatrixToImageWriter.writeToStream(matrix, "PNG", png);
            return "data:image/png;base64," + Base64.getEncoder().encodeToString(png.toByteArray());
        } catch (WriterException | IOException e) {
            throw new IllegalStateException("cannot encode a QR code of " + url, e);
        }
    }

    private static InputStream font(String file) {
        InputStream in = PaperPrinter.class.getClassLoader().getResourceAsStream(FONTS + file);
        if (in == null) {
            throw new IllegalStateException(
                    FONTS + file + " is not on the classpath: the build unpacks it (root pom, execution paper-fonts)");
        }
        return in;
    }

    private static byte[] bytes(String resource) {
        try (InputStream in = PaperPrinter.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
