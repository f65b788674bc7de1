package io.caseflow.designer.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The file argument the installers' file associations pass ({@code caseflow-designer %f}). */
class DesignerOptionsTest {

    @Test
    void aFileArgumentIsOpenedOnTheDesignerTab() {
        DesignerOptions options = DesignerOptions.parse(List.of("/home/ada/cases/order.case.json"));

        assertThat(options.file()).isEqualTo(Path.of("/home/ada/cases/order.case.json"));
        assertThat(options.mode()).isEqualTo(DesignerOptions.Mode.DESIGN);
        assertThat(options.startRuntime()).isTrue();
    }

    @Test
    void aDrawioFileWithSpacesIsOneArgument() {
        DesignerOptions options = DesignerOptions.parse(List.of("/tmp/My Diagrams/flow.drawio"));

        assertThat(options.file()).isEqualTo(Path.of("/tmp/My Diagrams/flow.drawio"));
    }

    @Test
    void monitorStillWinsWhenAskedFor() {
        DesignerOptions options = DesignerOptions.parse(List.of("--monitor", "order.case.json"));

        assertThat(options.mode()).isEqualTo(DesignerOptions.Mode.MONITOR);
        assertThat(options.file()).isEqualTo(Path.of("order.case.json"));
    }

    @Test
    void withoutAFileTheTabIsChosenAsBefore() {
        assertThat(DesignerOptions.parse(List.of()).mode()).isEqualTo(DesignerOptions.Mode.AUTO);
        assertThat(DesignerOptions.parse(List.of()).file()).isNull();
    }

    @Test
    void anUnknownOptionIsRefused() {
        assertThatThrownBy(() -> DesignerOptions.parse(List.of("--nope")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--nope");
    }
}
