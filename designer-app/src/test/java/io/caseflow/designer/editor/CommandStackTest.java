package io.caseflow.designer.editor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.caseflow.definition.CaseDefinition;
import io.caseflow.definition.Layout;
import io.caseflow.definition.StageDefinition;
import io.caseflow.designer.Samples;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommandStackTest {

    @Test
    void an_edit_is_undone_and_redone_exactly() {
        CaseDefinition original = Samples.tiny();
        CommandStack stack = new CommandStack(original);
        stack.execute(Edits.move(Map.of("call", new Layout(300, 140))));
        CaseDefinition moved = stack.current();
        assertThat(moved.stage("call").orElseThrow().layout()).isEqualTo(new Layout(300, 140));
        assertThat(stack.undoLabel()).contains("Move stage 'call'");

        stack.undo();
        assertThat(stack.current()).isEqualTo(original);
        stack.redo();
        assertThat(stack.current()).isEqualTo(moved);
    }

    @Test
    void dirty_follows_the_saved_state_also_through_undo() {
        CommandStack stack = new CommandStack(Samples.tiny());
        assertThat(stack.isDirty()).isFalse();
        stack.execute(Edits.rename("call", "reserve"));
        assertThat(stack.isDirty()).isTrue();
        stack.markSaved();
        assertThat(stack.isDirty()).isFalse();
        stack.undo();
        assertThat(stack.isDirty()).isTrue();
        stack.redo();
        assertThat(stack.isDirty()).isFalse();
    }

    @Test
    void an_edit_that_changes_nothing_is_not_recorded() {
        CommandStack stack = new CommandStack(Samples.tiny());
        assertThat(stack.execute(Edits.move(Map.of("call", new Layout(260, 100))))).isFalse();
        assertThat(stack.canUndo()).isFalse();
    }

    @Test
    void a_rejected_edit_leaves_everything_as_it_was() {
        CommandStack stack = new CommandStack(Samples.tiny());
        assertThatThrownBy(() -> stack.execute(Edits.rename("call", "done")))
                .isInstanceOf(EditRejectedException.class).hasMessageContaining("'done' already exists");
        assertThat(stack.canUndo()).isFalse();
        assertThat(stack.current()).isEqualTo(Samples.tiny());
    }

    @Test
    void a_new_edit_clears_redo_and_listeners_hear_every_change() {
        CommandStack stack = new CommandStack(Samples.tiny());
        List<String> heard = new ArrayList<>();
        stack.addListener((d, reason) -> heard.add(reason));
        stack.execute(Edits.addStage(StageDefinition.task("extra", null)));
        stack.undo();
        assertThat(stack.canRedo()).isTrue();
        stack.execute(Edits.rename("call", "reserve"));
        assertThat(stack.canRedo()).isFalse();
        assertThat(heard).containsExactly("Add stage 'extra'", "Undo Add stage 'extra'", "Rename 'call' to 'reserve'");
    }

    @Test
    void history_is_bounded() {
        CommandStack stack = new CommandStack(Samples.tiny(), 3);
        for (int i = 0; i < 5; i++) {
            stack.execute(Edits.move(Map.of("call", new Layout(300 + i * 20, 100))));
        }
        assertThat(stack.undoSize()).isEqualTo(3);
    }
}
