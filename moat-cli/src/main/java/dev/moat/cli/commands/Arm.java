package dev.moat.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.moat.cli.CliContext;
import dev.moat.cli.http.DeleteResource;
import dev.moat.cli.http.GetResource;
import dev.moat.cli.http.ListResources;
import dev.moat.cli.http.PostAction;
import dev.moat.cli.http.ServiceException;
import dev.moat.cli.http.WriteResource;

/**
 * What commands do with ARM, in az's terms: paths in the current subscription, {@code show} that
 * exits 3 on a missing resource, creates that wait for their operation, and the resource group's
 * location as the default {@code --location}.
 */
public final class Arm {
  private final CliContext context;

  public Arm(CliContext context) {
    this.context = context;
  }

  public String subscriptionId() {
    return context.subscriptionId();
  }

  /** {@code /subscriptions/{sub}/resourceGroups/{group}}. */
  public String groupPath(String group) {
    return "/subscriptions/" + subscriptionId() + "/resourceGroups/" + group;
  }

  /** {@code /subscriptions/{sub}/resourceGroups/{group}/providers/{rest}}. */
  public String providerPath(String group, String rest) {
    return groupPath(group) + "/providers/" + rest;
  }

  /** A GET for a {@code show} command: a missing resource is az's error with exit code 3. */
  public JsonNode show(String path, String apiVersion) {
    try {
      return new GetResource(path, apiVersion).run(context.session());
    } catch (ServiceException e) {
      throw e.isNotFound() ? e.asShowNotFound() : e;
    }
  }

  public JsonNode get(String path, String apiVersion) {
    return new GetResource(path, apiVersion).run(context.session());
  }

  public ArrayNode list(String path, String apiVersion) {
    return new ListResources(path, apiVersion).run(context.session());
  }

  public JsonNode put(String path, String apiVersion, JsonNode body, boolean noWait) {
    return new WriteResource("PUT", path, apiVersion, body, noWait).run(context.session());
  }

  public JsonNode patch(String path, String apiVersion, JsonNode body, boolean noWait) {
    return new WriteResource("PATCH", path, apiVersion, body, noWait).run(context.session());
  }

  public JsonNode post(String path, String apiVersion, JsonNode body, boolean noWait) {
    return new PostAction(path, apiVersion, body, noWait).run(context.session());
  }

  public void delete(String path, String apiVersion, boolean noWait) {
    new DeleteResource(path, apiVersion, noWait).run(context.session());
  }

  /** The location of a resource group: az's default for {@code --location}. */
  public String groupLocation(String group) {
    return get(groupPath(group), ApiVersions.RESOURCES).path("location").asText();
  }

  /** {@code location} if given, else the group's. */
  public String locationOr(String location, String group) {
    return location != null && !location.isBlank() ? location : groupLocation(group);
  }
}
