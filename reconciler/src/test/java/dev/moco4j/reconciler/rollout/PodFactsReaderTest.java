package dev.moco4j.reconciler.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moco4j.api.names.Annotations;
import dev.moco4j.api.names.Labels;
import dev.moco4j.api.names.PodConditions;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import org.junit.jupiter.api.Test;

class PodFactsReaderTest {

  @Test
  void readsIndexHashReadinessRoleAndDemotion() {
    Pod pod =
        new PodBuilder()
            .withNewMetadata()
            .withName("shop-12")
            .addToAnnotations(Annotations.RESTART_HASH, "abc")
            .addToAnnotations(Annotations.DEMOTE, "true")
            .addToLabels(Labels.ROLE, Labels.ROLE_PRIMARY)
            .endMetadata()
            .withNewStatus()
            .addNewCondition()
            .withType("Ready")
            .withStatus("True")
            .endCondition()
            .addNewCondition()
            .withType(PodConditions.READY)
            .withStatus("False")
            .endCondition()
            .endStatus()
            .build();

    assertThat(PodFactsReader.read("shop", pod))
        .contains(new PodFacts("shop-12", 12, "abc", true, false, false, true, true));
  }

  @Test
  void ignoresPodsThatAreNotTheStatefulSetsOwn() {
    Pod pod = new PodBuilder().withNewMetadata().withName("shop-backup-1").endMetadata().build();

    assertThat(PodFactsReader.read("shop", pod)).isEmpty();
  }
}
