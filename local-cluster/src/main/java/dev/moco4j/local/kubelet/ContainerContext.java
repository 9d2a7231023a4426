package dev.moco4j.local.kubelet;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import java.nio.file.Path;
import java.util.Map;

/** Everything a runtime needs to turn one container of a pod into a host command line. */
record ContainerContext(
    Pod pod,
    Container container,
    int index,
    String podIp,
    Path containerDir,
    PathMapper paths,
    Map<String, String> environment) {}
