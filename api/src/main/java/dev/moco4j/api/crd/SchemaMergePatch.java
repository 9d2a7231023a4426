package dev.moco4j.api.crd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.crdv2.generator.v1.SchemaCustomizer;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.Map;

/**
 * Applies a JSON merge patch (RFC 7386) to a generated schema, for use in
 * {@code @SchemaCustomizer}.
 *
 * <p>fabric8's own MergePatchCustomizer replaces nested objects instead of merging them (Jackson's
 * readerForUpdating only merges the top level), so patching {@code properties.spec...} would drop
 * every sibling property. This one merges at every depth.
 */
public final class SchemaMergePatch implements SchemaCustomizer.Customizer {

  @Override
  public JSONSchemaProps apply(
      JSONSchemaProps props, String input, KubernetesSerialization serialization) {
    JsonNode target = serialization.convertValue(props, JsonNode.class);
    JsonNode patch = serialization.unmarshal(input, JsonNode.class);
    return serialization.convertValue(merge(target, patch), JSONSchemaProps.class);
  }

  /** RFC 7386: objects merge key by key, null removes a key, anything else replaces. */
  static JsonNode merge(JsonNode target, JsonNode patch) {
    if (!patch.isObject()) {
      return patch;
    }
    ObjectNode result =
        target != null && target.isObject()
            ? ((ObjectNode) target).deepCopy()
            : JsonNodeFactory.instance.objectNode();
    for (Map.Entry<String, JsonNode> field : patch.properties()) {
      if (field.getValue().isNull()) {
        result.remove(field.getKey());
      } else {
        result.set(field.getKey(), merge(result.get(field.getKey()), field.getValue()));
      }
    }
    return result;
  }
}
