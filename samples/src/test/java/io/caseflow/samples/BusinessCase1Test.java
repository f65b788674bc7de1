package io.caseflow.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.caseflow.handler.HandlerRegistry;
import io.caseflow.json.Json;
import io.caseflow.process.FailureKind;
import io.caseflow.process.ProcessSnapshot;
import io.caseflow.process.ProcessStatus;
import io.caseflow.process.StageRun;
import io.caseflow.validation.DefinitionValidator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** businessCase1 end to end on the embedded runtime with the sample services. */
class BusinessCase1Test {
    @TempDir
    Path dir;
    private Demo demo;

    @BeforeEach
    void open() {
        demo = Demo.open(dir, 4);
    }

    @AfterEach
    void close() {
        demo.close();
    }

    private Map<String, Object> order(int index, String method) {
        Map<String, Object> order = new LinkedHashMap<>(Orders.order(index, new Random(index), Orders.Mix.ALL_GOOD));
        order.put("paymentMethod", method);
        return order;
    }

    private ProcessSnapshot run(Map<String, Object> order, ProcessStatus expected) {
        ProcessSnapshot p = demo.runtime().startProcess(BusinessCase1.KEY, order);
        await().atMost(Duration.ofSeconds(20)).until(() -> demo.runtime().process(p.id()).status() == expected);
        return demo.runtime().process(p.id());
    }

    @Test
    void the_sample_definition_is_valid_against_its_handlers() {
        var report = DefinitionValidator.forSource("businessCase1")
                .knownHandlers(BusinessCase1.registerHandlers(new HandlerRegistry())::contains)
                .validate(BusinessCase1.definition());
        assertThat(report.problems()).isEmpty();
    }

    @Test
    void a_paid_order_is_reserved_charged_shipped_and_notified() {
        ProcessSnapshot done = run(order(1, "card"), ProcessStatus.COMPLETED);
        assertThat(done.currentStage()).isEqualTo("completed");
        assertThat(demo.runtime().history(done.id())).extracting(StageRun::stage).containsExactly("validateOrder",
                "reserveStock", "chargePayment", "createShipment", "notifyCustomer", "completed");
        assertThat(done.result().path("status").asText()).isEqualTo("shipped");
        assertThat(done.result().path("receipt").asText()).isEqualTo("RCPT-ORD-10001");
        assertThat(done.result().path("shipmentId").asText()).isEqualTo("SHP-ORD-10001");
        assertThat(done.data().path("notification").asText()).contains("SHP-ORD-10001");
    }

    @Test
    void a_second_order_with_the_same_order_id_is_refused_by_shipping_naming_the_order() {
        Map<String, Object> order = order(5, "card");
        run(order, ProcessStatus.COMPLETED);

        ProcessSnapshot again = run(order, ProcessStatus.FAILED);
        assertThat(again.failure().stage()).isEqualTo("createShipment");
        assertThat(again.failure().message()).contains("order ORD-10005 already has shipment SHP-ORD-10005");
    }

    @Test
    void a_declined_payment_releases_the_stock_and_cancels() {
        ProcessSnapshot done = run(order(2, Payments.DECLINED_CARD), ProcessStatus.COMPLETED);
        assertThat(done.currentStage()).isEqualTo("cancelled");
        assertThat(demo.runtime().history(done.id())).extracting(StageRun::stage).containsExactly("validateOrder",
                "reserveStock", "chargePayment", "releaseStock", "cancelOrder", "cancelled");
        assertThat(done.data().path("cancelReason").asText()).isEqualTo("payment declined: card declined");
    }

    @Test
    void a_flaky_card_fails_the_process_and_one_retry_completes_it_with_a_new_command() throws Exception {
        ProcessSnapshot failed = run(order(3, Payments.FLAKY_CARD), ProcessStatus.FAILED);
        assertThat(failed.failure().stage()).isEqualTo("chargePayment");
        assertThat(failed.failure().kind()).isEqualTo(FailureKind.SERVICE_ERROR);
        assertThat(failed.failure().message()).contains("card issuer did not answer");

        assertThat(demo.runtime().retry(failed.id()).changed()).isTrue();
        await().atMost(Duration.ofSeconds(20)).until(() -> demo.runtime().process(failed.id()).status() == ProcessStatus.COMPLETED);
        List<StageRun> charges = demo.runtime().history(failed.id()).stream().filter(r -> r.stage().equals("chargePayment")).toList();
        assertThat(charges).hasSize(2);
        assertThat(charges.get(0).taskId()).isNotEqualTo(charges.get(1).taskId());
    }

    @Test
    void a_stage_failing_on_demand_keeps_its_stack_trace_and_retry_after_editing_the_data_completes_it() {
        Map<String, Object> order = order(4, "card");
        order.put("failAt", "notifyCustomer");
        ProcessSnapshot failed = run(order, ProcessStatus.FAILED);
        assertThat(failed.failure().stage()).isEqualTo("notifyCustomer");
        assertThat(failed.failure().stackTrace()).contains("SimulatedFailure", "OrderHandlers.failOnDemand");
        assertThat(demo.runtime().history(failed.id()).stream().filter(r -> r.stage().equals("notifyCustomer"))).hasSize(3);

        assertThat(demo.runtime().retry(failed.id()).changed()).isTrue();
        await().atMost(Duration.ofSeconds(20)).until(() -> demo.runtime().process(failed.id()).status() == ProcessStatus.FAILED
                && demo.runtime().history(failed.id()).size() > 8);

        var fixed = demo.runtime().process(failed.id()).data().asObject();
        fixed.remove("failAt");
        assertThat(demo.runtime().retry(failed.id(), null, fixed).changed()).isTrue();
        await().atMost(Duration.ofSeconds(20)).until(() -> demo.runtime().process(failed.id()).status() == ProcessStatus.COMPLETED);
        assertThat(demo.runtime().process(failed.id()).data().has("failAt")).isFalse();
    }

    @Test
    void the_demo_mix_ends_every_order_and_each_service_applies_each_command_once() throws Exception {
        demo.start(0, 60, Orders.Mix.DEMO, 11);
        assertThat(demo.awaitEnded(0, 60, Duration.ofSeconds(60))).isTrue();
        for (SampleServices.Ledger ledger : demo.services().ledgers()) {
            assertThat(ledger.appliedCommands()).as(ledger.service()).isEqualTo(ledger.distinctTaskIds());
        }
        assertThat(Json.tree(demo.runtime().countsByStatus()).toString()).doesNotContain("RUNNING", "WAITING");
    }
}
