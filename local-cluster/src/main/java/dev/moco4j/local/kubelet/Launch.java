package dev.moco4j.local.kubelet;

import java.util.List;
import java.util.Map;

/** A container as a host process: its command line and environment. */
record Launch(List<String> command, Map<String, String> environment) {}
