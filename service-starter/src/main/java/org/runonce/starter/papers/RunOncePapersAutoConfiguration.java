package org.runonce.starter.papers;

import com.google.zxing.qrcode.QRCodeWriter;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnResource;
import org.springframework.context.annotation.Bean;
import org.thymeleaf.TemplateEngine;

/**
 * The {@link PaperPrinter} of a service that prints papers: its pom brings Thymeleaf, openhtmltopdf and ZXing, and it
 * has its paper stylesheet {@code papers/paper.css}.
 */
@AutoConfiguration
@ConditionalOnClass({TemplateEngine.class, PdfRendererBuilder.class, QRCodeWriter.class})
@ConditionalOnResource(resources = "classpath:papers/paper.css")
public class RunOncePapersAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    PaperPrinter paperPrinter() {
        return new PaperPrinter();
    }
}
