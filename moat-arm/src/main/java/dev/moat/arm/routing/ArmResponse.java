package dev.moat.arm.routing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** What a handler answers: status, a body record serialised as JSON (null for none), headers. */
public record ArmResponse(int status, Object body, Map<String, String> headers) {
  public ArmResponse {
    headers = Map.copyOf(headers);
  }

  public static ArmResponse ok(Object body) {
    return new ArmResponse(200, body, Map.of());
  }

  /**
   * 200 with ARM's list body {@code {"value": [...]}}: every list operation of every type answers
   * this shape (one page; Moat never sends {@code nextLink}).
   *
   * @param items the stored records, in the order to list them
   * @param render each record's wire body
   */
  public static <T> ArmResponse page(List<T> items, Function<? super T, ?> render) {
    return ok(new Page(items.stream().<Object>map(render).toList()));
  }

  /** 200 with ARM's list body around wire bodies already rendered. */
  public static ArmResponse page(List<?> bodies) {
    return ok(new Page(List.copyOf(bodies)));
  }

  /** ARM's list body. */
  public record Page(List<Object> value) {}

  public static ArmResponse created(Object body) {
    return new ArmResponse(201, body, Map.of());
  }

  /** 200 for an update, 201 for a create, as ARM's PUT answers. */
  public static ArmResponse createdOrOk(boolean created, Object body) {
    return new ArmResponse(created ? 201 : 200, body, Map.of());
  }

  public static ArmResponse accepted() {
    return new ArmResponse(202, null, Map.of());
  }

  public static ArmResponse noContent() {
    return new ArmResponse(204, null, Map.of());
  }

  public static ArmResponse status(int status) {
    return new ArmResponse(status, null, Map.of());
  }

  /** This response with extra headers. */
  public ArmResponse withHeaders(Map<String, String> extra) {
    Map<String, String> h = new LinkedHashMap<>(headers);
    h.putAll(extra);
    return new ArmResponse(status, body, h);
  }
}
