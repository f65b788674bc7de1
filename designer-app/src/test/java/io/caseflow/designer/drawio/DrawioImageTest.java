package io.caseflow.designer.drawio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * PNG and SVG images that draw.io exported with a copy of the diagram (made by make-images.py in
 * src/test/resources/drawio/corpus) import like the .drawio file they carry; images without one,
 * and damaged ones, are one sentence each, in bounded time.
 */
class DrawioImageTest {
    private static final Duration QUICK = Duration.ofSeconds(5);

    private static Path corpus(String name) throws Exception {
        return Path.of(DrawioImageTest.class.getResource("/drawio/corpus/" + name).toURI());
    }

    private static DrawioImport.Result first(DrawioFile file, String name) {
        return DrawioImport.importPage(file.pages().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow(), "x");
    }

    @Test
    void the_fixtures_are_real_images() throws Exception {
        for (String name : new String[] {"flowchart-orders.drawio.png", "bpmn-claims.drawio.png", "epc-invoice.drawio.png", "no-diagram.png"}) {
            assertThat(ImageIO.read(corpus(name).toFile())).as(name).isNotNull();
        }
    }

    @Test
    void a_png_with_the_diagram_in_a_text_chunk_imports_like_the_drawio_file() throws Exception {
        DrawioFile png = DrawioFile.read(corpus("flowchart-orders.drawio.png"));
        DrawioFile drawio = DrawioFile.read(corpus("flowchart-orders.drawio"));
        assertThat(png.pages()).extracting(DrawioPage::name).containsExactly("Order flow", "Legend", "Refunds");
        assertThat(first(png, "Order flow")).isEqualTo(first(drawio, "Order flow"));
    }

    @Test
    void older_compressed_and_international_text_chunks_are_read() throws Exception {
        DrawioFile claims = DrawioFile.read(corpus("bpmn-claims.drawio.png"));
        assertThat(claims.pages()).hasSize(1);
        DrawioImport.Result fromPng = DrawioImport.importPage(claims.pages().get(0), "x");
        assertThat(fromPng.definition().stages()).isEqualTo(first(DrawioFile.read(corpus("bpmn-claims.drawio")), "Claims").definition().stages());

        DrawioFile epc = DrawioFile.read(corpus("epc-invoice.drawio.png"));
        assertThat(first(epc, "Invoice (EPC)").definition())
                .isEqualTo(first(DrawioFile.read(corpus("epc-invoice.drawio")), "Invoice (EPC)").definition());
    }

    @Test
    void an_svg_with_the_diagram_in_its_content_attribute_imports_despite_its_doctype() throws Exception {
        DrawioFile svg = DrawioFile.read(corpus("flowchart-orders.drawio.svg"));
        assertThat(first(svg, "Order flow").definition()).isEqualTo(first(DrawioFile.read(corpus("flowchart-orders.drawio")), "Order flow").definition());
    }

    @Test
    void images_without_a_diagram_say_so_in_one_sentence() throws Exception {
        Path png = corpus("no-diagram.png");
        assertThatThrownBy(() -> DrawioFile.read(png)).isInstanceOf(DrawioFormatException.class)
                .hasMessage(png + ": the file is a PNG image without a diagram in it; in draw.io, export it again with"
                        + " 'Include a copy of my diagram' checked, or save the diagram as a .drawio file");
        Path svg = corpus("no-diagram.svg");
        assertThatThrownBy(() -> DrawioFile.read(svg)).hasMessage(svg + ": the file is an SVG image without a diagram in it;"
                + " in draw.io, export it again with 'Include a copy of my diagram' checked, or save the diagram as a .drawio file");
    }

    @Test
    void a_truncated_png_is_one_sentence_wherever_it_is_cut() throws Exception {
        byte[] good = Files.readAllBytes(corpus("flowchart-orders.drawio.png"));
        assertTimeoutPreemptively(QUICK, () -> {
            // Every length up to just past the diagram's chunk: cut in a header, in the data, in the CRC.
            for (int length = 9; length < 8 + 25 + 12 + 10_951; length += 7) {
                byte[] cut = Arrays.copyOf(good, length);
                assertThatThrownBy(() -> DrawioFile.parse(cut, "cut.png")).as("cut at %d", length)
                        .isInstanceOf(DrawioFormatException.class).hasMessageStartingWith("cut.png: the file is a PNG image");
            }
        });
        byte[] inData = Arrays.copyOf(good, 8 + 25 + 500);
        assertThatThrownBy(() -> DrawioFile.parse(inData, "cut.png")).hasMessage("cut.png: the file is a PNG image that is cut short:"
                + " its chunk 'tEXt' at byte 33 declares 10951 bytes but only 488 follow; no diagram was found before it");
    }

    @Test
    void a_bad_crc_on_the_diagram_chunk_is_refused() throws Exception {
        byte[] png = Files.readAllBytes(corpus("flowchart-orders.drawio.png"));
        png[8 + 25 + 8 + 100] ^= 0x01;  // one bit inside the diagram's text
        byte[] damaged = png;
        assertThatThrownBy(() -> DrawioFile.parse(damaged, "bad.png")).hasMessage("bad.png: the file is a PNG image that is damaged:"
                + " the checksum of its 'tEXt' chunk at byte 33, which holds the diagram, does not match; the diagram cannot be"
                + " trusted and was not read");
    }

    @Test
    void a_huge_declared_length_is_refused_at_once() throws Exception {
        byte[] png = Files.readAllBytes(corpus("no-diagram.png"));
        byte[] huge = png.clone();
        // The IDAT chunk after IHDR (8 + 25) claims 2^31 - 1 and then 2^32 - 1 bytes.
        huge[33] = 0x7f;
        huge[34] = huge[35] = huge[36] = (byte) 0xff;
        assertTimeoutPreemptively(QUICK, () -> assertThatThrownBy(() -> DrawioFile.parse(huge, "huge.png"))
                .hasMessageStartingWith("huge.png: the file is a PNG image that is cut short: its chunk 'IDAT' at byte 33 declares 2147483647 bytes"));
        huge[33] = (byte) 0xff;
        assertTimeoutPreemptively(QUICK, () -> assertThatThrownBy(() -> DrawioFile.parse(huge, "huge.png"))
                .hasMessageStartingWith("huge.png: the file is a PNG image that is damaged: its chunk 'IDAT' at byte 33 declares 4294967295 bytes"));
    }

    @Test
    void a_chunk_whose_compressed_diagram_is_damaged_is_one_sentence() throws Exception {
        byte[] png = Files.readAllBytes(corpus("bpmn-claims.drawio.png"));
        int data = 8 + 25 + 8 + "mxGraphModel".length() + 2;
        for (int i = data + 2; i < data + 40; i++) {
            png[i] = 'x';
        }
        // The CRC is recomputed so that only the compressed data is wrong.
        int length = ((png[33] & 0xff) << 24) | ((png[34] & 0xff) << 16) | ((png[35] & 0xff) << 8) | (png[36] & 0xff);
        CRC32 crc = new CRC32();
        crc.update(png, 37, 4 + length);
        long value = crc.getValue();
        for (int i = 0; i < 4; i++) {
            png[41 + length + i] = (byte) (value >>> (24 - 8 * i));
        }
        byte[] damaged = png;
        assertTimeoutPreemptively(QUICK, () -> assertThatThrownBy(() -> DrawioFile.parse(damaged, "z.png"))
                .hasMessageStartingWith("z.png: the file is a PNG image whose embedded diagram (chunk 'zTXt', keyword 'mxGraphModel') is damaged"));
    }
}
